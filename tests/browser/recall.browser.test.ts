// The report where news paraphrases it (issue 11), on a news page written for
// the test (tests/fixtures/pages/recall-news.html): the report's exact wording
// and its variant forms (a district inserted, a generic tail dropped, the full
// name of an abbreviation, traditional script) are in the policy-lens
// highlight; related mentions (one word swapped, a programme's key word) are
// in policy-lens-related, and their card says they are related to the
// report's wording, which it names; a local key word (马拉松) only in a
// paragraph set in Tianjin. The options page's "related mentions"
// box hides them from the open page at once, and brings them back.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
  extensionSpeaksChinese,
} from './harness';

/** The report's wording and its variants, in document order. */
const SAME = [
  '津治通',
  // 宁河七里海镇 with the district's 区.
  '宁河区七里海镇',
  // 全民健身场地设施提升行动 without its generic tail.
  '全民健身场地设施提升',
  // The full name of 长护险, across a <b>.
  '长期护理保险',
  '寧河區七里海鎮',
  '魯班工坊',
];

/** Related mentions, in document order. */
const RELATED = [
  // 乡村振兴示范村 with 重点 for 示范.
  '乡村振兴重点村',
  // The key word of 中国冰壶联赛, whose full name is not on the page.
  '冰壶联赛',
  // The sport of 天津马拉松赛, in a paragraph set on the Haihe (the next one, set in Xiamen, has none).
  '马拉松',
  // 妇女儿童健康提升计划 with 促进 for 提升.
  '妇女儿童健康促进计划',
  '鄉村振興重點村',
];

function painted(page: Page, name: 'policy-lens' | 'policy-lens-related'): Promise<string[]> {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, name);
}

interface CardState {
  term: string;
  related: boolean;
  clauseId: string | null;
  marked: string[];
}

const readCard = (page: Page) =>
  page.evaluate((): CardState | null => {
    const host = document.querySelector('policy-lens-card');
    const root = host?.shadowRoot;
    const term = root?.querySelector('.term');
    if (!host || !root || !term || !root.querySelector('.clause')) return null;
    return {
      term: term.textContent ?? '',
      related: term.classList.contains('related'),
      clauseId: host.getAttribute('data-clause-id'),
      marked: [...root.querySelectorAll('.clause mark')].map((m) => m.textContent ?? ''),
    };
  });

/** The middle of `text` in the text node of the element `id` that holds it, in the viewport. */
function textPoint(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ id, text }) => {
      const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`no text node of #${id} holds ${text}`);
    },
    { id, text },
  );
}

