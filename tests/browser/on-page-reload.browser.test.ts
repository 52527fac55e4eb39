// An extension reload while a page is open: the old content script stops
// cleanly: its highlights and card go, and nothing is thrown into the page's
// console as "Extension context invalidated".

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyExtensionPagePath,
  launchWithExtension,
  recordConsoleProblems,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';
import { firstHighlightPoint } from './reliability-support';

describe('on the page: extension reload', () => {
  let session: ExtensionSession;
  let site: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it('stops the old content script without errors', async () => {
    const page = await session.context.newPage();
    const messages = recordConsoleProblems(page);
    await page.goto(`${site.origin}/on-page-news.html`);
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 10);

    const control = await session.extensionPage(anyExtensionPagePath());
    await control.evaluate(() => {
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
    }).catch(() => undefined);
    // An extension loaded with --load-extension does not come back after runtime.reload() under
    // Playwright, so the old script's stop is what this test can see; the new one is the fresh install of every other test.
    await page.waitForTimeout(500);

    // The pointer over a term wakes the old script, which finds its context gone and stops.
    const point = (await firstHighlightPoint(page))!;
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.waitForTimeout(1_000);
    await page.mouse.move(point.x + 1, point.y, { steps: 2 });
    await page.waitForFunction(() => !CSS.highlights.has('policy-lens'), null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelector('policy-lens-card'))).toBeNull();
    expect(messages.filter((m) => /context invalidated|policy/i.test(m))).toEqual([]);
    // The page itself still works: its DOM is intact and its scripts run.
    expect(await page.evaluate(() => document.getElementById('farm')?.textContent)).toContain('高标准农田');
    await page.close();
  });
});
