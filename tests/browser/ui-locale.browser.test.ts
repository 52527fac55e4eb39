// The interface in the browser's language, and usable without a mouse. With
// Chromium in Chinese (--lang=zh-CN, LANGUAGE=zh_CN; Debian's chromium-l10n
// supplies the zh-CN locale) the popup, options page, report view, welcome
// page and hover card speak Chinese; in English, English. In both, every
// control of the popup, options, report and welcome page has an accessible
// name as Chromium computes it (its accessibility tree over CDP), the site
// switch is a switch with aria-checked, and Tab reaches every control with a
// visible focus ring.

import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';
import { popupFor } from './popup-for-tab';

interface Expected {
  locale: string;
  htmlLang: string;
  searchLabel: string;
  searchPlaceholder: string;
  resultCount: (n: number) => string;
  siteSwitch: (host: string) => string;
  optionsTitle: string;
  reportTitle: string;
  targetsHeading: string;
  commitment: string;
  copyCitation: string;
  cardLabel: (term: string) => string;
  /** The figure card's side for the report's 2024 target, and its relation when the page's figure meets it. */
  reportTarget: string;
  relationSame: string;
  welcomeTitle: string;
  sampleSwitch: string;
}

const LOCALES: Expected[] = [
  {
    locale: 'zh-CN',
    htmlLang: 'zh-CN',
    searchLabel: '搜索政府工作报告',
    searchPlaceholder: '搜索报告：外资、高效办成、50亿……',
    resultCount: (n) => `共 ${n} 条结果`,
    siteSwitch: (host) => `在 ${host} 上启用`,
    optionsTitle: '政策透镜设置',
    reportTitle: '政府工作报告全文 · 政策透镜',
    targetsHeading: '目标一览',
    commitment: '承诺',
    copyCitation: '复制引文',
    cardLabel: (term) => `政策透镜：${term}`,
    reportTarget: '报告目标（2024年）',
    relationSame: '与报告目标一致',
    welcomeTitle: '欢迎使用政策透镜',
    sampleSwitch: '在本页示例上启用',
  },
  {
    locale: 'en-US',
    htmlLang: 'en',
    searchLabel: 'Search the government work report',
    searchPlaceholder: 'Search the report: 外资, 高效办成, 50亿 …',
    resultCount: (n) => (n === 1 ? '1 result' : `${n} results`),
    siteSwitch: (host) => `On for ${host}`,
    optionsTitle: 'PolicyLens settings',
    reportTitle: 'The full report · PolicyLens',
    targetsHeading: 'Targets at a glance',
    commitment: 'commitment',
    copyCitation: 'Copy citation',
    cardLabel: (term) => `PolicyLens: ${term}`,
    reportTarget: "Report's target (2024)",
    relationSame: "Meets the report's target",
    welcomeTitle: 'Welcome to PolicyLens',
    sampleSwitch: 'On for the sample',
  },
];

interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

/** Roles a reader operates; each needs a name a screen reader can say. */
const INTERACTIVE = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'switch',
  'checkbox',
  'radio',
  'spinbutton',
  'slider',
  'ColorWell',
  'option',
  'listbox',
  'menuitem',
  'tab',
  'dialog',
]);

/** The controls of a page as Chromium exposes them to assistive technology: role and computed name. */
async function controls(cdp: CDPSession): Promise<{ role: string; name: string }[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  return nodes
    .filter((n) => !n.ignored && INTERACTIVE.has(n.role?.value ?? ''))
    .map((n) => ({ role: n.role!.value, name: (n.name?.value ?? '').trim() }));
}

async function expectAllNamed(page: Page, what: string): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const found = await controls(cdp);
    expect(found.length, `${what} has controls`).toBeGreaterThan(0);
    expect(found.filter((c) => !c.name), `${what}: controls without an accessible name`).toEqual([]);
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * Presses Tab from the top of the page until focus has gone round once, and
 * returns the tabbable controls Tab never reached and those it reached
 * without a visible focus indicator. Radio buttons count as one stop per group.
 */
async function tabThrough(page: Page): Promise<{ missed: string[]; unringed: string[]; stops: number }> {
  const candidates = await page.evaluate(() => {
    const seen = new Set<Element>();
    const unringed: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 120);
    document.addEventListener('focusin', (event) => {
      const el = event.target as Element;
      seen.add(el);
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      if (!ring) unringed.push(describe(el));
    });
    (window as unknown as { __tab: unknown }).__tab = { seen, unringed, describe };
    (document.activeElement as HTMLElement | null)?.blur();
    const selector = 'a[href], button, input, select, textarea, [tabindex]';
    return [...document.querySelectorAll(selector)].filter((el) => {
      const html = el as HTMLElement;
      return html.tabIndex >= 0 && !(html as HTMLButtonElement).disabled && html.checkVisibility();
    }).length;
  });
  // Two extra presses per control leave room for the browser's own stops.
  for (let i = 0; i < candidates + 2; i++) await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const { seen, unringed, describe } = (window as unknown as {
      __tab: { seen: Set<Element>; unringed: string[]; describe: (el: Element) => string };
    }).__tab;
    const selector = 'a[href], button, input, select, textarea, [tabindex]';
    const tabbable = [...document.querySelectorAll(selector)].filter((el) => {
      const html = el as HTMLElement;
      return html.tabIndex >= 0 && !(html as HTMLButtonElement).disabled && html.checkVisibility();
    });
    const reachedRadioGroups = new Set(
      [...seen].filter((el) => el instanceof HTMLInputElement && el.type === 'radio').map((el) => (el as HTMLInputElement).name),
    );
    const missed = tabbable
      .filter((el) => !seen.has(el))
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && reachedRadioGroups.has(el.name)))
      .map(describe);
    return { missed, unringed, stops: seen.size };
  });
}

