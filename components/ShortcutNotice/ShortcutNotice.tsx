import { t } from '@/extension/i18n';
import { openShortcutSettings } from '@/extension/shortcut-settings';
import { commandLabel, type Command } from '../use-commands';
import './ShortcutNotice.css';

/**
 * Says which commands the browser left without a shortcut (their key held by
 * another extension, or by the browser) and opens the browser's shortcut
 * settings. Nothing when every command is bound.
 */
export function ShortcutNotice({ commands }: { commands: Command[] | undefined }) {
  const missing = (commands ?? []).filter((command) => !command.shortcut);
  if (!missing.length) return null;
  return (
    <p class="shortcut-notice" data-missing={missing.map((command) => command.name).join(' ')}>
      {t('shortcutsMissing', missing.map(commandLabel).join(t('listSeparator')))}{' '}
      <button type="button" class="shortcut-notice__change" onClick={() => void openShortcutSettings()}>
        {t('shortcutsChange')}
      </button>
    </p>
  );
}
