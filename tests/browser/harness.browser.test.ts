// The harness checked against itself: if it could not see a request, the
// no-network tests built on it would pass without proving anything.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionNetworkRequests,
  launchWithExtension,
  serveFixtures,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

describe('browser harness', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let other: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages', {
      headers: { '/harness-check.html': { 'X-Fixture': 'harness' } },
    });
    other = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
    await other?.close();
  });

  it('loads the extension and finds its service worker', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
  });

  it('serves fixtures with their headers on two origins, 404 otherwise', async () => {
    expect(other.origin).not.toBe(site.origin);
    const page = await session.context.newPage();
    const response = await page.goto(`${site.origin}/harness-check.html`);
    expect(response?.headers()['x-fixture']).toBe('harness');
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    await page.waitForFunction(() => document.body.dataset.loaded === 'yes');
    expect(await page.textContent('#text')).toBe('这是一个用于检查测试工具的页面。');
    expect((await page.goto(`${site.origin}/missing.html`))?.status()).toBe(404);
    expect((await page.goto(`${site.origin}/../package.json`))?.status()).toBe(404);
    await page.close();
  });

  it("records the page's requests as the page's", async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.origin}/harness-check.html`);
    await page.waitForFunction(() => document.body.dataset.loaded === 'yes');
    await page.close();
    const urls = session.requests.filter((r) => r.source === 'page').map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${site.origin}/harness-check.html`,
        `${site.origin}/harness-check.css`,
        `${site.origin}/harness-check.json`,
      ]),
    );
  });

  it('attributes a fetch from the service worker to the extension', async () => {
    const url = `${other.origin}/harness-check.json?from=worker`;
    await session.serviceWorker.evaluate((u) => fetch(u, { mode: 'no-cors' }).then((r) => r.type), url);
    expect(extensionNetworkRequests(session.requests).map((r) => r.url)).toContain(url);
    expect(other.hits).toContain('/harness-check.json?from=worker');
  });

  it('attributes a fetch from an extension page to the extension', async () => {
    const url = `${other.origin}/harness-check.json?from=extension-page`;
    const page = await session.extensionPage('manifest.json');
    await page.evaluate((u) => fetch(u, { mode: 'no-cors' }).then((r) => r.type), url);
    await page.close();
    expect(extensionNetworkRequests(session.requests).map((r) => r.url)).toContain(url);
  });
});

describe('browser harness with an extension that leaks', () => {
  it("attributes a content script's fetch to the extension, not the page", async () => {
    const site = await serveFixtures('tests/fixtures/pages');
    const session = await launchWithExtension({ extensionDir: 'tests/fixtures/extensions/leaky' });
    try {
      const page = await session.context.newPage();
      await page.goto(`${site.origin}/harness-check.html`);
      await expect.poll(() => site.hits).toContain('/harness-check.json?from=content-script');
      // The initiator that attributes the fetch to the content script arrives over CDP
      // a moment after the request itself: poll rather than classify too early.
      await expect
        .poll(() => extensionNetworkRequests(session.requests).map((r) => r.url))
        .toEqual([`${site.origin}/harness-check.json?from=content-script`]);
      const fromPage = session.requests.filter((r) => r.source === 'page').map((r) => r.url);
      expect(fromPage).toContain(`${site.origin}/harness-check.json`);
    } finally {
      await session.close({ removeUserDataDir: true });
      await site.close();
    }
  });
});
