// The real toolbar popup, opened the way a reader opens it: a click on the
// extension's action on a news page (CDP Extensions.triggerAction). It must
// know the page's site (activeTab), open with the search box focused, and
// answer a query; its own performance marks give open-to-first-result, cold
// (the first popup of a fresh browser) and warm. Playwright does not attach
// to the action popup, so the test speaks CDP to it through the browser
// session.

import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface PopupState {
  focused: string | undefined;
  siteLabel: string | undefined;
  siteChecked: string | null | undefined;
  firstResult: string | undefined;
  /** ms from the popup's navigation start: box ready, first query sent, first results shown. */
  marks: (number | null)[];
}

interface CdpReply {
  result?: { result?: { value?: unknown } };
  error?: unknown;
}

/** Runs a script in the action popup over CDP (flatten: false, so Playwright's browser session can carry it). */
class PopupConnection {
  #next = 0;
  #pending = new Map<number, (message: CdpReply) => void>();

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {}

  static async open(session: ExtensionSession, page: Page): Promise<PopupConnection> {
    const browser = await session.context.browser()!.newBrowserCDPSession();
    const { targetInfos: tabs } = (await browser.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: TargetInfo[];
    };
    const tab = tabs.find((t) => t.url === page.url());
    expect(tab, `a tab target for ${page.url()}`).toBeDefined();
    await browser.send('Extensions.triggerAction' as never, { id: session.extensionId, targetId: tab!.targetId } as never);
    let popup: TargetInfo | undefined;
    for (let tries = 0; !popup && tries < 200; tries++) {
      const { targetInfos } = (await browser.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      popup = targetInfos.find((t) => t.url === `chrome-extension://${session.extensionId}/popup.html`);
      if (!popup) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(popup, 'the action popup opened').toBeDefined();
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId: popup!.targetId, flatten: false })) as {
      sessionId: string;
    };
    const connection = new PopupConnection(browser, sessionId);
    browser.on('Target.receivedMessageFromTarget' as never, (event: { message: string }) => {
      const message = JSON.parse(event.message) as CdpReply & { id?: number };
      if (message.id === undefined) return;
      connection.#pending.get(message.id)?.(message);
      connection.#pending.delete(message.id);
    });
    return connection;
  }

  evaluate<T>(expression: string): Promise<T> {
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, (message) =>
        message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result?.result?.value as T),
      );
      const payload = { id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
      void this.browser.send('Target.sendMessageToTarget' as never, { sessionId: this.sessionId, message: JSON.stringify(payload) } as never);
    });
  }

  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => undefined);
    await this.browser.detach();
  }
}

/** Types a query as soon as the box exists and waits for the popup's first-results mark. */
const SEARCH_IN_POPUP = (query: string) => `new Promise((done) => {
  const names = ['policy-lens:search-ready', 'policy-lens:first-query', 'policy-lens:first-results'];
  const typeQuery = () => {
    const input = document.querySelector('#search-input');
    if (!input) return setTimeout(typeQuery, 2);
    input.value = ${JSON.stringify(query)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const waitForResults = () => {
      if (!performance.getEntriesByName(names[2]).length || !document.querySelector('#site-switch')) return setTimeout(waitForResults, 2);
      done({
        focused: document.activeElement?.id,
        siteLabel: document.querySelector('#site-switch-label')?.textContent,
        siteChecked: document.querySelector('#site-switch')?.getAttribute('aria-checked'),
        firstResult: document.querySelector('.search-result__text')?.textContent,
        marks: names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null),
      });
    };
    waitForResults();
  };
  typeQuery();
})`;

describe('the toolbar popup', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let page: Page;
  const runs: { name: string; state: PopupState }[] = [];

  beforeAll(async () => {
    server = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
    page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
  });

  afterAll(async () => {
    for (const { name, state } of runs) {
      const [ready, sent, shown] = state.marks as number[];
      console.log(
        `toolbar popup ${name}: box ready ${ready!.toFixed(0)} ms + query to results ${(shown! - sent!).toFixed(0)} ms = ${(ready! + shown! - sent!).toFixed(0)} ms`,
      );
    }
    await session?.close({ removeUserDataDir: true });
    await server?.close();
  });

  it('opens on a news page knowing its site, the box focused, and answers 外资 (cold)', async () => {
    const popup = await PopupConnection.open(session, page);
    const state = await popup.evaluate<PopupState>(SEARCH_IN_POPUP('外资'));
    await popup.close();
    runs.push({ name: 'cold', state });
    expect(state.focused).toBe('search-input');
    expect(state.siteLabel).toContain('127.0.0.1');
    expect(state.siteChecked).toBe('true');
    expect(state.firstResult).toContain('全年实际使用外资50亿美元');
    expect(state.marks.every((m) => typeof m === 'number')).toBe(true);
  });

  it('answers again when opened a second time (warm)', async () => {
    // Warm: the popup's code is cached and the background has answered before.
    await page.waitForTimeout(2000);
    const popup = await PopupConnection.open(session, page);
    const state = await popup.evaluate<PopupState>(SEARCH_IN_POPUP('高效办成'));
    await popup.close();
    runs.push({ name: 'warm', state });
    expect(state.firstResult).toContain('高效办成一件事');
  });
});
