import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { t } from '@/extension/i18n';

export type Command = Browser.commands.Command;

/**
 * The extension's keyboard commands as the browser bound them: a command
 * whose suggested key the browser refused has no shortcut ('' in Chrome).
 * Undefined until the browser answers.
 */
export function useCommands(): Command[] | undefined {
  const [commands, setCommands] = useState<Command[]>();
  useEffect(() => {
    browser.commands.getAll().then(setCommands, () => setCommands([]));
  }, []);
  return commands;
}

/** What a command does, in the reader's language: the action's own command has no description to show. */
export function commandLabel(command: Command): string {
  return command.name === '_execute_action' ? t('commandOpenPopup') : (command.description ?? command.name ?? '');
}

/** The bound shortcut of the named command, or '' when the browser bound none. */
export function shortcutOf(commands: Command[] | undefined, name: string): string {
  return commands?.find((command) => command.name === name)?.shortcut ?? '';
}
