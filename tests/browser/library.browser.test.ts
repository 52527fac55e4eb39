// The library in the built extension, as a reader uses it: a document added
// by paste on the library page (with its progress bar), its terms highlighted
// at once on a news page already open, the card naming the document, the
// figures compared across documents, the document switched off and on,
// renamed, exported, removed and imported back, and every bad input refused
// with a sentence while the library stays as it was. The rows the extension
// writes are the rows Node's pipeline computes for the same text: the
// runtime pipeline is the build's.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clause, Target } from '@/lib/model';
import type { ClauseCard, ClauseView, IndexStatus, LibraryEntry, Reply, TermTable } from '@/lib/messages';
import type { ClauseRow, DocumentRow, TargetRow, TermRow } from '@/lib/store/db';
// The browser project resolves values by relative paths.
import { analyseTexts } from '../../lib/document/analyse-text';
import { buildTraditionalTable } from '../../lib/document/traditional-table';
import { prepareText, type PreparedDocument } from '../../lib/store/library';
import {
  extensionNetworkRequests,
  launchWithExtension,
  readStore,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
  termsOfTable,
} from './harness';
import { highlightedTexts, restOnTerm } from './reliability-support';
import { TERM_FACTS } from '../../lib/document/term-facts';

interface ChromeGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> }; i18n: { getMessage(key: string, subs?: string[]): string } };
}

const REPORT = readFileSync('tests/fixtures/documents/tianjin-2025-work-report.txt', 'utf8');
const TITLE = '2025年天津市政府工作报告';

