// The extension sends no request of its own, ever. Recorded from install on:
// the index load, the welcome page (its sample article marked, a card opened
// on it; opened by the test, as the tab the install opens may load before
// the recording starts), browsing a news page full of report terms, resting
// on a highlight, a search in the popup, the report view opened at a clause
// and searched, the options page. The harness classifies each request
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
import { firstHighlightPoint } from './reliability-support';

describe('no network', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let highlighted = false;
  let cardOpened = false;
  let clauseId: string | null | undefined;
  const seen = { popupResults: 0, reportMarked: 0, reportResults: 0, optionsState: '', welcomeCard: false };

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);

    const welcome = await session.extensionPage('welcome.html');
    await welcome.waitForFunction(() => (CSS.highlights?.get('policy-lens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
    await welcome.locator('#next-term').click();
    seen.welcomeCard = await welcome
      .waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'), undefined, { timeout: 5_000 })
      .then(() => true, () => false);
    await welcome.close();

    const page = await session.context.newPage();
    await page.goto(`${site.origin}/demo-news.html`);
    // Let the content script ask for the terms, match and paint; then rest on a highlight.
    highlighted = await page
      .waitForFunction(() => (CSS.highlights?.get('policy-lens')?.size ?? 0) > 0, undefined, { timeout: 5_000 })
      .then(() => true, () => false);
    const rect = await firstHighlightPoint(page);
    if (rect) {
      await page.mouse.move(rect.x - 40, rect.y + 60);
      await page.mouse.move(rect.x, rect.y, { steps: 4 });
      cardOpened = await page
        .waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'), undefined, {
          timeout: 3_000,
        })
        .then(() => true, () => false);
      clauseId = await page.evaluate(() => document.querySelector('policy-lens-card')?.getAttribute('data-clause-id'));
    }
    const popup = await session.extensionPage(anyExtensionPagePath());
    await popup.locator('#search-input').fill('外资');
    await popup.locator('.search-result').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    seen.popupResults = await popup.locator('.search-result').count();
    await popup.close();

    // The report view as the card's "open in report" and the context menu open it: at a clause, and with a search.
    const report = await session.extensionPage(`report.html#clause-${clauseId ?? ''}`);
    await report.locator('.clause--marked').waitFor({ timeout: 10_000 }).catch(() => undefined);
    seen.reportMarked = await report.locator('.clause--marked').count();
    await report.goto(`chrome-extension://${session.extensionId}/report.html?q=${encodeURIComponent('高标准农田')}`);
    await report.locator('.search-result').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    seen.reportResults = await report.locator('.search-result').count();
    await report.close();

    const options = await session.extensionPage('options.html');
    await options.locator('.options__index[data-state="ready"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
    seen.optionsState = (await options.locator('.options__index').getAttribute('data-state')) ?? '';
    await options.close();
    // Give anything the pages or the worker started late a moment to show up in the record.
    await page.waitForTimeout(500);
    await page.close();
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it('recorded real work: the page was highlighted, a card opened, searches answered, report and options shown', () => {
    expect(highlighted).toBe(true);
    expect(cardOpened).toBe(true);
    expect(clauseId).toBeTruthy();
    expect(seen.popupResults).toBeGreaterThan(0);
    expect(seen.reportMarked).toBe(1);
    expect(seen.reportResults).toBeGreaterThan(0);
    expect(seen.optionsState).toBe('ready');
    expect(seen.welcomeCard).toBe(true);
    const urls = session.requests.map((r) => r.url);
    expect(urls).toContain(`${site.origin}/demo-news.html`);
    // The extension's own files were recorded too, so the record covers its pages.
    for (const file of ['welcome.html', 'popup.html', 'report.html', 'options.html']) {
      expect(urls.some((u) => u.startsWith(`chrome-extension://${session.extensionId}/${file}`)), file).toBe(true);
    }
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
