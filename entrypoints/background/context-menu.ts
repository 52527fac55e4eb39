// The context-menu item on selected text: 在政府工作报告中搜索“%s” opens the
// report view with that search. Chrome keeps MV3 menus across restarts but
// Firefox's event pages do not, so the item is (re)created on install and on
// every startup; removeAll first keeps a second create from failing on a
// duplicate id.

import { browser } from 'wxt/browser';
import { reportUrl } from '@/extension/report-url';
import { t } from '@/extension/i18n';

const MENU_ID = 'policy-lens-search';

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t('contextMenuSearch'), contexts: ['selection'] });
}

/** Call once, synchronously, when the background starts (listeners must exist before events are dispatched). */
export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup.addListener(() => void createMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const query = (info.selectionText ?? '').trim().slice(0, 256);
    if (!query) return;
    void browser.tabs.create({ url: reportUrl({ query }), index: tab ? tab.index + 1 : undefined });
  });
}
