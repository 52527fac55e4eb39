// The content script on news pages written for these tests, in real Chromium
// with the built extension: exactly the report's terms are highlighted
// (read back from CSS.highlights, which the page's main world shares), the
// page's body is the same before and after, and resting the pointer on a
// term opens the card with the right clause and target.

import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyExtensionPagePath,
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
  extensionSpeaksChinese,
} from './harness';
import { highlightedTexts } from './reliability-support';

const STRICT_CSP = "default-src 'none'";

/** Records the body as parsed (before document_idle, when the content script starts) and any CSP violation. */
const INIT_SCRIPT = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  document.addEventListener('DOMContentLoaded', () => { window.__bodyAtLoad = document.body.innerHTML; });
`;

type Target = Page | Frame;

async function waitForHighlights(target: Target, count: number): Promise<string[]> {
  await target.waitForFunction((n) => (CSS.highlights.get('policy-lens')?.size ?? 0) >= n, count, { timeout: 15_000 });
  return highlightedTexts(target);
}

function bodyUnchanged(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __bodyAtLoad: string }).__bodyAtLoad === document.body.innerHTML);
}

/** The centre of the first box of the highlighted range with this text. */
function termPoint(target: Target, text: string, nth = 0): Promise<{ x: number; y: number } | null> {
  return target.evaluate(
    ({ text, nth }) => {
      const ranges = [...(CSS.highlights.get('policy-lens') ?? [])]
        .map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range;
        })
        .filter((r) => r.toString() === text)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[nth];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { text, nth },
  );
}

interface CardState {
  text: string;
  clauseId: string | null;
  role: string | null;
  label: string | null;
}

/** Rests the pointer on the highlighted text and waits for the card of `term` (the report's form of it). */
async function hoverCard(page: Page, text: string, term = text): Promise<CardState> {
  const point = await termPoint(page, text);
  expect(point, `no highlight for ${text}`).not.toBeNull();
  await page.mouse.move(point!.x - 40, point!.y + 60);
  await page.mouse.move(point!.x, point!.y, { steps: 4 });
  await page.waitForFunction(
    (term) => {
      const host = document.querySelector('policy-lens-card');
      return host?.shadowRoot?.querySelector('.term')?.textContent === term && host.hasAttribute('data-clause-id');
    },
    term,
    { timeout: 5_000 },
  );
  return page.evaluate(() => {
    const host = document.querySelector('policy-lens-card')!;
    const card = host.shadowRoot!.querySelector('.card')!;
    return {
      text: card.textContent ?? '',
      clauseId: host.getAttribute('data-clause-id'),
      role: card.getAttribute('role'),
      label: card.getAttribute('aria-label'),
    };
  });
}

/** 今年全市将高质量完成50万亩以上高标准农田建设任务: the farmland metric and its figure, as one highlight. */
const FARM_WITH_FIGURE = '50万亩以上高标准农田建设';

const NEWS_TERMS = [
  '津治通',
  // A metric and the figure beside it are one highlight, over the metric's longest form (高标准农田建设).
  FARM_WITH_FIGURE,
  // 粮食、蔬菜播种面积: the vegetable target's metric, without a figure here (粮食 alone is an ordinary word).
  '蔬菜播种面积',
  // The target's metric is the quoted slogan with the word it counts.
  '“高效办成一件事”场景',
  '津治通',
  '居家适老化改造1000户',
  '长护险',
  '三量',
  '高标准\n    农田',
  '天津马拉松赛',
  '中国冰壶联赛',
  // Beside two terms in inline elements hidden by style (display:none, visibility:hidden).
  '自贸试验区',
];

describe('on the page: highlights and hover card', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  /** The card speaks the browser's language: Chinese, or English where the browser is English. */
  let chinese = true;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages', {
      headers: { '/on-page-strict-csp.html': { 'Content-Security-Policy': STRICT_CSP } },
    });
    session = await launchWithExtension();
    await waitForIndexReady(session);
    await session.context.addInitScript({ content: INIT_SCRIPT });
    chinese = await extensionSpeaksChinese(session);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${site.origin}/${path}`);
    return page;
  }

  it('highlights exactly the terms of a simplified news article, split or not, and nothing in fields', async () => {
    const page = await open('on-page-news.html');
    const found = await waitForHighlights(page, NEWS_TERMS.length);
    // Give a stray late match time to show up before the exact comparison.
    await page.waitForTimeout(300);
    expect(await highlightedTexts(page)).toEqual(NEWS_TERMS);
    expect(found).toEqual(NEWS_TERMS);
    expect(await bodyUnchanged(page)).toBe(true);
    await page.close();
  });

  it('folds traditional characters and full-width forms', async () => {
    const page = await open('on-page-news-traditional.html');
    const expected = [
      '津治通',
      '50萬畝以上高標準農田建設',
      '「高效辦成一件事」場景',
      '居家適老化改造1000戶',
      '長護險',
      '三量',
      '天津馬拉松賽',
      '中國冰壺聯賽',
      // The report's 自贸试验区提升行动方案 is longer than 自贸试验区.
      '自貿試驗區提升行動方案',
      '融資租賃＋保稅維修',
    ];
    await waitForHighlights(page, expected.length);
    await page.waitForTimeout(300);
    expect(await highlightedTexts(page)).toEqual(expected);
    expect(await bodyUnchanged(page)).toBe(true);
    await page.close();
  });

  it('highlights nothing on an ordinary sports report', async () => {
    // The same browser highlights the news page (above), so an empty registry here is the matcher's answer.
    const page = await open('on-page-sports.html');
    await page.waitForTimeout(1_500);
    expect(await highlightedTexts(page)).toEqual([]);
    expect(await bodyUnchanged(page)).toBe(true);
    await page.close();
  });

  it('opens the card on hover with the clause, its target and a path, without touching the body', async () => {
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    // The page's 50万亩以上高标准农田建设 is the metric with its figure: one highlight, the term's card.
    const farm = await hoverCard(page, FARM_WITH_FIGURE, '高标准农田');
    expect(farm.text).toContain('50万亩以上');
    expect(farm.text).toContain('高标准农田建设');
    expect(farm.text).toContain(chinese ? '承诺' : 'commitment');
    expect(farm.text).toContain('2024年天津市政府工作报告');
    expect(farm.text).toContain('做优现代都市型农业');
    expect(farm.text).toContain('严守耕地保护红线，高质量完成');
    expect(farm.clauseId).toMatch(/\S/);
    expect(farm.role).toBe('dialog');
    // Beside the term, inside the viewport, never over the term.
    const geometry = await page.evaluate(() => {
      const card = document.querySelector('policy-lens-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      const hovered = [...CSS.highlights.get('policy-lens-hover')!][0]!;
      const range = document.createRange();
      range.setStart(hovered.startContainer, hovered.startOffset);
      range.setEnd(hovered.endContainer, hovered.endOffset);
      const term = range.getBoundingClientRect();
      const overlaps = card.left < term.right && term.left < card.right && card.top < term.bottom && term.top < card.bottom;
      const inside = card.left >= 0 && card.top >= 0 && card.right <= innerWidth && card.bottom <= innerHeight;
      return { overlaps, inside, hovered: range.toString() };
    });
    expect(geometry).toEqual({ overlaps: false, inside: true, hovered: FARM_WITH_FIGURE });
    expect(farm.label).toContain('高标准农田');
    // The host hangs from <html>, so the body is untouched while the card is open.
    expect(await bodyUnchanged(page)).toBe(true);
    const emphasised = await page.evaluate(
      () => document.querySelector('policy-lens-card')!.shadowRoot!.querySelector('.clause mark')?.textContent,
    );
    expect(emphasised).toBe('高标准农田');

    // A term without a number: the task title and the section's aim instead.
    const jzt = await hoverCard(page, '津治通');
    expect(jzt.text).toContain('加快数字治理综合应用平台“津治通”迭代升级');
    expect(jzt.text).toContain('维护社会大局稳定');
    expect(jzt.clauseId).not.toBe(farm.clauseId);

    const care = await hoverCard(page, '居家适老化改造1000户', '适老化改造');
    expect(care.text).toContain('1000户');

    // Copy citation: the clause as printed (full-width punctuation for reading) and where it stands.
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    // A real click: the card ignores clicks a script makes (tests/browser/security.browser.test.ts).
    await page.locator('policy-lens-card button.copy').click();
    await page.waitForFunction(() => /\S/.test(document.querySelector('policy-lens-card')?.shadowRoot?.querySelector('.status')?.textContent ?? ''));
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toMatch(/^“打造智慧养老服务机构10家，完成居家适老化改造1000户.*”——2024年天津市政府工作报告 › /);

    // Moving away closes the card.
    await page.mouse.move(5, 5, { steps: 3 });
    await page.waitForFunction(() => !document.querySelector('policy-lens-card'), null, { timeout: 3_000 });

    await hoverCard(page, '居家适老化改造1000户', '适老化改造');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('policy-lens-card'));
    expect(await bodyUnchanged(page)).toBe(true);
    await page.close();
  });

  it('wakes on a page without Chinese text when its script adds some, and highlights it', async () => {
    // The content script does nothing on a page without Han text; it watches for text added later.
    const page = await open('on-page-late-chinese.html');
    expect(await waitForHighlights(page, 1)).toEqual(['津治通']);
    await page.close();
  });

  it('reads content added after load, a pushState navigation, an open shadow root and a same-origin iframe', async () => {
    const page = await open('on-page-dynamic.html');
    expect(await waitForHighlights(page, 1)).toEqual(['鲁班工坊']);
    // The widget's shadow root.
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 2);
    const inShadow = () =>
      page.evaluate(() =>
        [...CSS.highlights.get('policy-lens')!]
          .filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot)
          .map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset)),
      );
    expect(await inShadow()).toEqual(['证照联办']);

    // The iframe runs its own content script and registry.
    const frame = page.frames().find((f) => f.url().endsWith('on-page-frame.html'))!;
    expect(await waitForHighlights(frame, 1)).toEqual(['居家适老化改造']);

    // Infinite scroll: a paragraph appended later.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = '更多消息：<a href="#">中国冰壶</a>联赛本周开赛。';
      document.getElementById('feed')!.append(p);
    });
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 3);

    // A single-page app navigates: the old article is replaced, its highlight dropped, the new one read.
    await page.evaluate(() => {
      history.pushState({}, '', '/news/2');
      const article = document.createElement('article');
      article.innerHTML = '<h1>第二篇</h1><p>本市推进<b>长护</b>险制度试点。</p>';
      document.getElementById('first')!.replaceWith(article);
    });
    await page.waitForFunction(() => {
      const ranges = [...(CSS.highlights.get('policy-lens') ?? [])];
      return ranges.some((r) => r.startContainer.textContent === '长护') && ranges.every((r) => r.startContainer.isConnected);
    });
    expect(await highlightedTexts(page)).toEqual(['长护险', '中国冰壶联赛']);
    expect(await inShadow()).toEqual(['证照联办']);
    await page.close();
  });

  it('follows React-style re-renders: highlights never point into detached nodes', async () => {
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    await page.evaluate(() => {
      // Replace the text node under a highlight, as a framework re-render does.
      const farm = document.getElementById('farm')!;
      farm.replaceChildren(document.createTextNode('今年全市将新建高标准农田。'));
      document.getElementById('care')!.textContent = '本段已更新，没有术语。';
    });
    await page.waitForFunction(() => [...(CSS.highlights.get('policy-lens') ?? [])].every((r) => r.startContainer.isConnected));
    await page.waitForTimeout(300);
    const now = await highlightedTexts(page);
    expect(now.filter((t) => t === '适老化改造' || t === '长护险')).toEqual([]);
    expect(now.filter((t) => t === '高标准农田')).toHaveLength(1);
    await page.close();
  });

  it('typing in an editable area triggers no highlight there', async () => {
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    await page.click('#editor');
    await page.keyboard.type('鲁班工坊');
    await page.fill('#comment', '鲁班工坊');
    await page.waitForTimeout(500);
    expect(await highlightedTexts(page)).toEqual(NEWS_TERMS);
    await page.close();
  });

  it('works under a strict CSP: highlights styled, card shown, no violation', async () => {
    const page = await open('on-page-strict-csp.html');
    expect(await waitForHighlights(page, 2)).toEqual([FARM_WITH_FIGURE, '津治通']);
    // The default look comes from the manifest CSS, which the page's CSP cannot refuse.
    const look = await page.evaluate(() => {
      const r = [...CSS.highlights.get('policy-lens')!][0]!;
      return getComputedStyle(r.startContainer.parentElement!, '::highlight(policy-lens)').textDecorationLine;
    });
    expect(look).toBe('underline');
    const card = await hoverCard(page, FARM_WITH_FIGURE, '高标准农田');
    expect(card.text).toContain('50万亩以上');
    const cardStyled = await page.evaluate(() => {
      const host = document.querySelector('policy-lens-card')!;
      const el = host.shadowRoot!.querySelector('.card')!;
      return { position: getComputedStyle(el).position, styles: host.shadowRoot!.querySelectorAll('style').length };
    });
    expect(cardStyled).toEqual({ position: 'fixed', styles: 0 });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(await bodyUnchanged(page)).toBe(true);
    await page.close();
  });

  it('switching the site off clears every highlight at once, and on again scans again, without a reload', async () => {
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    const options = await session.extensionPage(anyExtensionPagePath());
    const setSettings = (change: Record<string, unknown>) =>
      options.evaluate(async (change) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
        const current = ((await api.get('settings')).settings ?? {}) as Record<string, unknown>;
        await api.set({ settings: { enabled: true, defaultOn: true, sites: {}, highlightStyle: 'underline', highlightColor: '#c2410c', hoverDelayMs: 150, ...current, ...change } });
      }, change);
    await setSettings({ enabled: false });
    await page.waitForFunction(() => !CSS.highlights.has('policy-lens'));
    await setSettings({ enabled: true, highlightStyle: 'tint' });
    expect(await waitForHighlights(page, NEWS_TERMS.length)).toEqual(NEWS_TERMS);
    const tint = await page.evaluate(() =>
      document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n'),
    );
    expect(tint).toMatch(/::highlight\(policy-lens\) \{ background-color/);
    expect(await bodyUnchanged(page)).toBe(true);
    await options.close();
    await page.close();
  });

  it('the keyboard command moves to the next highlight and opens its card with focus in it', async () => {
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    // Without the tabs permission a tab cannot be found by URL: the page is made the active tab instead.
    const control = await session.extensionPage(anyExtensionPagePath());
    await page.bringToFront();
    const tabId = await control.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id;
    });
    const sendToTab = (message: object) =>
      control.evaluate(
        ({ tabId, message }) =>
          (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(tabId, message),
        { tabId, message },
      );
    const cardTerm = () =>
      page.evaluate(() => document.querySelector('policy-lens-card')?.shadowRoot?.querySelector('.term')?.textContent ?? null);

    expect(await sendToTab({ type: 'focus-next' })).toEqual({ ok: true, value: { found: true } });
    await page.waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'));
    const first = await cardTerm();
    expect(await sendToTab({ type: 'focus-next' })).toEqual({ ok: true, value: { found: true } });
    await page.waitForFunction((first) => {
      const term = document.querySelector('policy-lens-card')?.shadowRoot?.querySelector('.term')?.textContent;
      return term && term !== first;
    }, first);
    // From the top of the page: the heading's 津治通, then the farmland metric with its figure, whose card names the report's term.
    expect(first).toBe('津治通');
    expect(await cardTerm()).toBe('高标准农田');
    // Focus is in the card, so a screen reader announces it; Escape closes it.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('policy-lens-card');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('policy-lens-card'));

    const terms = (await sendToTab({ type: 'page-terms' })) as { ok: boolean; value: { terms: { term: string; count: number }[] } };
    expect(terms.ok).toBe(true);
    expect(terms.value.terms.find((t) => t.term === '津治通')?.count).toBe(2);
    expect(terms.value.terms.find((t) => t.term === '高标准农田')?.count).toBe(2);
    // Only in fields, hidden blocks and hidden inline elements: not counted.
    expect(terms.value.terms.map((t) => t.term)).not.toContain('鲁班工坊');
    expect(terms.value.terms.map((t) => t.term)).not.toContain('证照联办');
    expect(await sendToTab({ type: 'reveal-term', termId: 'no-such-term' })).toEqual({ ok: true, value: { found: false } });
    expect(await sendToTab({ type: 'reveal-term', termId: 42 })).toEqual({ ok: false, error: 'malformed reveal-term message' });
    await control.close();
    await page.close();
  });

  it('opens the clause in the report view from the card', async () => {
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    const card = await hoverCard(page, FARM_WITH_FIGURE, '高标准农田');
    const opened = session.context.waitForEvent('page', { timeout: 5_000 });
    await page.locator('policy-lens-card button.open').click();
    const report = await opened;
    await report.waitForLoadState();
    expect(report.url()).toBe(`chrome-extension://${session.extensionId}/report.html#clause-${card.clauseId}`);
    await report.close();
    await page.close();
  });

  it('steps through the clauses of a term that several clauses mention', async () => {
    // The simplified page's 自贸试验区 stands alone (the traditional page's is part of 自贸试验区提升行动方案, one clause).
    const page = await open('on-page-news.html');
    await waitForHighlights(page, NEWS_TERMS.length);
    const first = await hoverCard(page, '自贸试验区');
    expect(first.text).toContain(chinese ? '第 1 / 3 条' : 'clause 1 of 3');
    await page.locator('policy-lens-card button.step').nth(1).click();
    await page.waitForFunction(
      (first) => {
        const host = document.querySelector('policy-lens-card');
        return host && host.getAttribute('data-clause-id') !== first;
      },
      first.clauseId,
    );
    const second = await page.evaluate(() => document.querySelector('policy-lens-card')!.shadowRoot!.textContent ?? '');
    expect(second).toContain(chinese ? '第 2 / 3 条' : 'clause 2 of 3');
    expect(second).toContain('自贸试验区');
    await page.close();
  });

  it('keeps working on a page that breaks Array, appendChild, MutationObserver and CSS.highlights.set in its own world', async () => {
    const page = await open('on-page-hostile.html');
    type Hostile = { __hostile: { break(): void; restore(): void } };
    // The content script runs in its own world, so the page's overrides do not reach it. Playwright's
    // own polling runs in the page's world, so each look restores the built-ins for its duration.
    const seen = () =>
      page.evaluate(() => {
        const hostile = (window as unknown as Hostile).__hostile;
        hostile.restore();
        const size = CSS.highlights.get('policy-lens')?.size ?? 0;
        hostile.break();
        return size;
      });
    for (let waited = 0; (await seen()) < 2; waited += 100) {
      expect(waited).toBeLessThan(15_000);
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => (window as unknown as Hostile).__hostile.restore());
    // The heading's 高标准农田建设 is the metric's longer form; the paragraph's has its figure with it.
    expect(await highlightedTexts(page)).toEqual(['高标准农田建设', FARM_WITH_FIGURE]);
    const point = (await termPoint(page, FARM_WITH_FIGURE))!;
    await page.evaluate(() => (window as unknown as Hostile).__hostile.break());
    await page.mouse.move(point.x, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const cardShown = () =>
      page.evaluate(() => {
        const hostile = (window as unknown as Hostile).__hostile;
        hostile.restore();
        const shown = document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id') ?? false;
        hostile.break();
        return shown;
      });
    for (let waited = 0; !(await cardShown()); waited += 100) {
      expect(waited).toBeLessThan(5_000);
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => (window as unknown as Hostile).__hostile.restore());
    const text = await page.evaluate(() => document.querySelector('policy-lens-card')!.shadowRoot!.textContent ?? '');
    expect(text).toContain('50万亩以上');
    expect(await bodyUnchanged(page)).toBe(true);
    await page.close();
  });

  it('finds the term under a transparent link cover laid over the text', async () => {
    const page = await open('on-page-overlay.html');
    expect(await waitForHighlights(page, 1)).toEqual(['鲁班工坊']);
    const covered = await page.evaluate(() => {
      const p = document.querySelector('.summary')!.getBoundingClientRect();
      return document.elementFromPoint(p.left + 10, p.top + p.height / 2)?.className;
    });
    expect(covered).toBe('cover');
    const card = await hoverCard(page, '鲁班工坊');
    expect(card.text).toContain('深化鲁班工坊建设');
    await page.close();
  });

  it('leaves no error of ours in any console', () => {
    const ours = session.pageErrors.filter((e) => /policy|extension context|highlight/i.test(e));
    expect(ours).toEqual([]);
  });
});
