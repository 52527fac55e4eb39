// The report view (report.html) in the built extension: the whole index read
// from IndexedDB, deep links that scroll to and mark a clause, targets marked
// in the text, the "targets at a glance" table (every target, sortable,
// filterable) and the same search as the popup.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clause, ReportDocument, Target } from '@/lib/model';
import { launchWithExtension, readStore, waitForIndexReady, type ExtensionSession } from './harness';

describe('report view', () => {
  let session: ExtensionSession;
  let clauses: Clause[];
  let targets: Target[];
  let documents: ReportDocument[];

  beforeAll(async () => {
    session = await launchWithExtension();
    await waitForIndexReady(session);
    const page = await session.extensionPage('report.html');
    [clauses, targets, documents] = await Promise.all([
      readStore<Clause>(page, 'clauses'),
      readStore<Target>(page, 'targets'),
      readStore<ReportDocument>(page, 'documents'),
    ]);
    await page.close();
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await session.extensionPage(path);
    await page.waitForSelector('.report__document');
    return page;
  }

  it('shows both documents with a table of contents linking to them', async () => {
    const page = await open('report.html');
    const titles = await page.$$eval('.report__document h2', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(titles).toHaveLength(documents.length);
    const tocLinks = await page.$$eval('.toc a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const doc of documents) expect(tocLinks).toContain(`#doc-${doc.id}`);
    expect(await page.locator('.clause').count()).toBe(clauses.length);
    // The copy lacks the headings of part 二 and item (三): said, not invented.
    const missing = await page.$$eval('.report__missing', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatch(/^二、/);
    expect(missing[1]).toMatch(/^（三）/);
    await page.close();
  });

  it('a deep link #clause-ID scrolls to the clause and marks it', async () => {
    // A clause far down the page, so reaching it takes a scroll.
    const clause = clauses.find((c) => c.text.includes('津治通'))!;
    expect(clause).toBeDefined();
    const page = await open(`report.html#clause-${clause.id}`);
    const target = page.locator(`#clause-${clause.id}`);
    await expect.poll(() => target.getAttribute('class')).toContain('clause--marked');
    await expect
      .poll(() =>
        target.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight && window.scrollY > 0;
        }),
      )
      .toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`clause-${clause.id}`);
    expect(await page.locator('.clause--marked').count()).toBe(1);
    await page.close();
  });

  it('marks each clause target in the text: 50亿美元 in the 实际使用外资 clause', async () => {
    const page = await open('report.html');
    const target = targets.find((t) => t.text === '50亿美元')!;
    expect(target).toBeDefined();
    const mark = page.locator(`#clause-${target.clauseId} mark[data-target-id="${target.id}"]`);
    expect(await mark.textContent()).toBe('50亿美元');
    expect(await page.locator('mark.clause__target').count()).toBe(targets.length);
    await page.close();
  });

  it('the targets table lists every target in the index', async () => {
    const page = await open('report.html');
    const ids = await page.$$eval('.targets-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.targetId));
    expect(ids.sort()).toEqual(targets.map((t) => t.id).sort());
    await page.close();
  });

  it('sorts the targets table by value and filters it by kind and text', async () => {
    const page = await open('report.html');
    const valueHeader = page.locator('.targets-table th button[data-column="value"]');
    await valueHeader.click();
    const values = () =>
      page.$$eval('.targets-table tbody tr .targets-table__value', (cells) => cells.map((c) => Number(c.textContent)));
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await page.locator('.targets-table th:has(button[data-column="value"])').getAttribute('aria-sort')).toBe('ascending');
    await valueHeader.click();
    const descending = await values();
    expect(descending).toEqual([...ascending].reverse());

    await page.selectOption('.targets-table select[name="kind"]', 'result');
    const kinds = await page.$$eval('.targets-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.kind));
    expect(kinds.length).toBe(targets.filter((t) => t.kind === 'result').length);
    expect(new Set(kinds)).toEqual(new Set(['result']));

    await page.selectOption('.targets-table select[name="kind"]', '');
    await page.fill('.targets-table input[type="search"]', '外资');
    const filtered = await page.$$eval('.targets-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.targetId));
    expect(filtered).toContain(targets.find((t) => t.text === '50亿美元')!.id);
    expect(filtered.length).toBeLessThan(targets.length);
    await page.close();
  });

  it('searches like the popup, starting from ?q=, and a result opens its clause in place', async () => {
    const page = await open(`report.html?q=${encodeURIComponent('實際使用外資')}`);
    expect(await page.inputValue('#search-input')).toBe('實際使用外資');
    const first = page.locator('.search-result').first();
    await first.waitFor();
    expect(await first.locator('.search-result__text').textContent()).toContain('全年实际使用外资50亿美元');
    const clauseId = await first.getAttribute('data-clause-id');
    await first.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#clause-${clauseId}`);
    await expect.poll(() => page.locator(`#clause-${clauseId}`).getAttribute('class')).toContain('clause--marked');
    // The query's words are emphasised in the opened clause, in simplified characters as the report prints them.
    expect(await page.locator(`#clause-${clauseId} mark.clause__hit`).allTextContents()).toEqual(['实际使用外资']);
    expect(await page.locator('mark.clause__hit').count()).toBe(1);
    await page.close();
  });
});
