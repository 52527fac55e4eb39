// What the reliability tests share: switching the extension through its
// settings as the options page would, reading highlights and resting the
// pointer on a term in any frame, and the page-side recorders (long tasks,
// the DOM as the page built it).

import type { Frame, Page } from 'playwright-core';
import { anyExtensionPagePath, type ExtensionSession } from './harness';

type Target = Page | Frame;

interface StorageGlobals {
  chrome: {
    storage: {
      local: { get(key: string): Promise<Record<string, unknown>>; set(value: object): Promise<void> };
    };
  };
}

/** Changes the stored settings from an extension page, as the options page and popup do (merged over what is stored). */
export async function setSettings(session: ExtensionSession, change: Record<string, unknown>): Promise<void> {
  const page = await session.extensionPage(anyExtensionPagePath());
  try {
    await page.evaluate(async (change) => {
      const api = (globalThis as unknown as StorageGlobals).chrome.storage.local;
      const current = ((await api.get('settings')).settings ?? {}) as Record<string, unknown>;
      const defaults = {
        enabled: true,
        defaultOn: true,
        sites: {},
        highlightStyle: 'underline',
        highlightColor: '#c2410c',
        hoverDelayMs: 150,
      };
      await api.set({ settings: { ...defaults, ...current, ...change } });
    }, change);
  } finally {
    await page.close();
  }
}

/** Switches the extension on or off for the loopback site (every fixture server: the site key has no port). */
export function setLoopbackSite(session: ExtensionSession, on: boolean): Promise<void> {
  return setSettings(session, { sites: { '127.0.0.1': on } });
}

/** The number of ranges in the policy-lens Highlight of the target's document. */
export function highlightCount(target: Target): Promise<number> {
  return target.evaluate(() => CSS.highlights.get('policy-lens')?.size ?? 0);
}

/** The highlighted strings of the target's document (its own tree), in document order. */
export function highlightedTexts(target: Target): Promise<string[]> {
  return target.evaluate(() => {
    const ranges = [...(CSS.highlights.get('policy-lens') ?? [])]
      .filter((r) => r.startContainer.getRootNode() === document)
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}

/** Where the highlighted `text` stands in the target's own viewport (scrolled into view first). */
export function termPointInFrame(target: Target, text: string): Promise<{ x: number; y: number } | null> {
  return target.evaluate((text) => {
    for (const r of CSS.highlights.get('policy-lens') ?? []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() !== text) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
}

/**
 * Rests the pointer on the highlighted `text` in the target (a page or one of
 * its frames) and waits until that document shows the card of `term`.
 */
export async function restOnTerm(page: Page, target: Target, text: string, term = text): Promise<void> {
  const inFrame = await termPointInFrame(target, text);
  if (!inFrame) throw new Error(`no highlight for ${text}`);
  let dx = 0;
  let dy = 0;
  const element = 'frameElement' in target ? await target.frameElement() : null;
  if (element) {
    const box = await element.boundingBox();
    if (!box) throw new Error('the frame has no box on the page');
    // The frame's border and padding sit between its box and its viewport.
    const inset = await element.evaluate((el) => ({ x: el.clientLeft, y: el.clientTop }));
    dx = box.x + inset.x;
    dy = box.y + inset.y;
  }
  await page.mouse.move(dx + inFrame.x - 30, dy + inFrame.y + 30);
  await page.mouse.move(dx + inFrame.x, dy + inFrame.y, { steps: 4 });
  await target.waitForFunction(
    (term) => {
      const host = document.querySelector('policy-lens-card');
      return host?.shadowRoot?.querySelector('.term')?.textContent === term && host.hasAttribute('data-clause-id');
    },
    term,
    { timeout: 5_000 },
  );
}

/**
 * Records, in the page's world, every long task (over 50 ms) and the moment
 * the page says its own work is done (performance.mark('page-ready')).
 */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface LongTasks {
  /** Every long task since the page started, in ms: [start, duration]. */
  all: { start: number; duration: number }[];
  /** When the page marked 'page-ready' (ms since navigation start). */
  readyAt: number;
  /** The longest task that started after page-ready (0 when none). */
  longestAfterReady: number;
}

export function readLongTasks(page: Page): Promise<LongTasks> {
  return page.evaluate(() => {
    const all = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const ready = performance.getEntriesByName('page-ready')[0];
    const readyAt = ready ? Math.round(ready.startTime) : Infinity;
    const after = all.filter((t) => t.start >= readyAt);
    return { all, readyAt, longestAfterReady: Math.max(0, ...after.map((t) => t.duration)) };
  });
}
