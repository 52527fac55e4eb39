// The popup for a page's tab, as the tests drive it. Playwright does not
// attach to the action's popup window, so the popup opens in a tab of its own
// and is told which tab it is about; the toolbar action is clicked first (CDP
// Extensions.triggerAction), which grants activeTab exactly as a reader's
// click does, so the popup may read the page's address and shows the switch.

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionSession } from './harness';

interface TabsGlobals {
  chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
}

interface TabTargets {
  targetInfos: { targetId: string; type: string; url: string }[];
}

/** Clicks the extension's toolbar action on a page's tab, as a reader would. */
export async function clickAction(session: ExtensionSession, page: Page): Promise<void> {
  const browserSession = await session.context.browser()!.newBrowserCDPSession();
  try {
    // triggerAction wants the tab target, not the page target Playwright knows.
    const { targetInfos } = (await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as TabTargets;
    const tab = targetInfos.find((t) => t.url === page.url());
    expect(tab, `a tab target for ${page.url()}`).toBeDefined();
    await browserSession.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab!.targetId } as never);
  } finally {
    await browserSession.detach();
  }
}

export async function popupFor(session: ExtensionSession, page: Page): Promise<Page> {
  await clickAction(session, page);
  const popup = await session.extensionPage('popup.html');
  const url = page.url();
  const tabId = await popup.evaluate(
    async (u) => (await (globalThis as unknown as TabsGlobals).chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  expect(tabId, `the extension can see the tab of ${url} after the action click`).toBeDefined();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#site-switch');
  return popup;
}