const ask = async <T,>(page: Page, message: object): Promise<T> => {
  const reply = await page.evaluate(async (m) => (await (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage(m)) as Reply<T>, message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};
const askRaw = (page: Page, message: object) =>
  page.evaluate(async (m) => (await (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage(m)) as Reply<unknown>, message);
const message = (page: Page, key: string, ...subs: string[]) =>
  page.evaluate(({ key, subs }) => (globalThis as unknown as ChromeGlobals).chrome.i18n.getMessage(key, subs), { key, subs });

/** Every row of the four index tables: what "the library is unchanged" compares. */
async function rows(page: Page) {
  return {
    documents: await readStore<DocumentRow>(page, 'documents'),
    clauses: (await readStore<ClauseRow>(page, 'clauses')).length,
    targets: (await readStore<TargetRow>(page, 'targets')).length,
    terms: (await readStore<TermRow>(page, 'terms')).length,
    library: await readStore(page, 'library'),
  };
}

/** Pastes a text on the library page and submits it; resolves with the outcome sentence and every progress value the bar showed. */
async function paste(library: Page, text: string, title = ''): Promise<{ outcome: string; sentence: string; progress: number[] }> {
  await library.evaluate(() => {
    const seen: number[] = [];
    (globalThis as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar?.getAttribute('aria-valuenow');
      if (value !== null && value !== undefined && seen.at(-1) !== Number(value)) seen.push(Number(value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const attempt = Number(await library.getAttribute('#add-outcome', 'data-attempt'));
  await library.fill('#add-title', title);
  // fill() types nothing for a huge text: set the value as a paste would and tell Preact.
  await library.locator('#add-text').evaluate((area: HTMLTextAreaElement, value) => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await library.click('#add-submit');
  await library.waitForSelector(`#add-outcome[data-attempt="${attempt + 1}"]`, { timeout: 60_000 });
  return library.evaluate(() => ({
    outcome: document.getElementById('add-outcome')!.getAttribute('data-outcome')!,
    sentence: document.getElementById('add-outcome')!.textContent ?? '',
    progress: (globalThis as unknown as { progressSeen: number[] }).progressSeen,
  }));
}

async function listed(library: Page): Promise<{ id: string; title: string; enabled: boolean }[]> {
  return library.$$eval('.document-list__item', (items) =>
    items.map((item) => ({
      id: item.getAttribute('data-document-id')!,
      title: item.querySelector('.site-switch__label')?.textContent ?? item.querySelector('input')?.value ?? '',
      enabled: item.getAttribute('data-enabled') === 'true',
    })),
  );
}

describe('the library', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let news: Page;
  let library: Page;
  let bundled: IndexStatus;
  let nodeRows: PreparedDocument;
  let documentId: string;
  /** The bundled report and the deputy's article, in library order. */
  let bundledIds: string[];

  beforeAll(async () => {
    // Node's pipeline first, with a jieba nothing has been taught yet, as the background's is before its first addition.
    const traditional = buildTraditionalTable();
    nodeRows = await prepareText({ title: '', text: REPORT, source: 'paste' }, (input) => analyseTexts([input], { facts: TERM_FACTS, traditional }));
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    bundled = await waitForIndexReady(session);
    expect(bundled.state).toBe('ready');
    news = await session.context.newPage();
    await news.goto(`${site.origin}/library-news.html`);
    await news.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
    library = await session.extensionPage('library.html');
    await library.waitForSelector('.document-list__item');
    bundledIds = (await ask<LibraryEntry[]>(library, { type: 'list-documents' })).map((d) => d.id);
  }, 120_000);

  afterAll(async () => {
    expect(extensionNetworkRequests(session?.requests ?? [])).toEqual([]);
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it('lists the bundled documents, which can be switched off but not removed', async () => {
    const shown = await listed(library);
    expect(shown).toHaveLength(2);
    expect(shown.every((d) => d.enabled)).toBe(true);
    expect(await library.locator('.document-list__item [data-action="remove"]').count()).toBe(0);
    expect(await highlightedTexts(news)).not.toContain('津链通');
  });

  it('adds a pasted report with a progress bar, and the open news page highlights its terms without a reload', async () => {
    const result = await paste(library, REPORT);
    expect(result.outcome, result.sentence).toBe('added');
    expect(result.sentence).toContain(TITLE);
    // The bar moved through the steps the background reported.
    expect(result.progress.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...result.progress)).toBeGreaterThan(Math.min(...result.progress));
    const shown = await listed(library);
    expect(shown.map((d) => d.title)).toContain(TITLE);
    documentId = shown.find((d) => d.title === TITLE)!.id;

    await expect.poll(() => highlightedTexts(news), { timeout: 15_000 }).toContain('津链通');
    const painted = await highlightedTexts(news);
    expect(painted).toContain('滨海算力产业园');
    expect(painted).toContain('高标准农田');
    const status = await ask<IndexStatus>(library, { type: 'index-status' });
    expect(status.counts.documents).toBe(bundled.counts.documents + 1);
    expect(status.counts.clauses).toBe(bundled.counts.clauses + nodeRows.clauses.length);
  });

  it('wrote the rows Node’s pipeline computes for the same text, ids included', async () => {
    const [doc] = await readStore<DocumentRow>(library, 'documents', { key: documentId });
    expect(doc).toEqual({ ...nodeRows.document, order: 2 });
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await readStore<ClauseRow>(library, 'clauses', { index: 'docId', key: documentId }))).toEqual(byId(nodeRows.clauses));
    expect(byId(await readStore<TargetRow>(library, 'targets', { index: 'docId', key: documentId }))).toEqual(byId(nodeRows.targets));
    expect(byId(await readStore<TermRow>(library, 'terms', { index: 'docId', key: documentId }))).toEqual(byId(nodeRows.terms));
  });

  it('opens a card that names the document, steps through both documents for a shared term, and compares the same metric', async () => {
    await restOnTerm(news, news, '津链通');
    const card = await news.evaluate(() => {
      const host = document.querySelector('policy-lens-card')!;
      return { clauseId: host.getAttribute('data-clause-id')!, text: host.shadowRoot!.textContent ?? '' };
    });
    const [clause] = await readStore<Clause>(library, 'clauses', { key: card.clauseId });
    expect(clause?.docId).toBe(documentId);
    expect(card.text).toContain(TITLE);
    await news.keyboard.press('Escape');

    const table = await ask<TermTable>(library, { type: 'term-table' });
    const farmland = termsOfTable(table).filter((t) => t.term === '高标准农田');
    expect(farmland).toHaveLength(1);
    const first = await ask<ClauseCard>(library, { type: 'clause-card', termId: farmland[0]!.id, index: 0 });
    const last = await ask<ClauseCard>(library, { type: 'clause-card', termId: farmland[0]!.id, index: first.total - 1 });
    expect(first.view.docTitle).toBe('2024年天津市政府工作报告');
    expect(last.view.docTitle).toBe(TITLE);

    const targets = await readStore<Target>(library, 'targets');
    const bundledCapital = targets.find((t) => t.text === '50亿美元')!;
    const view = await ask<ClauseView>(library, { type: 'clause-view', clauseId: bundledCapital.clauseId });
    const series = view.comparisons?.find((s) => s.metric === '实际使用外资');
    expect(series?.points.map((p) => [p.year, p.kind, p.text, p.docTitle])).toEqual([
      [2024, 'commitment', '50亿美元', '2024年天津市政府工作报告'],
      [2024, 'result', '52.6亿美元', TITLE],
      [2025, 'commitment', '55亿美元', TITLE],
    ]);

    // The card of the page's figure sets the same metric side by side across both documents and years.
    await restOnTerm(news, news, '实际使用外资52.6亿美元', '实际使用外资');
    const points = await news.evaluate(() =>
      [...document.querySelector('policy-lens-card')!.shadowRoot!.querySelectorAll('.across .point')].map((li) =>
        [...li.children].map((part) => part.textContent),
      ),
    );
    expect(points).toEqual([
      ['2024', '50亿美元', expect.any(String), '2024年天津市政府工作报告'],
      ['2024', '52.6亿美元', expect.any(String), TITLE],
      ['2025', '55亿美元', expect.any(String), TITLE],
    ]);
    await news.keyboard.press('Escape');
  });

  it('opens the new document in the report view, its figures beside the bundled report’s by year', async () => {
    const report = await session.extensionPage(`report.html?doc=${documentId}`);
    try {
      await report.waitForSelector('.report__document');
      const titles = await report.$$eval('.report__document h2', (hs) => hs.map((h) => h.textContent));
      expect(titles).toEqual([TITLE]);
      const rows = await report.$$eval('.targets-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-document-id')));
      expect(rows.length).toBe(nodeRows.targets.length);
      expect(new Set(rows)).toEqual(new Set([documentId]));
      await report.selectOption('.targets-table select[name="document"]', '');
      await expect.poll(() => report.locator('.targets-table tbody tr').count()).toBe(bundled.counts.targets + nodeRows.targets.length);
      const capital = report.locator('.metric-comparison__metric[data-metric-key="天津|实际使用外资|money:美元"] tbody tr');
      expect(await capital.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-year'), tr.getAttribute('data-kind')]))).toEqual([
        ['2024', 'commitment'],
        ['2024', 'result'],
        ['2025', 'commitment'],
      ]);
      // Search limited to one document finds the new document's clause only there.
      const all = await ask<{ hits: { view: ClauseView }[] }>(report, { type: 'search', query: '津链通', limit: 20 });
      expect(all.hits.length).toBeGreaterThan(0);
      const inBundle = await ask<{ hits: unknown[] }>(report, { type: 'search', query: '津链通', limit: 20, docId: bundledIds[0] });
      expect(inBundle.hits).toEqual([]);
    } finally {
      await report.close();
    }
  });

  it('searches every document from the popup, or the one the filter names', async () => {
    const popup = await session.extensionPage('popup.html');
    try {
      await popup.waitForSelector('#search-document option:nth-child(4)', { state: 'attached' });
      const options = await popup.$$eval('#search-document option', (os) => os.map((o) => [o.getAttribute('value'), o.textContent]));
      expect(options[0]).toEqual(['', await message(popup, 'searchScopeAll')]);
      expect(options.slice(1).map(([id]) => id)).toEqual([...bundledIds, documentId]);
      await popup.fill('#search-input', '高标准农田');
      await popup.waitForSelector('.search-result');
      const everywhere = await popup.$$eval('.search-result__path', (ps) => ps.map((p) => p.textContent ?? ''));
      expect(everywhere.some((p) => p.startsWith('2024年天津市政府工作报告'))).toBe(true);
      expect(everywhere.some((p) => p.startsWith(TITLE))).toBe(true);
      await popup.selectOption('#search-document', documentId);
      await expect
        .poll(() => popup.$$eval('.search-result__path', (ps) => ps.map((p) => p.textContent ?? '')))
        .toSatisfy((paths: string[]) => paths.length > 0 && paths.every((p) => p.startsWith(TITLE)));
    } finally {
      await popup.close();
    }
  });

  it('switches the document off: its own terms leave the open page, the shared ones stay; on again, they return', async () => {
    const row = library.locator(`.document-list__item[data-document-id="${documentId}"]`);
    await row.getByRole('switch').click();
    await expect.poll(() => row.getAttribute('data-enabled')).toBe('false');
    // The page drops its highlights and paints again with the new table: wait for the new state, not the gap between.
    const bundledOnly = async () => {
      const painted = await highlightedTexts(news);
      return painted.includes('高标准农田') && !painted.includes('津链通');
    };
    await expect.poll(bundledOnly, { timeout: 15_000 }).toBe(true);
    expect((await ask<IndexStatus>(library, { type: 'index-status' })).counts).toEqual(bundled.counts);

    await row.getByRole('switch').click();
    await expect.poll(() => row.getAttribute('data-enabled')).toBe('true');
    await expect.poll(() => highlightedTexts(news), { timeout: 15_000 }).toContain('津链通');
  });

  it('renames the document: the list and the card use the new name', async () => {
    const row = library.locator(`.document-list__item[data-document-id="${documentId}"]`);
    await row.locator('[data-action="rename"]').click();
    await row.locator('input[type="text"]').fill('天津2025年报告（读者命名）');
    await row.locator('button[type="submit"]').click();
    await expect.poll(async () => (await listed(library)).find((d) => d.id === documentId)?.title).toBe('天津2025年报告（读者命名）');
    const table = await ask<TermTable>(library, { type: 'term-table' });
    const platform = termsOfTable(table).find((t) => t.term === '津链通')!;
    expect((await ask<ClauseCard>(library, { type: 'clause-card', termId: platform.id, index: 0 })).view.docTitle).toBe('天津2025年报告（读者命名）');
  });

  it('refuses every bad input with a sentence, and the library is as it was', async () => {
    const before = await rows(library);
    const binary = `${'\u0000\u0003PK'.repeat(40)}${'文字'.repeat(40)}`;
    const notADocument = `本报讯　${'昨日，市商务局发布消息称，我市消费市场持续回暖，多个商圈客流明显增长。'.repeat(6)}`;
    const short = '一、总体要求。抓好落实。';
    const cases: [string, string, string[]][] = [
      ['', 'libraryError_empty', []],
      [short, 'libraryError_too_short', [String(short.length), '50']],
      [binary, 'libraryError_binary', []],
      [notADocument, 'libraryError_no_structure', []],
    ];
    for (const [text, key, subs] of cases) {
      const result = await paste(library, text);
      expect(result.outcome, key).toBe('refused');
      expect(result.sentence).toBe(await message(library, key, ...subs));
    }
    // 50 MB: refused in the page at once, never sent (a message that size is over Chromium's own limit).
    // The box is hidden while it holds the text: laying out 50 MB in a textarea is the browser's cost, not ours.
    const attempt = Number(await library.getAttribute('#add-outcome', 'data-attempt'));
    await library.evaluate(() => {
      const area = document.getElementById('add-text') as HTMLTextAreaElement;
      area.style.display = 'none';
      area.value = '天'.repeat(50 * 1024 * 1024);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // A click of its own, as the reader's comes after the paste has rendered.
    await library.evaluate(() => (document.getElementById('add-submit') as HTMLButtonElement).click());
    await library.waitForSelector(`#add-outcome[data-attempt="${attempt + 1}"][data-outcome="refused"]`, { timeout: 60_000 });
    expect(await library.textContent('#add-outcome')).toBe(await message(library, 'libraryError_too_large', '150.0'));
    await library.evaluate(() => {
      const area = document.getElementById('add-text') as HTMLTextAreaElement;
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.style.display = '';
    });
    // The same checks hold in the background, for a message that skips the page.
    const tooLarge = await askRaw(library, { type: 'import-document', title: '', text: '天'.repeat(6 * 1024 * 1024) });
    expect(tooLarge).toEqual({ ok: false, error: await message(library, 'libraryError_too_large', '18.0') });
    // A message of the wrong shape gets an error reply.
    expect(await askRaw(library, { type: 'import-document', title: '', text: 5 })).toEqual({ ok: false, error: 'malformed import-document message' });
    expect(await askRaw(library, { type: 'remove-document', documentId: bundledIds[0] })).toMatchObject({ ok: false });
    // The same text again is the same document, not a second one.
    expect((await paste(library, REPORT)).outcome).toBe('already');
    expect(await rows(library)).toEqual(before);
  });

  describe('export, remove, import', () => {
    let file: string;

    it('exports the library to one JSON file', async () => {
      const [download] = await Promise.all([library.waitForEvent('download'), library.click('#backup-export')]);
      expect(download.suggestedFilename()).toMatch(/^policy-lens-library-\d{4}-\d{2}-\d{2}\.json$/);
      file = readFileSync((await download.path())!, 'utf8');
      const backup = JSON.parse(file) as { format: string; documents: { id: string; title: string; bundled: boolean; text?: string }[] };
      expect(backup.format).toBe('policy-lens-library');
      expect(backup.documents.map((d) => [d.id, d.bundled])).toEqual([
        [bundledIds[0], true],
        [bundledIds[1], true],
        [documentId, false],
      ]);
      expect(backup.documents[2]!.text).toBe(REPORT);
    });

    it('removes the document: gone from the list, the database and the open page', async () => {
      const row = library.locator(`.document-list__item[data-document-id="${documentId}"]`);
      await row.locator('[data-action="remove"]').click();
      await row.locator('[data-action="confirm-remove"]').click();
      await expect.poll(async () => (await listed(library)).map((d) => d.id)).not.toContain(documentId);
      expect(await readStore(library, 'clauses', { index: 'docId', key: documentId })).toEqual([]);
      expect(await readStore(library, 'terms', { index: 'docId', key: documentId })).toEqual([]);
      await expect
        .poll(async () => {
          const painted = await highlightedTexts(news);
          return painted.includes('高标准农田') && !painted.includes('津链通');
        }, { timeout: 15_000 })
        .toBe(true);
      expect((await ask<IndexStatus>(library, { type: 'index-status' })).counts).toEqual(bundled.counts);
    });

    it('refuses a broken backup file with a sentence, importing nothing', async () => {
      const before = await rows(library);
      for (const [content, key] of [
        ['{"format": "policy-lens-library", "documents": [', 'libraryError_backup_not_json'],
        ['{"format": "something-else", "version": 1, "documents": []}', 'libraryError_backup_format'],
      ]) {
        const attempt = Number(await library.getAttribute('#backup-outcome', 'data-attempt'));
        await library.setInputFiles('#backup-import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(content!) });
        await library.waitForSelector(`#backup-outcome[data-attempt="${attempt + 1}"][data-outcome="refused"]`);
        expect(await library.textContent('#backup-outcome')).toBe(await message(library, key!));
      }
      expect(await rows(library)).toEqual(before);
    });

    it('imports the file back: the document, its name and its terms on the open page', async () => {
      const attempt = Number(await library.getAttribute('#backup-outcome', 'data-attempt'));
      await library.setInputFiles('#backup-import', { name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await library.waitForSelector(`#backup-outcome[data-attempt="${attempt + 1}"]`, { timeout: 60_000 });
      expect(await library.getAttribute('#backup-outcome', 'data-outcome')).toBe('ok');
      expect(await library.textContent('#backup-outcome')).toBe(await message(library, 'backupImported', '1', '2'));
      await expect.poll(async () => (await listed(library)).find((d) => d.id === documentId)?.title).toBe('天津2025年报告（读者命名）');
      await expect.poll(() => highlightedTexts(news), { timeout: 15_000 }).toContain('津链通');
      const list = await ask<LibraryEntry[]>(library, { type: 'list-documents' });
      expect(list.find((d) => d.id === documentId)?.counts).toEqual({
        clauses: nodeRows.clauses.length,
        targets: nodeRows.targets.length,
        terms: nodeRows.terms.length,
      });
      expect(session.pageErrors, session.pageErrors.join("\n")).toEqual([]);
    });
  });
});