/** Moves the pointer away (closing any card), then rests it on `text` in the element `id`. */
async function restOn(page: Page, id: string, text: string): Promise<void> {
  await page.mouse.move(5, 5, { steps: 2 });
  await page.waitForFunction(() => !document.querySelector('policy-lens-card'), null, { timeout: 5_000 });
  const point = await textPoint(page, id, text);
  await page.mouse.move(point.x - 30, point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** Rests on `text` and waits for its card. */
async function cardOn(page: Page, id: string, text: string): Promise<CardState> {
  await restOn(page, id, text);
  await page.waitForFunction(
    () => !!document.querySelector('policy-lens-card')?.shadowRoot?.querySelector('.clause'),
    null,
    { timeout: 5_000 },
  );
  return (await readCard(page))!;
}

describe('recall: variants in the highlight, related mentions apart', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  /** The card's "related to" line for a term, in the browser's language (Chinese where Chromium has zh-CN). */
  let relatedTo: (term: string) => string;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
    const chinese = await extensionSpeaksChinese(session);
    const messages = JSON.parse(readFileSync(`public/_locales/${chinese ? 'zh_CN' : 'en'}/messages.json`, 'utf8')) as Record<
      string,
      { message: string }
    >;
    relatedTo = (term) => messages.cardRelatedTo!.message.replace('$TERM$', term);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  async function open(): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${site.origin}/recall-news.html`);
    await page.waitForFunction(
      ({ same, related }) =>
        (CSS.highlights.get('policy-lens')?.size ?? 0) >= same && (CSS.highlights.get('policy-lens-related')?.size ?? 0) >= related,
      { same: SAME.length, related: RELATED.length },
      { timeout: 15_000 },
    );
    // Give a stray late match time to show up before the exact comparison.
    await page.waitForTimeout(300);
    return page;
  }

  it('paints the report’s wording and its variants in policy-lens, related mentions in policy-lens-related', async () => {
    const page = await open();
    expect(await painted(page, 'policy-lens')).toEqual(SAME);
    expect(await painted(page, 'policy-lens-related')).toEqual(RELATED);
    await page.close();
  });

  it('a variant’s card is the term’s own; a related mention’s card says it is related and names the report’s wording', async () => {
    const page = await open();
    const variant = await cardOn(page, 'wetland', '宁河区七里海镇');
    expect(variant).toMatchObject({ term: '宁河七里海镇', related: false });
    expect(variant.clauseId).toMatch(/\S/);

    const abbreviation = await cardOn(page, 'care', '长期护理');
    expect(abbreviation).toMatchObject({ term: '长护险', related: false });

    const village = await cardOn(page, 'village', '乡村振兴重点村');
    expect(village.term).toBe(relatedTo('乡村振兴示范村'));
    expect(village.related).toBe(true);
    // The clause quoted is the report's, with its exact wording marked.
    expect(village.marked).toContain('乡村振兴示范村');

    const traditional = await cardOn(page, 'traditional', '鄉村振興重點村');
    expect(traditional.term).toBe(relatedTo('乡村振兴示范村'));
    expect(traditional.clauseId).toBe(village.clauseId);

    const curling = await cardOn(page, 'curling', '冰壶联赛');
    expect(curling.term).toBe(relatedTo('中国冰壶联赛'));

    const marathon = await cardOn(page, 'marathon', '马拉松');
    expect(marathon).toMatchObject({ term: relatedTo('天津马拉松赛'), related: true });
    await page.close();
  });

  it('switching related mentions off in the options clears them from the open page, without a reload; on brings them back', async () => {
    const page = await open();
    // A mark on the page's window: gone if the page reloads.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const options = await session.extensionPage('options.html');
    const box = options.locator('#show-related');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);

    await box.click();
    expect(await box.isChecked()).toBe(false);
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens-related')?.size ?? 0) === 0, null, { timeout: 10_000 });
    expect(await painted(page, 'policy-lens')).toEqual(SAME);

    // Resting on a related mention opens no card. The same rest on an exact term, right after, does open one.
    // (The reader's pointer is on the page's tab, in front; a tab behind the options runs its timers late.)
    await page.bringToFront();
    await restOn(page, 'village', '乡村振兴重点村');
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => document.querySelector('policy-lens-card')?.outerHTML ?? null)).toBeNull();
    expect(await page.evaluate(() => CSS.highlights.get('policy-lens-hover')?.size ?? 0)).toBe(0);
    expect((await cardOn(page, 'exact', '津治通')).term).toBe('津治通');

    await options.bringToFront();
    await box.click();
    expect(await box.isChecked()).toBe(true);
    await page.waitForFunction(
      (n) => (CSS.highlights.get('policy-lens-related')?.size ?? 0) >= n,
      RELATED.length,
      { timeout: 10_000 },
    );
    expect(await painted(page, 'policy-lens-related')).toEqual(RELATED);
    expect(await painted(page, 'policy-lens')).toEqual(SAME);
    await page.bringToFront();
    const again = await cardOn(page, 'village', '乡村振兴重点村');
    expect(again.term).toBe(relatedTo('乡村振兴示范村'));
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await options.close();
    await page.close();
  });

  it('leaves no error of ours in any console', () => {
    expect(session.pageErrors.filter((e) => /policy|extension context|highlight/i.test(e))).toEqual([]);
  });
});
