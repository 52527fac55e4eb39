// The firefox-mv3 build in Firefox ESR: installed as a temporary add-on, the
// index loaded into IndexedDB, terms highlighted on a news page, the hover
// card, the popup's search, and a report added by paste on the library page
// (jieba compiled in Firefox's background), each read the way a reader would
// meet them.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Clause, Target, Term } from '@/lib/model';
import type { ClauseView, IndexStatus } from '@/lib/messages';
// The browser project has no @/ alias (vitest.config.ts): value imports are relative.
import { toDisplayText } from '../../lib/display-text';
import { anyExtensionPagePath, readStore, serveFixtures, type FixtureServer } from './harness';
import {
  launchFirefoxWithExtension,
  sendFromExtensionPage,
  waitForFirefoxIndexReady,
  type FirefoxSession,
} from './firefox-harness';

type PlaywrightPage = Parameters<typeof readStore>[0];

/** readStore only calls page.evaluate(fn, arg), which puppeteer's Page has with the same meaning. */
function readFirefoxStore<T>(page: Page, store: string, opts?: Parameters<typeof readStore>[2]): Promise<T[]> {
  return readStore<T>(page as unknown as PlaywrightPage, store, opts);
}

interface FirefoxI18n {
  browser: { i18n: { getMessage(key: string): string } };
}
interface FirefoxTabs {
  browser: { tabs: { query(filter: object): Promise<{ url?: string }[]> } };
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The page's body as the page built it: our card host, while it exists, taken out. */
async function bodyWithoutCard(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const card of body.querySelectorAll('policy-lens-card')) card.remove();
    return body.innerHTML;
  });
}

/** The centre of the character at `offset` in the first text node of #id that holds `text`. */
async function glyphCentre(page: Page, id: string, text: string, offset: number) {
  return page.evaluate(
    ({ id, text, offset }) => {
      const walker = document.createTreeWalker(document.getElementById(id)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + offset);
        range.setEnd(node, at + offset + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`"${text}" not in #${id}`);
    },
    { id, text, offset },
  );
}

/** Moves the pointer onto the middle of `text` in #id and waits for the card: its clause id and its text. */
async function restOn(page: Page, id: string, text: string) {
  const { x, y } = await glyphCentre(page, id, text, Math.floor(text.length / 2));
  await page.mouse.move(x - 40, y);
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForFunction(
    () => document.querySelector('policy-lens-card[data-clause-id]')?.checkVisibility(),
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const host = document.querySelector('policy-lens-card')!;
    return { clauseId: host.getAttribute('data-clause-id')!, text: host.shadowRoot?.textContent ?? null };
  });
}

