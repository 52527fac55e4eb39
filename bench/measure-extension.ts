// Figures taken with the built extension loaded: long tasks and heap (against
// the same page in the same Chromium without the extension), the hover card's
// delay, the popup's search, install to index ready, and the content script's
// size.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { IndexStatus, Reply } from '@/lib/messages';
import { launchBrowser, type BenchBrowser } from './browser';
import { summarize, type Summary } from './stats';
import { startTrace, stopTrace, tasksCausedBy, type TaskStats } from '@/tests/browser/trace-tasks';
import { DEFAULT_SETTINGS } from '../lib/default-settings';

/** Installed in every page before its own scripts: records long tasks from the start. */
export const LONG_TASK_RECORDER = `(() => {
  const tasks = (globalThis.__benchLongTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** How long after load a page is left alone so that PolicyLens finishes (its chunked scan yields between slices). */
const SETTLE_MS = 4000;

export interface PageLoadFigures {
  longestTaskMs: Summary;
  totalLongTaskMs: Summary;
  highlights: number;
  /** JS heap in use (V8 plus Blink's), after a full GC. */
  heapMb?: Summary;
}

async function settle(page: Page): Promise<number> {
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(() => CSS.highlights.get('policy-lens')?.size ?? 0);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return (usage.usedSize + (usage.embedderHeapUsedSize ?? 0)) / 2 ** 20;
}

/** Loads the page `runs` times (fresh tab each) and reads its long tasks, highlights and, if asked, heap. */
export async function measurePageLoads(
  context: BrowserContext,
  url: string,
  { runs, heap }: { runs: number; heap: boolean },
): Promise<PageLoadFigures> {
  const longest: number[] = [];
  const total: number[] = [];
  const heaps: number[] = [];
  let highlights = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    highlights = await settle(page);
    const tasks = await page.evaluate(() => (globalThis as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks);
    longest.push(Math.max(0, ...tasks.map((t) => t[1])));
    total.push(tasks.reduce((n, t) => n + t[1], 0));
    if (heap) heaps.push(await heapMb(page));
    await page.close();
  }
  return {
    longestTaskMs: summarize(longest),
    totalLongTaskMs: summarize(total),
    highlights,
    ...(heap ? { heapMb: summarize(heaps) } : {}),
  };
}

/**
 * One traced load: the main-thread tasks PolicyLens caused on the page, and
 * all of the page's tasks (in a browser without the extension, the baseline).
 * The trace is the reference: Chromium's long-task observer did not report the
 * tasks in which the content script ran (a 101 ms one on the long page, seen
 * in the trace, was missing from the observer's entries in the same setup).
 */
export async function measureCausedTasks(bench: BenchBrowser, url: string): Promise<TaskStats> {
  const page = await bench.context.newPage();
  const cdp = await startTrace(page);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const events = await stopTrace(cdp);
  await page.close();
  return tasksCausedBy(events, `chrome-extension://${bench.extensionId ?? 'none'}/`, url);
}

export interface HoverFigures {
  /** Pointer rest to card visible, minus the rest delay. */
  afterDelayMs: Summary;
  restDelayMs: number;
  hovers: number;
  /** Hovers whose card did not show within 5 s. */
  missed: number;
  /** Each hover: the term and its figure, in order (a term's first card asks the background; later ones hit the card cache). */
  samples: { term: string; ms: number }[];
}

/** Left of the text column: the card opens at or right of its term's left edge, so this point is never over it. */
const NEUTRAL = { x: 5, y: 450 };

/** The default rest delay the card waits for, which the hover figure subtracts. */
export function defaultRestDelayMs(): number {
  return DEFAULT_SETTINGS.hoverDelayMs;
}

