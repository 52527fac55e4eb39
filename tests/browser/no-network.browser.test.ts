// The extension sends no request of its own, ever. Recorded from install on:
// the index load, browsing a news page full of report terms, resting on a
// highlight, opening the popup. The harness classifies each request
// (tests/browser/harness.browser.test.ts proves it catches the extension's).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyExtensionPagePath,
  extensionNetworkRequests,
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

describe('no network', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let highlighted = false;
  let cardOpened = false;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);

    const page = await session.context.newPage();
    await page.goto(`${site.origin}/demo-news.html`);
    // Let the content script ask for the terms, match and paint; then rest on a highlight.
    highlighted = await page
      .waitForFunction(() => (CSS.highlights?.get('policy-lens')?.size ?? 0) > 0, undefined, { timeout: 5_000 })
      .then(() => true, () => false);
    const rect = await page.evaluate(() => {
      const first = [...(CSS.highlights?.get('policy-lens') ?? [])][0];
      if (!first) return null;
      // A StaticRange has no geometry: measure a live Range over the same text.
      const range = document.createRange();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    if (rect) {
      await page.mouse.move(rect.x - 40, rect.y + 60);
      await page.mouse.move(rect.x, rect.y, { steps: 4 });
      cardOpened = await page
        .waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'), undefined, {
          timeout: 3_000,
        })
        .then(() => true, () => false);
    }
    const popup = await session.extensionPage(anyExtensionPagePath());
    await popup.waitForTimeout(1_000);
    await popup.close();
    await page.close();
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it('recorded real work: the page was highlighted, a card opened, the record is not empty', () => {
    expect(highlighted).toBe(true);
    expect(cardOpened).toBe(true);
    expect(session.requests.map((r) => r.url)).toContain(`${site.origin}/demo-news.html`);
  });

  it('the extension requested nothing but its own files', () => {
    expect(extensionNetworkRequests(session.requests)).toEqual([]);
    const own = `chrome-extension://${session.extensionId}/`;
    const elsewhere = session.requests.filter((r) => /^(chrome|moz)-extension:/.test(r.url) && !r.url.startsWith(own));
    expect(elsewhere).toEqual([]);
  });

  it('the page made only its own fixture requests', () => {
    const pageNetwork = session.requests.filter((r) => r.source === 'page' && /^(https?|wss?):/.test(r.url));
    expect(pageNetwork.map((r) => r.url)).toEqual([`${site.origin}/demo-news.html`]);
    // The server's own log: nothing else reached it, whoever sent it.
    expect(site.hits).toEqual(['/demo-news.html']);
  });
});
