import './SiteSwitch.css';

interface Props {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A line under the label (what the state comes from); also the switch's description for screen readers. */
  description?: string;
  disabled?: boolean;
}

/** An on/off switch: a button with role="switch", so keyboards and screen readers treat it as one. */
export function SiteSwitch({ id, label, checked, onChange, description, disabled }: Props) {
  return (
    <div class="site-switch">
      <span class="site-switch__text">
        <span id={`${id}-label`} class="site-switch__label">
          {label}
        </span>
        {description && (
          <span id={`${id}-description`} class="site-switch__description">
            {description}
          </span>
        )}
      </span>
      <button
        id={id}
        type="button"
        role="switch"
        class="site-switch__control"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-description` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="site-switch__thumb" aria-hidden="true" />
      </button>
    </div>
  );
}