/** Rests the pointer on highlighted terms one after another and times the card. */
export async function measureHover(context: BrowserContext, url: string, hovers: number): Promise<HoverFigures> {
  const restDelayMs = defaultRestDelayMs();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  await page.evaluate(() => {
    const w = window as unknown as { __benchMoves: number[] };
    w.__benchMoves = [];
    window.addEventListener('pointermove', () => w.__benchMoves.push(performance.now()), { capture: true });
  });
  const count = await page.evaluate(() => CSS.highlights.get('policy-lens')?.size ?? 0);
  if (count === 0) throw new Error(`no highlights on ${url}: nothing to hover`);
  const delays: number[] = [];
  const samples: HoverFigures['samples'] = [];
  let missed = 0;
  for (let i = 0; i < hovers; i++) {
    await page.mouse.move(NEUTRAL.x, NEUTRAL.y);
    const closed = () => page.waitForFunction(() => !document.querySelector('policy-lens-card'), undefined, { timeout: 3000 });
    await closed().catch(async () => {
      await page.keyboard.press('Escape');
      await closed();
    });
    // The i-th highlight in document order (cycling), scrolled to the middle of the view.
    const point = await page.evaluate((i) => {
      const ranges = [...(CSS.highlights.get('policy-lens') as Highlight)] as AbstractRange[];
      ranges.sort((a, b) =>
        a.startContainer === b.startContainer
          ? a.startOffset - b.startOffset
          : a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING
            ? -1
            : 1,
      );
      const range = ranges[i % ranges.length]!;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, term: live.toString() };
    }, i);
    // Wait for the scroll's frame, so the move lands on the laid-out term.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const visible = page.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const check = () => {
            const host = document.querySelector('policy-lens-card');
            const card = host?.shadowRoot?.querySelector('[role]') ?? host?.shadowRoot?.querySelector('body *');
            if (!host?.getAttribute('data-clause-id') || !card) return false;
            const rect = card.getBoundingClientRect();
            return rect.width > 0 && rect.height > 0;
          };
          const observer = new MutationObserver(() => {
            if (!check()) return;
            observer.disconnect();
            done(performance.now());
          });
          observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            fail(new Error('card not visible within 5 s'));
          }, 5000);
        }),
    );
    await page.mouse.move(point.x, point.y);
    try {
      const shownAt = await visible;
      const restAt = await page.evaluate(() => (window as unknown as { __benchMoves: number[] }).__benchMoves.at(-1)!);
      delays.push(shownAt - restAt - restDelayMs);
      samples.push({ term: point.term, ms: shownAt - restAt - restDelayMs });
    } catch {
      missed++;
    }
  }
  await page.close();
  return { afterDelayMs: summarize(delays), restDelayMs, hovers, missed, samples };
}

export interface PopupOpen {
  /** Box ready (from navigation start) plus first query to first results: typing time excluded. */
  openToResultsMs: number;
  readyMs: number;
  queryToResultsMs: number;
}

/** DOM changes in the results list after an input event settle; returns the last change's time minus the input's. */
async function timeKeystroke(page: Page, text: string): Promise<number | undefined> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchInput: number; __benchChanges: number[] };
    w.__benchChanges = [];
  });
  await page.keyboard.insertText(text);
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __benchInput: number; __benchChanges: number[] };
    const last = w.__benchChanges.at(-1);
    return last === undefined ? undefined : last - w.__benchInput;
  });
}

async function openPopup(context: BrowserContext, extensionId: string, query: string): Promise<{ page: Page; open: PopupOpen }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  await page.waitForSelector('#search-input');
  await page.evaluate(() => {
    const w = window as unknown as { __benchInput: number; __benchChanges: number[] };
    w.__benchChanges = [];
    document.addEventListener('input', () => (w.__benchInput = performance.now()), { capture: true });
    new MutationObserver(() => w.__benchChanges.push(performance.now())).observe(
      document.getElementById('search-results')!,
      { childList: true, subtree: true, characterData: true, attributes: true },
    );
  });
  await page.focus('#search-input');
  await page.keyboard.insertText(query);
  await page.waitForSelector('#search-results li[data-clause-id]', { timeout: 10_000 });
  await page.waitForTimeout(300);
  const open = await page.evaluate(() => {
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const w = window as unknown as { __benchChanges: number[] };
    const ready = mark('policy-lens:search-ready');
    const sent = mark('policy-lens:first-query');
    const shown = w.__benchChanges.at(-1) ?? mark('policy-lens:first-results');
    return { readyMs: ready, queryToResultsMs: shown - sent, openToResultsMs: ready + (shown - sent) };
  });
  return { page, open };
}

