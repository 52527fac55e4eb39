// The whole cost a page pays for a highlighter, measured black-box the way a
// reader's page pays it: the page is loaded in a fresh tab under a trace with
// V8's sampling profiler at 100 µs, and every sample of the page's main
// thread whose stack holds a frame of the highlighter's scripts counts, from
// navigation until well after its highlights settle. For PolicyLens that is
// the content script's evaluation, reading the settings, the messages to the
// background and the continuations of their promises, the observers, the
// scan and the paint; for the peers, evaluating their script and running it.
// The scan-only figures (measure-scan.ts) start the clock when the scan
// starts and leave all of that out.

import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { scriptTime, startTrace, stopTrace, type ScriptTime } from '@/tests/browser/trace-tasks';
import { summarize, type Summary } from './stats';

/** After load, long past the settling of the long page's highlights (a few hundred ms, its scan yielding between slices). */
const SETTLE_MS = 3000;

const MARK_JS = readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8');

/** A page script run at load, like a highlighter that injects itself; its frames are named by sourceURL. */
function peerScript(name: string, source: string, run: string): { source: string; prefix: string } {
  const prefix = `policylens-bench-peer-${name}.js`;
  return {
    prefix,
    source: `${source}
;(() => {
  const run = () => { ${run} };
  if (document.readyState === 'complete') setTimeout(run);
  else addEventListener('load', () => setTimeout(run), { once: true });
})();
//# sourceURL=${prefix}`,
  };
}

/** mark.js as the simplest peer would use it: its source evaluated on the page, one alternation of the terms, the body marked. */
export function markPeer(terms: readonly string[]): { source: string; prefix: string } {
  return peerScript(
    'mark',
    MARK_JS,
    `const terms = ${JSON.stringify(terms)};
    const pattern = terms.map((t) => t.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')).join('|');
    new Mark(document.body).markRegExp(new RegExp(pattern, 'gi'), { done: (n) => (window.__benchPeerDone = n) });`,
  );
}

/** The floor: one bare TreeWalker pass over the page's text, loaded the same way. */
export function floorPeer(): { source: string; prefix: string } {
  return peerScript(
    'floor',
    '',
    `const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) n += node.data.length;
    window.__benchPeerDone = n;`,
  );
}

export interface WholeCostRun extends ScriptTime {
  /** Highlights registered (PolicyLens) or marks made (mark.js) once settled; text characters walked (floor). */
  result: number;
}

/**
 * One traced load of `url` in a fresh tab: the main-thread time of the scripts
 * whose URL starts with `prefix`. With `peer`, that page script is added to
 * the tab before it loads (in a browser without the extension).
 */
export async function tracedLoad(
  context: BrowserContext,
  url: string,
  prefix: string,
  peer?: { source: string },
): Promise<WholeCostRun> {
  const page = await context.newPage();
  try {
    if (peer) await page.addInitScript({ content: peer.source });
    const cdp = await startTrace(page, { hires: true });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const events = await stopTrace(cdp);
    await cdp.detach();
    const result = await page.evaluate(
      () =>
        (window as unknown as { __benchPeerDone?: number }).__benchPeerDone ?? CSS.highlights.get('policy-lens')?.size ?? 0,
    );
    return { ...scriptTime(events, prefix, url), result };
  } finally {
    await page.close();
  }
}

export interface WholeCost {
  ms: Summary;
  runs: WholeCostRun[];
}

export function summarizeWholeCost(runs: WholeCostRun[]): WholeCost {
  return { ms: summarize(runs.map((r) => r.ms)), runs };
}