for (const expected of LOCALES) {
  describe(`UI in ${expected.locale}`, () => {
    let session: ExtensionSession;
    let site: FixtureServer;

    beforeAll(async () => {
      site = await serveFixtures('tests/fixtures/pages');
      session = await launchWithExtension({ locale: expected.locale });
      await waitForIndexReady(session);
    });

    afterAll(async () => {
      await session?.close({ removeUserDataDir: true });
      await site?.close();
    });

    async function newsPage(): Promise<Page> {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1000, height: 760 });
      await page.goto(`${site.origin}/demo-news.html`);
      await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) > 5, undefined, { timeout: 15_000 });
      return page;
    }

    it('the popup speaks the language, names every control, and Tab reaches them all', async () => {
      const news = await newsPage();
      const popup = await popupFor(session, news);
      const host = new URL(site.origin).hostname;

      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(expected.htmlLang);
      const box = popup.locator('#search-input');
      expect(await box.getAttribute('placeholder')).toBe(expected.searchPlaceholder);
      expect((await popup.locator('label[for="search-input"]').textContent())?.trim()).toBe(expected.searchLabel);
      expect((await popup.locator('#site-switch-label').textContent())?.trim()).toBe(expected.siteSwitch(host));

      // The site switch: a switch, checked, flipped by the keyboard, and back.
      const toggle = popup.locator('#site-switch');
      expect(await toggle.getAttribute('role')).toBe('switch');
      expect(await toggle.getAttribute('aria-checked')).toBe('true');
      await toggle.focus();
      await popup.keyboard.press('Space');
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
      await popup.keyboard.press('Space');
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');

      // The empty box lists this page's terms; every control is named and reachable.
      await popup.waitForSelector('.page-terms__term');
      const empty = await expectAllNamed(popup, 'popup with the page terms');
      expect(empty).toContainEqual({ role: 'searchbox', name: expected.searchLabel });
      expect(empty).toContainEqual({ role: 'switch', name: expected.siteSwitch(host) });
      const terms = empty.filter((c) => c.role === 'button' && c.name.startsWith('高标准农田'));
      expect(terms, 'the page term 高标准农田 is a named button').toHaveLength(1);
      const tabbing = await tabThrough(popup);
      expect(tabbing.missed, 'popup controls Tab never reached').toEqual([]);
      expect(tabbing.unringed, 'popup controls focused without a visible ring').toEqual([]);

      // Results: the count in the language's own form, each option named.
      await box.fill('外资');
      await popup.waitForSelector('.search-result');
      const shown = await popup.locator('.search-result').count();
      await expect.poll(() => popup.locator('.search-panel__status').textContent()).toBe(expected.resultCount(shown));
      expect(await popup.locator('.search-result .target-figure__kind').first().textContent()).toBe(expected.commitment);
      await expectAllNamed(popup, 'popup with results');

      await popup.close();
      await news.close();
    });

    it('the options page speaks the language, names every control, and Tab reaches them all', async () => {
      const page = await session.extensionPage('options.html');
      await page.waitForSelector('[data-count="terms"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.htmlLang);
      expect((await page.locator('h1').textContent())?.trim()).toBe(expected.optionsTitle);
      expect(await page.title()).toBe(expected.optionsTitle);

      const found = await expectAllNamed(page, 'options page');
      expect(found.filter((c) => c.role === 'switch').length).toBeGreaterThanOrEqual(2);
      for (const id of ['global-switch', 'default-switch']) {
        expect(await page.locator(`#${id}`).getAttribute('role')).toBe('switch');
        expect(await page.locator(`#${id}`).getAttribute('aria-checked')).toMatch(/^(true|false)$/);
      }
      const tabbing = await tabThrough(page);
      expect(tabbing.missed, 'options controls Tab never reached').toEqual([]);
      expect(tabbing.unringed, 'options controls focused without a visible ring').toEqual([]);
      await page.close();
    });

    it('the report view speaks the language, names every control, and Tab reaches them all', async () => {
      const page = await session.extensionPage('report.html');
      await page.waitForSelector('.targets-table tbody tr');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.htmlLang);
      expect((await page.locator('.report__title').textContent())?.trim()).toBe(expected.reportTitle);
      expect((await page.locator('#targets-heading').textContent())?.trim()).toBe(expected.targetsHeading);
      // The report itself is Chinese whatever the interface's language, so a screen reader reads it in a Chinese voice.
      expect(await page.locator('article.report__document').first().getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('.targets-table__kind--commitment').first().textContent()).toBe(expected.commitment);

      await expectAllNamed(page, 'report view');
      const tabbing = await tabThrough(page);
      expect(tabbing.missed, 'report controls Tab never reached').toEqual([]);
      expect(tabbing.unringed, 'report controls focused without a visible ring').toEqual([]);

      // A deep link marks its section in the table of contents as the current location.
      const link = await page.locator('.targets-table tbody tr a').first().getAttribute('href');
      await page.goto(`chrome-extension://${session.extensionId}/report.html${link}`);
      await page.waitForSelector('.clause--marked');
      const section = await page.evaluate(() => document.querySelector('.clause--marked')!.closest('section[id]')!.id);
      const current = page.locator('.toc a[aria-current="location"]');
      expect(await current.count()).toBe(1);
      expect(await current.getAttribute('href')).toBe(`#${section}`);
      await page.close();
    });

    it('the welcome page speaks the language, names every control, Tab reaches them all, and the keyboard alone opens a card', async () => {
      const page = await session.extensionPage('welcome.html');
      await page.setViewportSize({ width: 1000, height: 760 });
      await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 5, undefined, { timeout: 15_000 });
      await page.locator('.shortcut-table tbody tr').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.htmlLang);
      expect((await page.locator('h1').textContent())?.trim()).toBe(expected.welcomeTitle);
      expect(await page.title()).toBe(expected.welcomeTitle);
      // The sample is Chinese whatever the interface's language, its label in the interface's.
      expect(await page.locator('article.sample-article').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('.sample-article__label').getAttribute('lang')).toBe(expected.htmlLang);

      const found = await expectAllNamed(page, 'welcome page');
      expect(found).toContainEqual({ role: 'searchbox', name: expected.searchLabel });
      expect(found).toContainEqual({ role: 'switch', name: expected.sampleSwitch });
      const tabbing = await tabThrough(page);
      expect(tabbing.missed, 'welcome controls Tab never reached').toEqual([]);
      expect(tabbing.unringed, 'welcome controls focused without a visible ring').toEqual([]);

      // Keyboard only: the next-term button opens the first term's card with focus in it; Escape closes it.
      await page.locator('#next-term').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'));
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('policy-lens-card');
      expect(
        await page.evaluate(() => document.querySelector('policy-lens-card')!.shadowRoot!.querySelector('.card')!.getAttribute('lang')),
      ).toBe(expected.htmlLang);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('policy-lens-card'));
      await page.close();
    });

    it('the hover card speaks the language: 高标准农田 shows its figures as promised', async () => {
      const page = await newsPage();
      // 高质量完成50万亩以上高标准农田建设任务: the metric and its figure are one highlight, and its card a figure card.
      const point = await page.evaluate(() => {
        const range = [...(CSS.highlights.get('policy-lens') ?? [])]
          .map((r) => {
            const full = document.createRange();
            full.setStart(r.startContainer, r.startOffset);
            full.setEnd(r.endContainer, r.endOffset);
            return full;
          })
          .find((r) => r.toString() === '50万亩以上高标准农田建设');
        if (!range) return null;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0]!;
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      });
      expect(point, 'no highlight for 高标准农田').not.toBeNull();
      await page.mouse.move(point!.x - 40, point!.y + 60);
      await page.mouse.move(point!.x, point!.y, { steps: 4 });
      await page.waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'), undefined, {
        timeout: 5_000,
      });
      const card = await page.evaluate(() => {
        const root = document.querySelector('policy-lens-card')!.shadowRoot!;
        const dialog = root.querySelector('.card')!;
        return {
          lang: dialog.getAttribute('lang'),
          label: dialog.getAttribute('aria-label'),
          kinds: [...root.querySelectorAll('.target .kind')].map((k) => k.textContent),
          figures: [...root.querySelectorAll('.target .figure')].map((f) => f.textContent),
          buttons: [...root.querySelectorAll('button')].map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
          reportSide: root.querySelector('.figures .report .label')?.textContent,
          relation: root.querySelector('.figures .relation')?.textContent,
        };
      });
      expect(card.lang).toBe(expected.htmlLang);
      expect(card.label).toBe(expected.cardLabel('高标准农田'));
      expect(card.figures).toContain('50万亩以上');
      expect(card.kinds.length).toBeGreaterThan(0);
      expect(new Set(card.kinds)).toEqual(new Set([expected.commitment]));
      expect(card.reportSide).toBe(expected.reportTarget);
      expect(card.relation).toBe(expected.relationSame);
      expect(card.buttons).toContain(expected.copyCitation);
      expect(card.buttons.filter((name) => !name), 'card buttons without a name').toEqual([]);
      await page.close();
    });
  });
}
