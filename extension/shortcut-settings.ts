// Where the reader changes the extension's keyboard shortcuts: the browser's
// own page, since a browser leaves a suggested key unbound when another
// extension (or the browser) holds it, and only the reader can pick another.

import { browser } from 'wxt/browser';

/** Firefox 137+ opens its shortcuts page through the API; it has no URL an extension may open. Chrome has the URL. */
export function openShortcutSettings(): Promise<unknown> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  return browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
