// A hostile page with PolicyLens installed, in real Chromium with the built
// extension. The page's script drives the card with made-up events and
// rewrites it: no tab opens, nothing is copied, no message leaves the page's
// content script; the reader's real click and key press still act, once each,
// with the report's own citation and clause. A burst of open-report from the
// content script's own world opens one tab. And nothing of the reader's
// settings can be read from the page's world. README.md's threat model
// names these tests line by line.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCitation } from '@/entrypoints/content/card/citation';
import type { ClauseCard, Reply, TermTable } from '@/lib/messages';
import {
  anyExtensionPagePath,
  extensionNetworkRequests,
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
  termsOfTable,
} from './harness';
import { highlightCount, restOnTerm, setSettings, termPointInFrame } from './reliability-support';

/** Settings no page may learn: two sites the reader listed, a hover delay and a highlight colour of their own. */
const SECRET_HOSTS = ['secret-host-one.example', 'secret-host-two.example'];
const SECRET_DELAY_MS = 287;
const SECRET_COLOR = '#13579b';

interface Seen {
  type: unknown;
  url: string | undefined;
  index: unknown;
}

interface ChromeGlobals {
  chrome: {
    runtime: {
      sendMessage(message: unknown): Promise<unknown>;
      onMessage: { addListener(listener: (message: { type?: unknown; index?: unknown } | null, sender: { url?: string }) => void): void };
    };
  };
  __policyLensSeen?: Seen[];
}

interface Attack {
  done: boolean;
  actions: number;
  forgedClauseId: string;
  before: { open: boolean; clauseId: string | null; text: string | null };
  after: { open: boolean; clauseId: string | null; text: string | null };
}

/** Recorded in the page's world from its first script on: what a page could listen to. */
const pageProbe = (extensionId: string) => `
  window.__probe = { globals: Object.getOwnPropertyNames(window), messages: [], events: [] };
  addEventListener('message', (e) => {
    let data;
    try { data = JSON.stringify(e.data); } catch { data = String(e.data); }
    window.__probe.messages.push(data);
  }, true);
  // WXT's content-script context announces itself with events named after the extension's id.
  for (const name of ['content-script-started', 'locationchange']) {
    const type = '${extensionId}:content:wxt:' + name;
    // On the window in the capture phase: that sees what is dispatched on the document too.
    addEventListener(type, (e) => {
      let detail;
      try { detail = JSON.stringify(e.detail); } catch { detail = String(e.detail); }
      window.__probe.events.push({ type: e.type, detail });
    }, true);
  }
`;

