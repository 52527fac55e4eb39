import { t } from '@/extension/i18n';
import { openShortcutSettings } from '@/extension/shortcut-settings';
import { commandLabel, type Command } from '../use-commands';
import './ShortcutTable.css';

/** Every command with the keys the browser really bound ("not set" where it bound none), and the way to change them. */
export function ShortcutTable({ commands }: { commands: Command[] }) {
  return (
    <div class="shortcut-table">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('shortcutAction')}</th>
            <th scope="col">{t('shortcutKeys')}</th>
          </tr>
        </thead>
        <tbody>
          {commands.map((command) => (
            <tr key={command.name} data-command={command.name}>
              <td>{commandLabel(command)}</td>
              <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : t('shortcutNone')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button" onClick={() => void openShortcutSettings()}>
        {t('shortcutsChange')}
      </button>
    </div>
  );
}
