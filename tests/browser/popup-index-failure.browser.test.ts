// When the index cannot be loaded into IndexedDB the popup and the report view
// say so and offer a rebuild, while search and the report keep working from
// the bundled data. The failure
// is real: the test leaves a foreign `policy-lens` database in the extension's
// origin (no object stores) and asks the background to rebuild, so Dexie's
// writes fail; removing it and pressing the popup's rebuild recovers.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStatus, Reply } from '@/lib/messages';
import { launchWithExtension, waitForIndexReady, type ExtensionSession } from './harness';

interface RuntimeGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** Replaces the extension's database with an empty one at a higher version, which the background cannot write to. */
const breakDatabase = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const removal = indexedDB.deleteDatabase('policy-lens');
        removal.onerror = () => fail(removal.error);
        removal.onsuccess = () => {
          const open = indexedDB.open('policy-lens', 999);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            open.result.close();
            done();
          };
        };
      }),
  );

const removeDatabase = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const removal = indexedDB.deleteDatabase('policy-lens');
        removal.onerror = () => fail(removal.error);
        removal.onsuccess = () => done();
      }),
  );

const rebuild = (page: Page) =>
  page.evaluate(
    async () =>
      (await (globalThis as unknown as RuntimeGlobals).chrome.runtime.sendMessage({ type: 'rebuild' })) as Reply<IndexStatus>,
  );

describe('popup and report view when the index failed', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    await waitForIndexReady(session);
    page = await session.extensionPage('options.html');
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
  });

  it('says the index failed, still searches, and its rebuild button recovers', async () => {
    await breakDatabase(page);
    const failed = await rebuild(page);
    expect(failed.ok && failed.value.state).toBe('failed');

    const popup = await session.extensionPage('popup.html');
    const notice = popup.locator('.index-notice[role="alert"]');
    await notice.waitFor();
    const rebuildButton = notice.getByRole('button');
    expect(await rebuildButton.count()).toBe(1);

    // The bundle answers while the database is broken.
    await popup.locator('#search-input').fill('外资');
    await popup.locator('.search-result').first().waitFor();
    expect(await popup.locator('.search-result__text').first().textContent()).toContain('全年实际使用外资50亿美元');

    const report = await session.extensionPage('report.html');
    await report.locator('.index-notice[role="alert"]').waitFor();
    expect(await report.locator('.report__document').count()).toBe(2);
    expect(await report.locator('.targets-table tbody tr').count()).toBe(failed.ok ? failed.value.counts.targets : -1);
    await report.close();

    await removeDatabase(page);
    await rebuildButton.click();
    await notice.waitFor({ state: 'detached' });
    const status = await popup.evaluate(
      async () =>
        (await (globalThis as unknown as RuntimeGlobals).chrome.runtime.sendMessage({ type: 'index-status' })) as Reply<IndexStatus>,
    );
    expect(status.ok && status.value.state).toBe('ready');
  });
});
