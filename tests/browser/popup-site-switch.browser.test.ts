// The popup's site switch on a real page: the terms the page mentions, with
// counts, and choosing one reveals it; switching the site off clears every
// highlight without a reload, switching on brings them back; the choice
// survives a restart of the browser with the same profile; extension pages
// say PolicyLens does not run there instead of showing a switch.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';
import { popupFor } from './popup-for-tab';

const highlightCount = (page: Page) =>
  page.evaluate(() => {
    let count = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('policy-lens')) count += highlight.size;
    return count;
  });

describe('popup site switch', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let userDataDir: string;

  beforeAll(async () => {
    server = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    userDataDir = session.userDataDir;
    await waitForIndexReady(session);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await server?.close();
  });

  it('an extension page says PolicyLens does not run there, with no site switch', async () => {
    const popup = await session.extensionPage('popup.html');
    await popup.waitForSelector('[data-page-support="extension"]');
    expect(await popup.locator('#site-switch').count()).toBe(0);
    expect(await popup.locator('#global-switch').getAttribute('role')).toBe('switch');
    await popup.close();
  });

  it('with an empty box, lists the terms on the page with counts; choosing one opens its card', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const popup = await popupFor(session, page);
    const terms = popup.locator('.page-terms__term');
    await terms.first().waitFor();
    const counts = await popup.$$eval('.page-terms__count', (cs) => cs.map((c) => Number(c.textContent)));
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(await highlightCount(page));
    await terms.first().click().catch((error: unknown) => {
      // The popup closes itself once the page has revealed the term.
      if (!popup.isClosed()) throw error;
    });
    await page.waitForSelector('policy-lens-card', { state: 'attached', timeout: 10_000 });
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });

  it('switching the site off clears the highlights without reload, on brings them back, and it survives a restart', async () => {
    let page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    // A mark on the page's window: gone if the page reloads.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    let popup = await popupFor(session, page);
    const siteSwitch = popup.locator('#site-switch');
    expect(await popup.locator('#site-switch-label').textContent()).toContain('127.0.0.1');
    expect(await siteSwitch.getAttribute('aria-checked')).toBe('true');

    await siteSwitch.click();
    expect(await siteSwitch.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => highlightCount(page)).toBe(0);

    await siteSwitch.click();
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);

    await siteSwitch.press('Space');
    await expect.poll(() => siteSwitch.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => highlightCount(page)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const ownSetting = await popup.locator('#site-switch-description').textContent();

    await session.close();
    session = await launchWithExtension({ userDataDir });
    await waitForIndexReady(session);
    page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
    popup = await popupFor(session, page);
    expect(await popup.locator('#site-switch').getAttribute('aria-checked')).toBe('false');
    expect(await popup.locator('#site-switch-description').textContent()).toBe(ownSetting);
    expect(await highlightCount(page)).toBe(0);

    // Switched back on, the same page lights up: it was off, not broken.
    await popup.locator('#site-switch').click();
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('the global switch turns PolicyLens off on every site and the site switch says so', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const popup = await popupFor(session, page);
    await popup.locator('#global-switch').click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    expect(await popup.locator('#site-switch').isDisabled()).toBe(true);
    await popup.locator('#global-switch').click();
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
