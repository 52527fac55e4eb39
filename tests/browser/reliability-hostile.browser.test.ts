// A page that breaks, in its own world, every built-in an extension might
// lean on (reliability-hostile.js: Array methods, appendChild/insertBefore/
// removeChild, attachShadow, MutationObserver, getComputedStyle,
// CSS.highlights.set/delete, Range/StaticRange, requestAnimationFrame,
// setTimeout, JSON, Object.defineProperty). Content scripts run in an
// isolated world in Chromium, so the extension should not even notice; the
// test proves it: every term is painted, later paragraphs and the shadow
// root's text too, the card opens, nothing of ours is thrown, and the page
// keeps ticking. The test reads the page through a world of its own (CDP
// Page.createIsolatedWorld), because Playwright's evaluate runs in the
// page's broken world.

import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  recordConsoleProblems,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';
import { textPoint } from './reliability-support';

/** Evaluates expressions in a fresh isolated world of the page's main frame, where the built-ins are intact. */
async function cleanWorld(page: Page): Promise<{ cdp: CDPSession; evaluate<T>(expression: string): Promise<T> }> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'reliability-probe',
  });
  return {
    cdp,
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: executionContextId,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`probe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as T;
    },
  };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const HIGHLIGHTED = `(() => {
  const texts = [];
  for (const r of CSS.highlights.get('policy-lens') ?? []) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    texts.push(range.toString());
  }
  return texts.sort();
})()`;

describe('reliability: a page that breaks the built-ins in its own world', () => {
  let session: ExtensionSession;
  let site: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it('keeps highlighting, follows changes, opens the card, throws nothing, and the page keeps working', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    const consoleMessages = recordConsoleProblems(page);
    await page.goto(`${site.origin}/reliability-hostile.html`);
    const probe = await cleanWorld(page);
    // The page's world really is broken (asked over CDP in the main world, whose own evaluation needs none of these)…
    const { result } = await probe.cdp.send('Runtime.evaluate', {
      returnByValue: true,
      expression: `(() => {
        const broken = [];
        const tries = {
          push: () => [].push(1), sort: () => [2, 1].sort(), appendChild: () => document.body.appendChild(document.createElement('i')),
          MutationObserver: () => new MutationObserver(() => {}), getComputedStyle: () => getComputedStyle(document.body),
          highlightsSet: () => CSS.highlights.set('probe', new Highlight()), highlightsDelete: () => CSS.highlights.delete('probe'),
          Range: () => new Range(), StaticRange: () => new StaticRange({ startContainer: document.body, startOffset: 0, endContainer: document.body, endOffset: 0 }),
          requestAnimationFrame: () => requestAnimationFrame(() => {}), setTimeout: () => setTimeout(() => {}, 0),
          JSON: () => JSON.stringify({}), defineProperty: () => Object.defineProperty({}, 'x', { value: 1 }),
        };
        for (const name in tries) {
          try { tries[name](); } catch (e) { if (String(e.message).startsWith('hostile')) broken[broken.length] = name; }
        }
        return broken.length + ' of ' + Object.keys(tries).length;
      })()`,
    });
    expect(result.value).toBe('13 of 13');
    // … and the probe's world is not the page's.
    expect(await probe.evaluate<boolean>('window.__hostileReady === undefined')).toBe(true);

    // Every term: the article's, the shadow root's and the five paragraphs the page adds later.
    // Sorted by code unit. A metric with its figure is one highlight (50万亩以上高标准农田建设, 居家适老化改造1000户);
    // the heading's 高标准农田建设 is the metric's longer form.
    const expected = [
      '50万亩以上高标准农田建设',
      '居家适老化改造1000户',
      '津治通',
      '津治通',
      '津治通',
      '津治通',
      '津治通',
      '证照联办',
      '长护险',
      '高标准农田建设',
    ];
    await until(
      async () => (await probe.evaluate<string[]>(HIGHLIGHTED)).length >= expected.length,
      'every highlight',
    );
    await page.waitForTimeout(500);
    expect(await probe.evaluate<string[]>(HIGHLIGHTED)).toEqual(expected);

    // Hover: the pointer rests on the article's 高标准农田 and its card opens.
    const point = await probe.evaluate<{ x: number; y: number }>(`(() => {
      const text = document.getElementById('farm').firstChild;
      const at = text.data.indexOf('高标准农田');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 5);
      const r = range.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`);
    await page.mouse.move(point.x - 30, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await until(
      () => probe.evaluate<boolean>(`document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id') ?? false`),
      'the card',
      5_000,
    );
    expect(await probe.evaluate<string>(`document.querySelector('policy-lens-card').shadowRoot.textContent`)).toContain(
      '50万亩以上',
    );
    await page.mouse.move(5, 5, { steps: 3 });
    await until(() => probe.evaluate<boolean>(`!document.querySelector('policy-lens-card')`), 'the card to close', 5_000);

    // The page still works: its clock ticks on, and nothing was thrown by us or by its broken built-ins.
    const ticks = await probe.evaluate<number>(`Number(document.getElementById('ticks').textContent)`);
    await page.waitForTimeout(400);
    expect(await probe.evaluate<number>(`Number(document.getElementById('ticks').textContent)`)).toBeGreaterThan(ticks);
    expect(consoleMessages).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await probe.cdp.detach();
    await page.close();
  });

  it('a page that takes the card\'s tag name for its own custom element: highlights stay, nothing is thrown', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    const consoleMessages = recordConsoleProblems(page);
    await page.goto(`${site.origin}/reliability-hostile-tag.html`);
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 1, null, { timeout: 15_000 });
    const point = await textPoint(page, 'farm', '高标准农田');
    await page.mouse.move(point.x - 30, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForTimeout(1_000);
    await page.mouse.move(5, 5, { steps: 3 });
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => CSS.highlights.get('policy-lens')?.size ?? 0)).toBe(1);
    expect(consoleMessages).toEqual([]);
    await page.close();
  });
});