describe('a hostile page cannot drive PolicyLens or read the reader’s settings', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let control: Page;
  /** The card PolicyLens shows first for 自贸试验区 (three clauses mention it), as the background sends it. */
  let ftzCard: ClauseCard;

  const ask = async <T>(message: object): Promise<T> => {
    const reply = (await control.evaluate(
      (message) => (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage(message),
      message,
    )) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  /** Every message the background received from the page at `url` since launch. */
  const seenFrom = async (url: string): Promise<Seen[]> => {
    const seen = await session.serviceWorker.evaluate(() => (globalThis as unknown as ChromeGlobals).__policyLensSeen);
    if (!seen) throw new Error('the message recorder is gone: the service worker restarted');
    return seen.filter((m) => m.url === url);
  };

  /** Every tab opened since launch, by the test or by the extension. */
  const openTabs: Page[] = [];

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
    // A second listener beside the background's own: it records and never answers.
    await session.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as ChromeGlobals;
      g.__policyLensSeen = [];
      g.chrome.runtime.onMessage.addListener((message, sender) => {
        g.__policyLensSeen!.push({ type: message?.type, url: sender.url, index: message?.index });
      });
    });
    await setSettings(session, {
      sites: { [SECRET_HOSTS[0]!]: false, [SECRET_HOSTS[1]!]: true, '127.0.0.1': true },
      hoverDelayMs: SECRET_DELAY_MS,
      highlightStyle: 'tint',
      highlightColor: SECRET_COLOR,
    });
    await session.context.addInitScript({ content: pageProbe(session.extensionId) });
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    session.context.on('page', (page) => openTabs.push(page));
    control = await session.extensionPage(anyExtensionPagePath());
    const table = await ask<TermTable>({ type: 'term-table' });
    const ftz = termsOfTable(table).find((t) => t.term === '自贸试验区')!;
    ftzCard = await ask<ClauseCard>({ type: 'clause-card', termId: ftz.id, index: 0 });
    expect(ftzCard.total).toBeGreaterThan(1);
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${site.origin}/${path}`);
    await page.waitForFunction(() => (CSS.highlights.get('policy-lens')?.size ?? 0) >= 3, null, { timeout: 15_000 });
    return page;
  }

  /** The addresses of the report tabs opened since the `from`th tab. */
  async function reportTabsSince(from: number): Promise<string[]> {
    const urls: string[] = [];
    for (const tab of openTabs.slice(from)) {
      await tab.waitForLoadState('domcontentloaded');
      if (tab.url().startsWith(`chrome-extension://${session.extensionId}/report.html`)) urls.push(tab.url());
    }
    return urls;
  }

  const reportUrl = (clauseId: string) => `chrome-extension://${session.extensionId}/report.html#clause-${clauseId}`;

  it('ignores the page’s clicks, keys and pointer; the reader’s real click and key press act once each, with the report’s own data', async () => {
    const page = await open('security-hostile-card.html');
    await page.bringToFront();
    const sentinel = '读者原来剪贴板里的内容';
    await page.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
    const tabsBefore = openTabs.length;

    // The reader rests on a term; the page's script attacks the card as soon as it appears (and its made-up Escape
    // would close it at once, so the test waits for the attack, not for the card).
    const point = (await termPointInFrame(page, '自贸试验区'))!;
    await page.mouse.move(point.x - 30, point.y + 30);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForFunction(() => (window as unknown as { __attack: Attack }).__attack.done, null, { timeout: 10_000 });
    const attack = await page.evaluate(() => (window as unknown as { __attack: Attack }).__attack);
    expect(attack.actions).toBeGreaterThan(100);
    // The card neither closed, stepped, copied nor opened: the same card, status line empty.
    expect(attack.before.clauseId).toBe(ftzCard.view.clause.id);
    expect(attack.after).toEqual(attack.before);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sentinel);
    expect(await reportTabsSince(tabsBefore)).toEqual([]);
    // The content script sent nothing for the page: the one card the reader's hover asked for, no step, no card for
    // the other term the made-up pointer rested on, no open-report.
    const asked = (await seenFrom(page.url())).filter((m) => m.type === 'clause-card' || m.type === 'open-report');
    expect(asked).toEqual([{ type: 'clause-card', url: page.url(), index: 0 }]);

    // The page rewrote the card's term, clause and data-clause-id (the fixture's last step).
    const shown = await page.evaluate(() => {
      const host = document.querySelector('policy-lens-card')!;
      return { clauseId: host.getAttribute('data-clause-id'), clause: host.shadowRoot!.querySelector('.clause')!.textContent };
    });
    expect(shown.clauseId).toBe(attack.forgedClauseId);
    expect(shown.clause).toMatch(/^页面改写的条文/);

    // A real click copies the report's citation, not the card's text.
    await page.locator('policy-lens-card button.copy').click();
    await page.waitForFunction(() => /\S/.test(document.querySelector('policy-lens-card')?.shadowRoot?.querySelector('.status')?.textContent ?? ''));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(formatCitation(ftzCard));

    // A real key press (Tab to the next button, Enter) opens the report at the card's clause, not the page's.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('policy-lens-card')!.shadowRoot!.activeElement?.className)).toBe('open');
    const opened = session.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    await opened;
    expect(await reportTabsSince(tabsBefore)).toEqual([reportUrl(ftzCard.view.clause.id)]);
    expect((await seenFrom(page.url())).filter((m) => m.type === 'open-report')).toHaveLength(1);

    // The page's Escape did nothing; the reader's closes the card.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('policy-lens-card'));
    for (const tab of openTabs.slice(tabsBefore)) await tab.close();
    await page.close();
  });

  it('a burst of open-report from the content script’s own world opens one tab', async () => {
    // The path a page would need: the content script's isolated world (reached here through the DevTools protocol,
    // which no page has), whose runtime.sendMessage carries the tab as its sender.
    const page = await open('security-hostile-card.html');
    const cdp = await session.context.newCDPSession(page);
    const worlds: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((w) => w.origin === `chrome-extension://${session.extensionId}`);
    expect(world, 'the content script’s world').toBeDefined();
    const tabsBefore = openTabs.length;
    const opened = session.context.waitForEvent('page');
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      expression: `Promise.all(Array.from({ length: 5 }, () =>
        chrome.runtime.sendMessage({ type: 'open-report', clauseId: ${JSON.stringify(ftzCard.view.clause.id)} })))`,
      awaitPromise: true,
      returnByValue: true,
    });
    await cdp.detach();
    const replies = result.value as Reply<{ opened: boolean }>[];
    expect(replies.filter((r) => r.ok)).toEqual([{ ok: true, value: { opened: true } }]);
    expect(replies.filter((r) => !r.ok)).toEqual(
      Array(4).fill({ ok: false, error: 'open-report refused: one tab a second from each page' }),
    );
    // Every reply is in, and the background opens a tab before it answers: the refused four opened nothing.
    await opened;
    expect(await reportTabsSince(tabsBefore)).toEqual([reportUrl(ftzCard.view.clause.id)]);
    for (const tab of openTabs.slice(tabsBefore)) await tab.close();
    await page.close();
  });

  it('the page’s world finds no setting of the reader’s but the highlight’s look, and no message of ours', async () => {
    const page = await open('on-page-news.html');
    // The farmland metric with its figure (50万亩以上高标准农田建设): a figure card, which shows the page the most.
    await restOnTerm(page, page, '50万亩以上高标准农田建设', '高标准农田');
    const found = await page.evaluate(() => {
      const probe = (window as unknown as { __probe: { globals: string[]; messages: string[]; events: unknown[] } }).__probe;
      const places: [where: string, text: string][] = [];
      const json = (value: unknown) => {
        try {
          return JSON.stringify(value) ?? String(value);
        } catch {
          return String(value);
        }
      };
      const rules = (sheet: CSSStyleSheet) => {
        try {
          return [...sheet.cssRules].map((r) => r.cssText).join('\n');
        } catch {
          return '';
        }
      };
      const customProperties = (el: Element) => {
        const style = getComputedStyle(el);
        return [...style].filter((p) => p.startsWith('--')).map((p) => `${p}: ${style.getPropertyValue(p)}`);
      };
      const walk = (root: Document | ShadowRoot, path: string) => {
        for (const el of root.querySelectorAll('*')) {
          for (const a of el.attributes) places.push([`${path}${el.localName}[${a.name}]`, a.value]);
          for (const p of customProperties(el)) places.push([`${path}${el.localName} custom property`, p]);
          if (el.shadowRoot) {
            places.push([`${path}${el.localName} shadow root text`, el.shadowRoot.textContent ?? '']);
            for (const sheet of el.shadowRoot.adoptedStyleSheets) places.push([`${path}${el.localName} shadow root sheet`, rules(sheet)]);
            walk(el.shadowRoot, `${path}${el.localName} >> `);
          }
        }
      };
      walk(document, '');
      const globals = Object.getOwnPropertyNames(window).filter((name) => !probe.globals.includes(name) && name !== '__probe');
      for (const name of globals) places.push([`window.${name}`, `${name} ${json((window as unknown as Record<string, unknown>)[name])}`]);
      for (const sheet of document.styleSheets) places.push([`document.styleSheets ${sheet.href ?? 'inline'}`, rules(sheet)]);
      for (const sheet of document.adoptedStyleSheets) places.push(['document.adoptedStyleSheets', rules(sheet)]);
      for (const [name, store] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
        for (let i = 0; i < store.length; i++) places.push([name, `${store.key(i)}=${store.getItem(store.key(i)!)}`]);
      }
      places.push(['document.cookie', document.cookie], ['window.name', window.name], ['history.state', json(history.state)]);
      places.push(['location', location.href], ['document.title', document.title]);
      for (const entry of performance.getEntries()) places.push(['performance entry', entry.name]);
      for (const message of probe.messages) places.push(['message event', message]);
      for (const event of probe.events) places.push(['WXT event', json(event)]);
      // The tint the reader's colour gives a highlighted word, as getComputedStyle reports it, and the same mix computed here.
      const word = [...CSS.highlights.get('policy-lens')!][0]!.startContainer.parentElement!;
      const painted = getComputedStyle(word, '::highlight(policy-lens)').backgroundColor;
      const sample = document.createElement('i');
      document.documentElement.append(sample);
      sample.style.backgroundColor = 'color-mix(in srgb, #13579b 18%, transparent)';
      const mixed = getComputedStyle(sample).backgroundColor;
      sample.remove();
      return { places, globals, messages: probe.messages, events: probe.events, painted, mixed };
    });
    const where = (pattern: RegExp) => [...new Set(found.places.filter(([, text]) => pattern.test(text)).map(([w]) => w))];

    for (const host of SECRET_HOSTS) expect(where(new RegExp(host.replaceAll('.', '\\.')))).toEqual([]);
    expect(where(new RegExp(`\\b${SECRET_DELAY_MS}\\b`))).toEqual([]);
    // The look the reader chose is painted on the page, so the page can read it: the adopted sheet, and the painted word.
    expect(where(/#13579b|rgb\(19, 87, 155\)/i)).toEqual(['document.adoptedStyleSheets']);
    expect(found.painted).toBe(found.mixed);
    // The extension adds no global to the page's world and posts it no message; the one event it dispatches is WXT's
    // start announcement (named after the extension's id), which carries nothing of the reader's.
    expect(found.globals).toEqual([]);
    expect(found.messages).toEqual([]);
    expect(found.events).toEqual([
      {
        type: `${session.extensionId}:content:wxt:content-script-started`,
        detail: expect.stringMatching(/^\{"contentScriptName":"content","messageId":"\w+"\}$/),
      },
    ]);
    // What the page does see: the highlights and the open card with its clause and the target its figure is set against.
    expect(where(/./).filter((w) => w.startsWith('policy-lens-card[')).sort()).toEqual([
      'policy-lens-card[data-clause-id]',
      'policy-lens-card[data-target-id]',
    ]);
    await page.close();
  });

  it('a page that forges WXT’s start event stops PolicyLens on itself only, and makes it open nothing', async () => {
    const page = await open('security-hostile-card.html');
    const tabsBefore = openTabs.length;
    await page.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
      );
    }, session.extensionId);
    await page.waitForFunction(() => !CSS.highlights.has('policy-lens'));
    const other = await open('on-page-news.html');
    expect(await highlightCount(other)).toBeGreaterThanOrEqual(3);
    expect(await reportTabsSince(tabsBefore)).toEqual([]);
    await other.close();
    await page.close();
  });

  it('sent no network request of its own', () => {
    expect(extensionNetworkRequests(session.requests)).toEqual([]);
  });
});
