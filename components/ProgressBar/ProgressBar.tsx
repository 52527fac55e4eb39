import './ProgressBar.css';

interface Props {
  /** Steps done, of total. */
  done: number;
  total: number;
  /** What is being done, shown under the bar and given to screen readers. */
  label: string;
}

/** A determinate progress bar (role="progressbar"), for a document being added. */
export function ProgressBar({ done, total, label }: Props) {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  return (
    <div class="progress-bar">
      <div
        class="progress-bar__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={Math.min(done, total)}
        aria-valuetext={label}
      >
        <div class="progress-bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p class="progress-bar__label" aria-live="polite">
        {label}
      </p>
    </div>
  );
}