export interface PopupFigures {
  cold: PopupOpen;
  warm: PopupOpen;
  keystrokeMs: Summary;
  query: string;
  /** Each further keystroke: the character typed and its time (a new word starts after the box is cleared). */
  samples: { text: string; ms: number }[];
}

/**
 * Popup opened as a tab: cold is the first open in the browser, warm the
 * second. The query is the start of a real term; the further keystrokes type
 * the rest of it and of the next terms, one character at a time.
 */
export async function measurePopup(context: BrowserContext, extensionId: string, words: string[]): Promise<PopupFigures> {
  const first = words[0]!;
  const query = first.slice(0, 2);
  const { page: coldPage, open: cold } = await openPopup(context, extensionId, query);
  const samples: PopupFigures['samples'] = [];
  const type = async (text: string) => {
    const ms = await timeKeystroke(coldPage, text);
    if (ms !== undefined) samples.push({ text, ms });
  };
  for (const ch of first.slice(2)) await type(ch);
  for (const word of words.slice(1)) {
    await coldPage.fill('#search-input', '');
    await coldPage.waitForTimeout(100);
    for (const ch of word) await type(ch);
  }
  await coldPage.close();
  const { page: warmPage, open: warm } = await openPopup(context, extensionId, query);
  await warmPage.close();
  return { cold, warm, keystrokeMs: summarize(samples.map((k) => k.ms)), query, samples };
}

export interface InstallFigures {
  /** The background's own figure: start of the load to ready. */
  loadMs: number;
  /** From the browser's launch to the first 'ready' answer. */
  wallMs: number;
  /** From the service worker's start to the first 'ready' answer. */
  fromWorkerMs: number;
  state: IndexStatus['state'];
}

/** Asks 'index-status' from an extension document (not the popup, which the cold popup figure needs untouched). */
export async function waitForIndex(bench: BenchBrowser, launchedAt: number, workerAt: number): Promise<InstallFigures> {
  const page = await bench.context.newPage();
  await page.goto(`chrome-extension://${bench.extensionId}/manifest.json`);
  for (;;) {
    const reply = await page.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      return (await runtime.sendMessage({ type: 'index-status' })) as Reply<IndexStatus> | undefined;
    });
    const now = performance.now();
    if (reply?.ok && reply.value.state !== 'loading') {
      await page.close();
      return {
        loadMs: reply.value.loadMs ?? NaN,
        wallMs: now - launchedAt,
        fromWorkerMs: now - workerAt,
        state: reply.value.state,
      };
    }
    if (now - launchedAt > 60_000) throw new Error(`index not ready after 60 s: ${JSON.stringify(reply)}`);
    await page.waitForTimeout(20);
  }
}

/** A fresh profile with the extension: launch, wait for the index, and time it. */
export async function launchAndInstall(extensionDir: string): Promise<{ bench: BenchBrowser; install: InstallFigures }> {
  const launchedAt = performance.now();
  const bench = await launchBrowser(extensionDir);
  const workerAt = performance.now();
  const install = await waitForIndex(bench, launchedAt, workerAt);
  return { bench, install };
}

export interface ContentScriptSize {
  rawKb: number;
  gzipKb: number;
  /** Names of libraries that must stay out of the content script, if found in it. */
  forbidden: string[];
}

export function contentScriptSize(extensionDir: string): ContentScriptSize {
  const code = readFileSync(join(extensionDir, 'content-scripts', 'content.js'));
  const text = code.toString('utf8');
  const forbidden = [
    ['Dexie', /\bDexie\b|dexie/],
    ['jieba', /jieba|__wbindgen/],
  ]
    .filter(([, pattern]) => (pattern as RegExp).test(text))
    .map(([name]) => name as string);
  return { rawKb: code.length / 1024, gzipKb: gzipSync(code, { level: 9 }).length / 1024, forbidden };
}
