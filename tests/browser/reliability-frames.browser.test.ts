// Frames: a same-origin iframe and a cross-origin one (the second loopback
// server) on a page with its own term. Every frame runs its own content
// script: each highlights its own text in its own registry, and a term
// rested on inside a frame opens the card inside that frame's viewport,
// even where the term sits in the frame's bottom-right corner and the frame
// is smaller than the card would like.

import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, serveFixtures, waitForIndexReady, type ExtensionSession, type FixtureServer } from './harness';
import { highlightedTexts, restOnTerm } from './reliability-support';

/** The card's box in its document's viewport, and that viewport's size. */
function cardGeometry(target: Page | Frame) {
  return target.evaluate(() => {
    const card = document.querySelector('policy-lens-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
    return {
      inside: card.left >= 0 && card.top >= 0 && card.right <= innerWidth && card.bottom <= innerHeight,
      card: { left: Math.round(card.left), top: Math.round(card.top), right: Math.round(card.right), bottom: Math.round(card.bottom) },
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

/** Every range of the frame's Highlight belongs to the frame's own document. */
function rangesOwnDocument(target: Page | Frame) {
  return target.evaluate(() =>
    [...(CSS.highlights.get('policy-lens') ?? [])].every((r) => r.startContainer.ownerDocument === document),
  );
}

describe('reliability: frames', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let other: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    other = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
    await other?.close();
  });

  it('highlights each frame in its own registry and opens the card inside the frame hovered', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${site.origin}/reliability-frames.html?cross=${other.port}`);
    const same = page.frames().find((f) => f.url().startsWith(`${site.origin}/reliability-frame-inner.html`));
    await page.waitForFunction(() => (document.getElementById('cross') as HTMLIFrameElement).src !== '');
    await page.waitForLoadState('load');
    const cross = page.frames().find((f) => f.url().startsWith(`${other.origin}/reliability-frame-inner.html`));
    expect(same, 'the same-origin frame').toBeDefined();
    expect(cross, 'the cross-origin frame').toBeDefined();
    expect(await cross!.evaluate(() => location.origin)).not.toBe(await page.evaluate(() => location.origin));

    for (const [target, expected] of [
      [page, ['津治通']],
      // 完成居家适老化改造: the metric's longer form (with 居家), the card the report's term 适老化改造.
      [same!, ['鲁班工坊', '居家适老化改造']],
      [cross!, ['鲁班工坊', '居家适老化改造']],
    ] as const) {
      await target.waitForFunction((n) => (CSS.highlights.get('policy-lens')?.size ?? 0) >= n, expected.length, { timeout: 15_000 });
      expect(await highlightedTexts(target)).toEqual(expected);
      expect(await rangesOwnDocument(target)).toBe(true);
    }

    for (const frame of [same!, cross!]) {
      await restOnTerm(page, frame, '居家适老化改造', '适老化改造');
      const geometry = await cardGeometry(frame);
      expect(geometry.inside, JSON.stringify(geometry)).toBe(true);
      expect(await frame.evaluate(() => document.querySelector('policy-lens-card')!.shadowRoot!.textContent)).toContain('1000户');
      // Only the hovered frame shows a card.
      expect(await page.evaluate(() => !!document.querySelector('policy-lens-card'))).toBe(false);
      await page.mouse.move(900, 700, { steps: 3 });
      await frame.waitForFunction(() => !document.querySelector('policy-lens-card'), null, { timeout: 5_000 });
    }
    await page.close();
  });

  it('leaves no error in any console', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
