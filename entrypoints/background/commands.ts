// Keyboard commands declared in wxt.config.ts: 'toggle-site' switches the
// current tab's site on or off (the content script follows the settings change
// at once); 'focus-next-term' asks the tab's content script to move to the next
// highlighted term (on the welcome page, the page itself: tabs.sendMessage
// reaches an extension page in its tab, in Chromium and Firefox alike). The
// popup command (_execute_action) needs no handler.

import { browser, type Browser } from 'wxt/browser';
import { resolveSiteState } from '@/lib/site-state';
import { updateSettings } from '@/extension/settings';

async function activeTab(tab: Browser.tabs.Tab | undefined): Promise<Browser.tabs.Tab | undefined> {
  if (tab) return tab;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

/** Flips the site's state; turning a site on while the global switch is off turns the global switch on too, or nothing would change. */
export async function toggleSite(url: string): Promise<void> {
  // Decided on the settings the update reads, so two quick presses flip the site twice.
  await updateSettings((settings) => {
    const state = resolveSiteState(settings, url);
    if (!state.host) return {};
    const on = !state.enabled;
    return { sites: { ...settings.sites, [state.host]: on }, ...(on ? { enabled: true } : {}) };
  });
}

/** Call once, synchronously, when the background starts. */
export function registerCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    void (async () => {
      const target = await activeTab(tab);
      if (!target?.id || !target.url) return;
      if (command === 'toggle-site') {
        await toggleSite(target.url);
      } else if (command === 'focus-next-term') {
        // A tab without the content script (browser pages, sites switched off) has no one to answer.
        await browser.tabs.sendMessage(target.id, { type: 'focus-next' }).catch(() => undefined);
      }
    })();
  });
}
