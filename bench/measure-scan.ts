// The four ways to look for the terms on a page, in one browser, on a freshly
// loaded copy of the page each time (mark.js rewrites the DOM, and PolicyLens
// registers highlights): the bare text walk (the floor), PolicyLens's own scan
// and paint, mark.js with one alternation, and mark.js the usual way.

import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { TermTable } from '@/lib/messages';
import { summarize, type Summary } from './stats';

export type ScanMethod = 'floor' | 'policyLens' | 'policyLensWarm' | 'markRegExp' | 'markTerms';

export interface ScanRun {
  ms: number;
  /** Text characters walked (floor), matches found (PolicyLens) or marks made (mark.js). */
  count: number;
  /** PolicyLens only: highlights registered near the view once the painter's observer reported. */
  painted?: number;
  /** PolicyLens only: time inside the scanner's slices, their number and the longest. */
  busyMs?: number;
  slices?: number;
  longestSliceMs?: number;
}

export interface ScanResult {
  summary?: Summary;
  runs: ScanRun[];
  /** Set when the method ran past the limit and was stopped. */
  timedOut?: boolean;
  /** Set when one run took so long that repeating it would not fit the benchmark's few minutes. */
  notRepeated?: boolean;
  /** Why there is no figure. */
  skipped?: string;
}

export interface ScanOptions {
  runs: number;
  /** mark(terms) is stopped after this long. */
  limitMs: number;
  /** A method whose run takes longer than this is not run again (its one figure is far from any budget). */
  repeatBelowMs: number;
  table: TermTable;
  /** The forms mark.js looks for (markTerms). */
  markTerms: string[];
  /** The IIFE exposing window.__policyLensBench, or undefined when the content script's modules are missing. */
  driverSource?: string;
  driverMissing?: string;
}

const MARK_JS = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

/** Two frames and a pause: the page's style and layout are up to date. */
function settle(page: Page): Promise<unknown> {
  return page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))),
  );
}

/** Loads the page and lets it finish its first layout, so every method starts from the same settled page. */
export async function openSettled(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  return page;
}

/** The terms as a highlighter without folding gets them: bare forms, distinct, longest first. */
export function markTerms(terms: readonly { forms: string[] }[]): string[] {
  const forms = new Set<string>();
  for (const term of terms) {
    for (const form of term.forms) {
      const bare = form.replace(/^["']+|["']+$/g, '');
      if (bare.length >= 2) forms.add(bare);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

async function floor(page: Page): Promise<ScanRun> {
  return page.evaluate(() => {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) count += (node as Text).data.length;
    return { ms: performance.now() - started, count };
  });
}

interface MarkGlobal {
  Mark: new (context: Element) => {
    markRegExp(regexp: RegExp, options: { done(count: number): void }): void;
    mark(keywords: string[], options: { done(count: number): void }): void;
  };
}

async function markRegExp(page: Page, terms: string[]): Promise<ScanRun> {
  await page.addScriptTag({ content: MARK_JS });
  return page.evaluate(
    (terms) =>
      new Promise<{ ms: number; count: number }>((done) => {
        const started = performance.now();
        const pattern = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
        new (window as unknown as MarkGlobal).Mark(document.body).markRegExp(new RegExp(pattern, 'gi'), {
          done: (count) => done({ ms: performance.now() - started, count }),
        });
      }),
    terms,
  );
}

async function markKeywords(page: Page, terms: string[], limitMs: number): Promise<ScanRun | 'timeout'> {
  await page.addScriptTag({ content: MARK_JS });
  const cdp = await page.context().newCDPSession(page);
  // mark.js runs synchronously: only the debugger protocol can stop it.
  const stop = setTimeout(() => void cdp.send('Runtime.terminateExecution').catch(() => undefined), limitMs);
  try {
    return await page.evaluate(
      (terms) =>
        new Promise<{ ms: number; count: number }>((done) => {
          const started = performance.now();
          new (window as unknown as MarkGlobal).Mark(document.body).mark(terms, {
            done: (count) => done({ ms: performance.now() - started, count }),
          });
        }),
      terms,
    );
  } catch (error) {
    if (/terminat|Execution context was destroyed|Target.*closed/i.test(String(error))) return 'timeout';
    throw error;
  } finally {
    clearTimeout(stop);
  }
}

/** PolicyLens's run on the page; `warm`: the second of two runs in the page, its code already compiled and run once. */
async function policyLens(page: Page, driverSource: string, table: TermTable, warm: boolean): Promise<ScanRun> {
  await page.addScriptTag({ content: driverSource });
  // The driver's <script> element changed the DOM: without a frame to settle it, the scan's first-block
  // probe (elementFromPoint) paid for that change's style and layout, 1.6-2.2 ms on the long pages, which
  // the content script, injected by the browser without touching the DOM, never pays.
  await settle(page);
  const run = () =>
    page.evaluate(
      (table) =>
        (window as unknown as { __policyLensBench: { scanAndPaint(t: typeof table): Promise<ScanRun> } }).__policyLensBench.scanAndPaint(
          table,
        ),
      table,
    );
  if (warm) {
    await run();
    // The first run's highlights go, and the page settles from their removal, as from the driver's <script>.
    await page.evaluate(() => (window as unknown as { __policyLensBench: { clearPainted(): void } }).__policyLensBench.clearPainted());
    await settle(page);
  }
  return run();
}

export async function measureScans(
  context: BrowserContext,
  url: string,
  options: ScanOptions,
): Promise<Record<ScanMethod, ScanResult>> {
  const terms = options.markTerms;
  const results: Record<ScanMethod, ScanResult> = {
    floor: { runs: [] },
    policyLens: options.driverSource ? { runs: [] } : { runs: [], skipped: options.driverMissing ?? 'no driver' },
    policyLensWarm: options.driverSource ? { runs: [] } : { runs: [], skipped: options.driverMissing ?? 'no driver' },
    markRegExp: { runs: [] },
    markTerms: { runs: [] },
  };
  // Methods take turns run by run, so a slow spell of the machine does not fall on one method only.
  for (let run = 0; run < options.runs; run++) {
    for (const method of Object.keys(results) as ScanMethod[]) {
      const result = results[method];
      if (result.skipped || result.timedOut || result.notRepeated) continue;
      const page = await openSettled(context, url);
      try {
        if (method === 'floor') result.runs.push(await floor(page));
        else if (method === 'policyLens') result.runs.push(await policyLens(page, options.driverSource!, options.table, false));
        else if (method === 'policyLensWarm') result.runs.push(await policyLens(page, options.driverSource!, options.table, true));
        else if (method === 'markRegExp') result.runs.push(await markRegExp(page, terms));
        else {
          const outcome = await markKeywords(page, terms, options.limitMs);
          if (outcome === 'timeout') result.timedOut = true;
          else result.runs.push(outcome);
        }
      } finally {
        await page.close();
      }
      if ((result.runs.at(-1)?.ms ?? 0) > options.repeatBelowMs) result.notRepeated = true;
    }
  }
  for (const result of Object.values(results)) {
    if (result.runs.length > 0) result.summary = summarize(result.runs.map((r) => r.ms));
  }
  return results;
}
