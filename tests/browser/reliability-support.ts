// What the reliability tests (and some others) share: switching the extension
// through its settings as the options page would, reading highlights and
// where they stand, resting the pointer on a term in any frame, the page-side
// recorders (long tasks and frames, the DOM as the page built it) and the
// trace that finds our tasks.

import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/default-settings';
import { loadMatcher, type Matcher } from '@/lib/match/matcher';
import type { Reply, TermTable } from '@/lib/messages';
import { anyExtensionPagePath, type ExtensionSession } from './harness';
import { startTrace, stopTrace, tasksCausedBy, type TaskStats } from './trace-tasks';

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
    await page.evaluate(
      async ({ change, defaults }) => {
        const api = (globalThis as unknown as StorageGlobals).chrome.storage.local;
        const current = ((await api.get('settings')).settings ?? {}) as Record<string, unknown>;
        await api.set({ settings: { ...defaults, ...current, ...change } });
      },
      { change, defaults: DEFAULT_SETTINGS },
    );
  } finally {
    await page.close();
  }
}

/** Switches the extension on or off for the loopback site (every fixture server: the site key has no port). */
export function setLoopbackSite(session: ExtensionSession, on: boolean): Promise<void> {
  return setSettings(session, { sites: { '127.0.0.1': on } });
}

/** The matcher the content script runs, loaded from the background's term table as the content script loads it. */
export async function termMatcher(session: ExtensionSession): Promise<Matcher> {
  const page = await session.extensionPage(anyExtensionPagePath());
  try {
    const reply = await page.evaluate(
      () =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          type: 'term-table',
        }) as Promise<Reply<TermTable>>,
    );
    if (!reply.ok) throw new Error(reply.error);
    return loadMatcher(reply.value.matcher);
  } finally {
    await page.close();
  }
}

/** How many matches lib/match/matcher.ts finds in these block texts (the content script matches block by block). */
export function expectedMatches(matcher: Matcher, blocks: string[]): number {
  return blocks.reduce((sum, text) => sum + matcher.scan(text).length, 0);
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

/** The middle of `text` in the first text node of the element `id`, in the page's viewport, highlighted or not. */
export function textPoint(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ id, text }) => {
      const node = document.getElementById(id)!.firstChild as Text;
      const at = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const box = range.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    { id, text },
  );
}

/** The middle of the first registered highlight in the page's viewport, or null when nothing is highlighted. */
export function firstHighlightPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const first = [...(CSS.highlights?.get('policy-lens') ?? [])][0];
    if (!first) return null;
    // A StaticRange has no geometry: measure a live Range over the same text.
    const range = document.createRange();
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(first.endContainer, first.endOffset);
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
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
    const inset = await element.evaluate((el) => ({ x: (el as Element).clientLeft, y: (el as Element).clientTop }));
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
 * Records, in the page's world, every long task (over 50 ms), every long
 * animation frame (over 50 ms, rendering included: Chromium's longtask
 * entries leave out the rendering work a highlight change causes) and the
 * moment the page says its own work is done (performance.mark('page-ready')).
 */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  window.__longFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longFrames.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'long-animation-frame', buffered: true });
`;

interface Timed {
  start: number;
  duration: number;
}

export interface LongTasks {
  /** When the page marked 'page-ready' (ms since navigation start). */
  readyAt: number;
  /** Durations of the long tasks that started after page-ready. */
  tasks: number[];
  /** Durations of the long animation frames that started after page-ready. */
  frames: number[];
  longestTask: number;
  longestFrame: number;
}

/** The long tasks and frames that started after page-ready (or after `since`, a performance.now() time of the page). */
export function readLongTasks(page: Page, since?: number): Promise<LongTasks> {
  return page.evaluate((since) => {
    const w = window as unknown as { __longTasks: Timed[]; __longFrames: Timed[] };
    const ready = performance.getEntriesByName('page-ready')[0];
    const readyAt = since ?? (ready ? Math.round(ready.startTime) : 0);
    const tasks = w.__longTasks.filter((t) => t.start >= readyAt).map((t) => t.duration);
    const frames = w.__longFrames.filter((t) => t.start >= readyAt).map((t) => t.duration);
    return { readyAt, tasks, frames, longestTask: Math.max(0, ...tasks), longestFrame: Math.max(0, ...frames) };
  }, since);
}

export function describeLongTasks(t: LongTasks): string {
  return `tasks over 50 ms: ${t.tasks.length} (longest ${t.longestTask} ms), frames over 50 ms: ${t.frames.length} (longest ${t.longestFrame} ms)`;
}

interface TabGlobals {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id: number }[]>;
      sendMessage(id: number, m: object): Promise<{ ok: boolean; value?: { terms: { count: number }[] }; error?: string }>;
    };
  };
}

const controls = new WeakMap<ExtensionSession, Promise<Page>>();

/**
 * How many matches the content script holds on the page (the popup's
 * page-terms answer), painted or not. Asked from one extension page kept
 * open for the session, so polling opens no tabs.
 */
export async function matchesOnPage(session: ExtensionSession, page: Page): Promise<number> {
  let control = controls.get(session);
  if (!control) {
    control = session.extensionPage(anyExtensionPagePath());
    controls.set(session, control);
  }
  const controlPage = await control;
  // Without the tabs permission a tab cannot be found by URL: the page is made the active tab.
  await page.bringToFront();
  return controlPage.evaluate(async () => {
    const chrome = (globalThis as unknown as TabGlobals).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const reply = await chrome.tabs.sendMessage(tab!.id, { type: 'page-terms' });
    if (!reply.ok || !reply.value) throw new Error(reply.error ?? 'no page-terms answer');
    return reply.value.terms.reduce((sum, t) => sum + t.count, 0);
  });
}

/**
 * Traces `page` from now (call it before the page loads); the returned
 * function stops the trace and gives the main-thread tasks in which the
 * extension's code ran (see trace-tasks.ts).
 */
export async function traceOurTasks(session: ExtensionSession, page: Page): Promise<() => Promise<TaskStats>> {
  const cdp = await startTrace(page);
  return async () => {
    const stats = tasksCausedBy(await stopTrace(cdp), `chrome-extension://${session.extensionId}/`, page.url());
    await cdp.detach();
    return stats;
  };
}

export function describeOurTasks(t: TaskStats): string {
  return (
    `${t.tasks} tasks of ours (${t.totalMs.toFixed(0)} ms in all), longest ${t.longestMs.toFixed(1)} ms ` +
    `(${t.longestCpuMs.toFixed(1)} ms CPU: ${t.longestBreakdown.slice(0, 4).join(', ')}; sampled: ${t.longestHotspots.slice(0, 3).join(', ')}); ` +
    `at most ${t.mostCpuMs.toFixed(1)} ms CPU in a task, ${t.ownCpuMs.toFixed(1)} ms with V8's collections taken out ` +
    `(the longest in a task of ours ${t.gcMs.toFixed(1)} ms); the page's longest task ${t.page.longestMs.toFixed(0)} ms`
  );
}

/**
 * No task of ours over 50 ms of CPU time, V8's collections inside it
 * included: a young-generation collection runs in whichever task allocates
 * when the heap is full, and what it has to do is mostly ours (every wrapper
 * and string the scan made). Wall time also holds the time a task's thread
 * waited for a core, which on a shared two-core machine is nobody's code (a
 * clean CI run saw a 159 ms task where the trace found 20-35 ms of ours).
 */
export function expectNoLongTaskOfOurs(t: TaskStats): void {
  expect(t.mostCpuMs, describeOurTasks(t)).toBeLessThanOrEqual(50);
}
