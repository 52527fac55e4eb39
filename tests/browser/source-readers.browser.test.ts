// The source readers (extension/sources) in the real browser, bundled as an
// extension page bundles them: "Add this page" on a fixture article served
// from 127.0.0.1 (the popup's path: the toolbar click's activeTab grant, then
// scripting.executeScript of read-page.js), and each fixture file read by
// readFile in an extension page: text in three encodings, HTML, a text PDF
// through pdf.js and its worker, a scan, a locked and a damaged PDF, binary
// data, a picture, an Office file, an empty file and one over 50 MB. No
// shipped page calls the readers yet (the library page and the popup will), so
// a build with POLICYLENS_TEST_PAGES=1 adds source-readers.html, which hands
// them to this test. None of it reaches the content script, and nothing is
// requested from the network.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceError, SourceResult, SourceText } from '@/lib/document/source-text';
import {
  builtExtensionDir,
  extensionNetworkRequests,
  launchWithExtension,
  serveFixtures,
  type ExtensionSession,
  type FixtureServer,
} from './harness';
import { clickAction } from './popup-for-tab';

const FIXTURES = 'tests/fixtures/sources';
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const report = fixture('report.txt').toString('utf8').trim();

/** Paragraphs with their spaces made plain: a PDF's text run gives an ASCII space where the text file has U+3000. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.replace(/[\s\u3000]+/g, ' ').trim());

/** A message in both UI languages (Debian's Chromium serves the en messages unless chromium-l10n is installed). */
function localized(key: string, ...substitutions: string[]): string[] {
  return ['zh_CN', 'en'].map((locale) => {
    const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
      string,
      { message: string; placeholders?: Record<string, { content: string }> }
    >;
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key} in ${locale}`);
    let text = entry.message;
    for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
      text = text.replaceAll(`$${name.toUpperCase()}$`, substitutions[Number(content.slice(1)) - 1] ?? '');
    }
    return text;
  });
}

interface ReaderGlobals {
  policyLensSources: {
    readFile(file: File): Promise<SourceResult>;
    readActiveTab(tabId: number): Promise<SourceResult>;
  };
  chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
}

function asText(result: SourceResult): SourceText {
  expect(result, JSON.stringify(result).slice(0, 300)).not.toHaveProperty('problem');
  return result as SourceText;
}

function asError(result: SourceResult): SourceError {
  expect(result, JSON.stringify(result).slice(0, 300)).toHaveProperty('problem');
  return result as SourceError;
}

describe('source readers', () => {
  let buildRoot: string;
  let session: ExtensionSession;
  let site: FixtureServer;
  let otherSite: FixtureServer;
  let readers: Page;

  beforeAll(async () => {
    buildRoot = mkdtempSync(join(tmpdir(), 'policylens-sources-build-'));
    await promisify(execFile)('node_modules/.bin/wxt', ['build'], {
      env: { ...process.env, POLICYLENS_TEST_PAGES: '1', POLICYLENS_OUT: buildRoot },
    });
    site = await serveFixtures(FIXTURES);
    otherSite = await serveFixtures(FIXTURES);
    session = await launchWithExtension({ extensionDir: join(buildRoot, 'chrome-mv3') });
    readers = await session.extensionPage('source-readers.html');
    await readers.waitForSelector('html[data-ready="true"]');
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
    await otherSite?.close();
    if (buildRoot) rmSync(buildRoot, { recursive: true, force: true });
  });

  /** The tab of a page, as the popup knows it after the reader's click on the toolbar button. */
  async function tabIdOf(page: Page): Promise<number> {
    const id = await readers.evaluate(
      async (url) => (await (globalThis as unknown as ReaderGlobals).chrome.tabs.query({})).find((t) => t.url === url)?.id,
      page.url(),
    );
    expect(id, `the tab of ${page.url()}`).toBeDefined();
    return id!;
  }

  const tabIds = () =>
    readers.evaluate(async () => (await (globalThis as unknown as ReaderGlobals).chrome.tabs.query({})).map((t) => t.id!));

  /** A page in a new tab, and the tab's id, found without the reader's click (which would let the extension see its address). */
  async function openUnclicked(url: string): Promise<{ page: Page; tabId: number }> {
    const before = new Set(await tabIds());
    const page = await session.context.newPage();
    await page.goto(url);
    const opened = (await tabIds()).filter((id) => !before.has(id));
    expect(opened).toHaveLength(1);
    return { page, tabId: opened[0]! };
  }

  const readTab = (tabId: number) =>
    readers.evaluate((id) => (globalThis as unknown as ReaderGlobals).policyLensSources.readActiveTab(id), tabId);

  const readFile = (name: string, bytes: Buffer | Uint8Array, type = '') =>
    readers.evaluate(
      async ({ name, base64, type }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        return (globalThis as unknown as ReaderGlobals).policyLensSources.readFile(new File([data], name, { type }));
      },
      { name, base64: Buffer.from(bytes).toString('base64'), type },
    );

  describe('this page', () => {
    it("reads the article of the tab the reader clicked on, without the site's navigation, and leaves the page as it was", async () => {
      const page = await session.context.newPage();
      await page.goto(`${site.origin}/report.html`);
      const before = await page.evaluate(() => document.documentElement.outerHTML);
      await clickAction(session, page);

      const read = asText(await readTab(await tabIdOf(page)));

      expect(read.source).toBe(`${site.origin}/report.html`);
      expect(read.title).toBe('2031年云河市政府工作报告');
      const got = paragraphs(read.text);
      for (const expected of paragraphs(report).slice(1)) expect(got).toContain(expected);
      for (const chrome of ['要闻动态', '用户登录', '站内搜索', '当前位置', '相关链接', '热点专题', '版权所有', '主办单位']) {
        expect(read.text).not.toContain(chrome);
      }
      expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
      await page.close();
    });

    it('says a page without an article has none', async () => {
      const page = await session.context.newPage();
      await page.goto(`${site.origin}/portal.html`);
      await clickAction(session, page);

      const error = asError(await readTab(await tabIdOf(page)));

      expect(error.problem).toBe('not-article');
      expect(localized('sourceNotArticle')).toContain(error.message);
      await page.close();
    });

    it('reads nothing from a tab the reader did not click on: the browser refuses, and the reader says so', async () => {
      const { page, tabId } = await openUnclicked(`${site.origin}/report.html`);

      const error = asError(await readTab(tabId));

      expect(error.problem).toBe('page-failed');
      // The sentence, then the browser's reason.
      const lead = localized('sourcePageFailed', '').find((l) => error.message.startsWith(l));
      expect(lead, error.message).toBeDefined();
      expect(error.message.length).toBeGreaterThan(lead!.length);
      await page.close();
    });

    it("says the browser's own pages cannot be read", async () => {
      const { page, tabId } = await openUnclicked('chrome://version');
      await clickAction(session, page).catch(() => undefined);

      const error = asError(await readTab(tabId));

      expect(error.problem).toBe('page-restricted');
      expect(localized('pageRestricted')).toContain(error.message);
      await page.close();
    });
  });

  describe('a file', () => {
    it('reads UTF-8, GB18030 and UTF-16 text files to the same text', async () => {
      for (const name of ['report.txt', 'report-gb18030.txt', 'report-utf16.txt']) {
        const read = asText(await readFile(name, fixture(name), 'text/plain'));
        expect(read, name).toEqual({ title: name.replace('.txt', ''), text: report, source: name });
      }
    });

    it('reads the article of a saved web page, without its navigation', async () => {
      const read = asText(await readFile('report.html', fixture('report.html'), 'text/html'));
      expect(read.title).toBe('2031年云河市政府工作报告');
      const got = paragraphs(read.text);
      for (const expected of paragraphs(report).slice(1)) expect(got).toContain(expected);
      for (const chrome of ['要闻动态', '用户登录', '相关链接', '版权所有']) expect(read.text).not.toContain(chrome);
    });

    it('falls back to the whole text of a saved page that has no article', async () => {
      const read = asText(await readFile('portal.htm', fixture('portal.html')));
      expect(read.title).toBe('云河市人民政府门户网站');
      expect(paragraphs(read.text)).toEqual(expect.arrayContaining(['办事指南', '政策文件', '版权所有 © 云河市人民政府']));
    });

    it("reads a text PDF's paragraphs, across its page break and without its page numbers", async () => {
      const read = asText(await readFile('report.pdf', fixture('report.pdf'), 'application/pdf'));
      expect(read.title).toBe('report');
      expect(read.source).toBe('report.pdf');
      expect(paragraphs(read.text)).toEqual(paragraphs(report));
    });

    it("reads a PDF set in Adobe's STSong-Light without embedding it, through the Chinese CMaps the extension ships", async () => {
      const read = asText(await readFile('stsong.pdf', fixture('stsong.pdf')));
      expect(read.text).toBe('2031年云河市政府工作报告\n\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。');
      const own = `chrome-extension://${session.extensionId}/pdfjs/cmaps/`;
      expect(session.requests.map((r) => r.url)).toEqual(
        expect.arrayContaining([`${own}UniGB-UCS2-H.bcmap`, `${own}Adobe-GB1-UCS2.bcmap`]),
      );
    });

    it('says a scanned PDF has no text layer, and a locked or damaged PDF cannot be read', async () => {
      const scan = asError(await readFile('scanned.pdf', fixture('scanned.pdf'), 'application/pdf'));
      expect(scan.problem).toBe('pdf-no-text');
      expect(localized('sourcePdfNoText', 'scanned.pdf')).toContain(scan.message);
      expect(localized('sourcePdfNoText', 'x')[0]).toMatch(/^这个 PDF 没有文字层（可能是扫描件）/);

      const locked = asError(await readFile('locked.pdf', fixture('locked.pdf')));
      expect(locked.problem).toBe('pdf-encrypted');
      expect(localized('sourcePdfEncrypted', 'locked.pdf')).toContain(locked.message);

      const damaged = asError(await readFile('damaged.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\n')));
      expect(damaged.problem).toBe('pdf-broken');
      expect(damaged.message).toContain('damaged.pdf');
    });

    it('says what a file is when it is not text: binary data, a picture, an Office file, an empty file', async () => {
      let seed = 11;
      const noise = Uint8Array.from({ length: 8192 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
      const cases: [name: string, bytes: Uint8Array, problem: string, key: string][] = [
        ['data.bin', noise, 'not-text', 'sourceNotText'],
        ['report.txt', noise, 'not-text', 'sourceNotText'],
        ['scan.png', readFileSync('public/icon/128.png'), 'image', 'sourceImage'],
        ['报告.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(noise)]), 'office', 'sourceOffice'],
        ['empty.txt', new Uint8Array(), 'empty', 'sourceEmpty'],
        ['blank.txt', Buffer.from('\n \u3000\t\n'), 'empty', 'sourceEmpty'],
      ];
      for (const [name, bytes, problem, key] of cases) {
        const error = asError(await readFile(name, bytes));
        expect(error.problem, name).toBe(problem);
        expect(localized(key, name), name).toContain(error.message);
      }
    });

    it('refuses a file over 50 MB before reading a byte of it', async () => {
      const result = await readers.evaluate(() => {
        const file = new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'huge.txt');
        // Reading it would fail loudly: the refusal must come first.
        file.arrayBuffer = () => Promise.reject(new Error('read'));
        return (globalThis as unknown as ReaderGlobals).policyLensSources.readFile(file);
      });
      const error = asError(result);
      expect(error.problem).toBe('file-too-large');
      expect(localized('sourceFileTooLarge', 'huge.txt', '50.0')).toContain(error.message);
    });
  });

  describe('what it costs the rest of the extension', () => {
    it('keeps Readability and pdf.js out of the content script, in their own files', () => {
      const built = join(buildRoot, 'chrome-mv3');
      const content = readFileSync(join(built, 'content-scripts/content.js'), 'utf8');
      const readPage = readFileSync(join(built, 'read-page.js'), 'utf8');
      // The marks are found where the code is, so their absence from the content script means something.
      expect(readPage).toMatch(/_grabArticle/);
      for (const mark of [/_grabArticle/, /GlobalWorkerOptions/, /read-page/, /pdf\.worker/]) expect(content).not.toMatch(mark);
      // The content script is the same file as in the normal build, which has no reader page.
      expect(content).toBe(readFileSync(join(builtExtensionDir('chrome'), 'content-scripts/content.js'), 'utf8'));
    });

    it('logged no error in the pages, the extension pages or the service worker', () => {
      expect(session.pageErrors).toEqual([]);
    });

    it('requested nothing from the network, and the page copy Readability read loaded nothing', () => {
      expect(extensionNetworkRequests(session.requests)).toEqual([]);
      const own = `chrome-extension://${session.extensionId}/`;
      expect(session.requests.filter((r) => /^(chrome|moz)-extension:/.test(r.url) && !r.url.startsWith(own))).toEqual([]);
      // The page loads its figure once a visit; the copy Readability reads (where it unwraps the <noscript> image) loads nothing.
      const hits = (path: string) => site.hits.filter((hit) => hit === path).length;
      expect(hits('/report.html')).toBeGreaterThan(0);
      expect(hits('/figure.png')).toBe(hits('/report.html'));
      expect(hits('/figure-large.png')).toBe(0);
    });
  });
});