describe('PolicyLens in Firefox ESR', () => {
  let session: FirefoxSession;
  let site: FixtureServer;
  /** An extension page kept open to ask the background and read IndexedDB. */
  let extensionPage: Page;
  let status: IndexStatus;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchFirefoxWithExtension();
    extensionPage = await session.extensionPage(anyExtensionPagePath(session.extensionDir));
  });

  afterAll(async () => {
    await session?.close({ removeProfile: true });
    await site?.close();
  });

  it('installs the build under its add-on id and fixed moz-extension:// origin', async () => {
    const seen = await extensionPage.evaluate(() => ({
      origin: location.origin,
      id: (globalThis as unknown as { browser: { runtime: { id: string } } }).browser.runtime.id,
    }));
    expect(seen).toEqual({ origin: session.extensionOrigin, id: session.addonId });
  });

  it('has the background load the index into IndexedDB policy-lens', async () => {
    // Under the test's 60 s, so a silent background fails with the last answer it gave.
    status = await waitForFirefoxIndexReady(session, { page: extensionPage, timeoutMs: 45_000 });
    expect(status).toMatchObject({ state: 'ready', fallback: false });
    const stored = {
      documents: (await readFirefoxStore(extensionPage, 'documents')).length,
      clauses: (await readFirefoxStore(extensionPage, 'clauses')).length,
      targets: (await readFirefoxStore(extensionPage, 'targets')).length,
      terms: (await readFirefoxStore(extensionPage, 'terms')).length,
    };
    expect(stored).toEqual(status.counts);
    expect(stored.clauses).toBeGreaterThan(0);
    expect(stored.terms).toBeGreaterThan(0);
  });

  describe('on a news page', () => {
    let page: Page;
    let bodyBefore: string;

    beforeAll(async () => {
      page = await session.openPage(`${site.origin}/firefox-news.html`);
      // The body as served, parsed afresh: what the page looks like to a browser without the extension.
      bodyBefore = await page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      });
    });

    afterAll(async () => {
      await page?.close();
    });

    it('registers the report terms in CSS.highlights policy-lens, exactly as printed', async () => {
      await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) > 0, { timeout: 15_000 });
      // Highlights may hold StaticRanges, which have no toString: read each through a live Range.
      const painted = await page.evaluate(() =>
        [...CSS.highlights.get('policy-lens')!].map((painted) => {
          const range = document.createRange();
          range.setStart(painted.startContainer, painted.startOffset);
          range.setEnd(painted.endContainer, painted.endOffset);
          return range.toString();
        }),
      );
      // 高质量完成高标准农田建设任务: the farmland metric's longer form, painted whole.
      expect(painted).toContain('高标准农田建设');
      expect(painted).toContain('津治通');
      expect(painted.filter((s) => s.includes('高标准农田'))).toHaveLength(1);

      // Every painted string is a form of a term of the index (quotes are matched, not painted).
      const terms = await readFirefoxStore<Term>(extensionPage, 'terms');
      const forms = new Set(terms.flatMap((t) => [t.term, ...t.forms]).map((f) => f.replace(/[“”"]/g, '')));
      expect(painted.filter((s) => !forms.has(s))).toEqual([]);

      // The ::highlight() rules reach the page: an underline or a tint.
      const look = await page.evaluate(() => {
        const style = getComputedStyle(document.getElementById('farmland')!, '::highlight(policy-lens)');
        return { line: style.textDecorationLine, background: style.backgroundColor };
      });
      expect(look.line !== 'none' || look.background !== 'rgba(0, 0, 0, 0)', JSON.stringify(look)).toBe(true);

      expect(await bodyWithoutCard(page)).toBe(bodyBefore);
      expect(session.pageErrors).toEqual([]);
    });

    it('opens <policy-lens-card> with the clause and its target when the pointer rests on a term, closes it on Escape', async () => {
      const clauses = await readFirefoxStore<Clause>(extensionPage, 'clauses');
      const expected = clauses.filter((c) => c.text.includes('高标准农田'));
      expect(expected.length).toBeGreaterThan(0);

      const card = await restOn(page, 'farmland', '高标准农田');
      expect(card.text, 'the card has an open shadow root').not.toBeNull();
      const shown = expected.find((c) => c.id === card.clauseId);
      expect(shown, `data-clause-id ${card.clauseId} is a clause that mentions 高标准农田`).toBeDefined();
      expect(squash(card.text!)).toContain(squash(toDisplayText(shown!.text)));

      const targets = await readFirefoxStore<Target>(extensionPage, 'targets', { index: 'clauseId', key: shown!.id });
      expect(targets.map((t) => t.text)).toContain('50万亩以上');
      for (const target of targets) expect(squash(card.text!)).toContain(squash(target.text));

      // Escape closes it, and the page is left as it was.
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => [...document.querySelectorAll('policy-lens-card')].every((card) => !card.checkVisibility()),
        { timeout: 5_000 },
      );
      expect(await bodyWithoutCard(page)).toBe(bodyBefore);
      expect(session.pageErrors).toEqual([]);
    });

    it('shows task and aim for a term without a figure, and opens its clause in the report view', async () => {
      const card = await restOn(page, 'governance', '津治通');
      const view = await sendFromExtensionPage<ClauseView>(extensionPage, { type: 'clause-view', clauseId: card.clauseId });
      if (!view?.ok) throw new Error(`clause-view failed: ${JSON.stringify(view)}`);
      expect(view.value.clause.text).toContain('津治通');
      expect(view.value.targets).toEqual([]);
      expect(squash(card.text!)).toContain(squash(view.value.clause.taskTitle));
      expect(squash(card.text!)).toContain(squash(view.value.sectionAim));

      // The card asks the background to open the tab (tabs.create): BiDi does not
      // report extension-process tabs, so the tab is found through tabs.query.
      const label = await extensionPage.evaluate(() =>
        (globalThis as unknown as FirefoxI18n).browser.i18n.getMessage('cardOpenReport'),
      );
      const button = await page.evaluate((label) => {
        const host = document.querySelector('policy-lens-card')!;
        const found = [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
        const box = found?.getBoundingClientRect();
        return box && { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }, label);
      expect(button, `a card button labelled ${label}`).toBeDefined();
      await page.mouse.move(button!.x, button!.y, { steps: 2 });
      await page.mouse.click(button!.x, button!.y);
      const reportUrl = `${session.extensionOrigin}/report.html#clause-${card.clauseId}`;
      await expect
        .poll(() => extensionPage.evaluate(async () => {
          const tabs = await (globalThis as unknown as FirefoxTabs).browser.tabs.query({});
          return tabs.map((tab) => tab.url);
        }))
        .toContain(reportUrl);

      const report = await session.extensionPage(`report.html#clause-${card.clauseId}`);
      try {
        await report.waitForFunction(
          (id) => {
            const clause = document.getElementById(`clause-${id}`);
            const box = clause?.getBoundingClientRect();
            return box && box.top >= 0 && box.bottom <= innerHeight;
          },
          { timeout: 10_000 },
          card.clauseId,
        );
        const shown = await report.evaluate((id) => document.getElementById(`clause-${id}`)!.textContent, card.clauseId);
        expect(squash(shown!)).toContain(squash(toDisplayText(view.value.clause.text)));
      } finally {
        await report.close();
      }
    });
  });

  it('finds the 50亿美元 clause for 外资 in the popup search', async () => {
    const popup = await session.extensionPage('popup.html');
    try {
      await popup.waitForSelector('input[type="search"]', { timeout: 10_000 });
      await popup.type('input[type="search"]', '外资');
      await popup.waitForFunction(() => document.body.innerText.includes('50亿美元'), { timeout: 10_000 });
      const text = await popup.evaluate(() => document.body.innerText);
      expect(squash(text)).toContain('实际使用外资');
    } finally {
      await popup.close();
    }
  });

  it('adds a pasted report on the library page, and a news page highlights its terms', async () => {
    const library = await session.extensionPage('library.html');
    try {
      await library.waitForSelector('.document-list__item', { timeout: 10_000 });
      const report = readFileSync('tests/fixtures/documents/tianjin-2025-work-report.txt', 'utf8');
      await library.evaluate((text) => {
        const area = document.getElementById('add-text') as HTMLTextAreaElement;
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, report);
      // A click of its own, after the paste has rendered.
      await library.evaluate(() => (document.getElementById('add-submit') as HTMLButtonElement).click());
      await library.waitForFunction(() => document.getElementById('add-outcome')?.getAttribute('data-attempt') === '1', { timeout: 45_000 });
      const outcome = await library.evaluate(() => ({
        kind: document.getElementById('add-outcome')!.getAttribute('data-outcome'),
        sentence: document.getElementById('add-outcome')!.textContent,
      }));
      expect(outcome.kind, outcome.sentence ?? '').toBe('added');
      expect(outcome.sentence).toContain('2025年天津市政府工作报告');
      const titles = await library.evaluate(() => [...document.querySelectorAll('.document-list__item .site-switch__label')].map((l) => l.textContent));
      expect(titles).toContain('2025年天津市政府工作报告');
    } finally {
      await library.close();
    }
    const news = await session.openPage(`${site.origin}/library-news.html`);
    try {
      await news.waitForFunction(
        () =>
          [...(CSS.highlights.get('policy-lens') ?? [])].some((painted) => {
            const range = document.createRange();
            range.setStart(painted.startContainer, painted.startOffset);
            range.setEnd(painted.endContainer, painted.endOffset);
            return range.toString() === '津链通';
          }),
        { timeout: 15_000 },
      );
      expect(session.pageErrors).toEqual([]);
    } finally {
      await news.close();
    }
  });
});
