// Messages are validated where they arrive, in the real browser: the
// background answers every malformed request (not an object, an unknown type,
// wrong field types, missing fields, a 5 MB string, a huge index) with
// {ok:false,error} and keeps serving; the content script does the same for
// tab messages; a web page can neither message the extension nor load its files.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStatus, Reply } from '@/lib/messages';
import { launchWithExtension, serveFixtures, waitForIndexReady, type ExtensionSession, type FixtureServer } from './harness';

interface ChromeGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: {
      query(q: object): Promise<{ id: number }[]>;
      sendMessage(id: number, message: unknown): Promise<unknown>;
    };
  };
}

const FIVE_MB = 5 * 1024 * 1024;

/** A field filled inside the page with `size` copies of `char` after `prefix`, so 5 MB do not cross the test's wire. */
interface Big {
  field: string;
  char: string;
  size: number;
  prefix?: string;
}

const MALFORMED: [name: string, message: unknown, big?: Big][] = [
  ['a string', 'index-status'],
  ['null', null],
  ['a number', 42],
  ['an array', [{ type: 'index-status' }]],
  ['an object without a type', { query: '外资', limit: 5 }],
  ['an unknown type', { type: 'drop-database' }],
  ['a type that is not a string', { type: { toString: 'search' } }],
  ['an inherited name as type', { type: 'constructor' }],
  ['search with a number for the query', { type: 'search', query: 42, limit: 5 }],
  ['search without a limit', { type: 'search', query: '外资' }],
  ['search with a huge limit', { type: 'search', query: '外资', limit: 1e9 }],
  ['search with a 5 MB query', { type: 'search', limit: 5 }, { field: 'query', char: '外', size: FIVE_MB }],
  ['site-state with a 5 MB url', { type: 'site-state' }, { field: 'url', char: 'x', size: FIVE_MB, prefix: 'https://a.example/' }],
  ['site-state without a url', { type: 'site-state' }],
  ['clause-card with a huge index', { type: 'clause-card', termId: 't', index: 1e12 }],
  ['clause-card with a negative index', { type: 'clause-card', termId: 't', index: -1 }],
  ['clause-card with a fractional index', { type: 'clause-card', termId: 't', index: 0.5 }],
  ['clause-card with a string index', { type: 'clause-card', termId: 't', index: '0' }],
  ['clause-card without a term', { type: 'clause-card', index: 0 }],
  ['clause-view with a 5 MB id', { type: 'clause-view' }, { field: 'clauseId', char: 'c', size: FIVE_MB }],
  ['clause-view with an object id', { type: 'clause-view', clauseId: { id: 'x' } }],
  ['open-report without a clause', { type: 'open-report' }],
  ['an unknown type carrying 5 MB', { type: 'x' }, { field: 'payload', char: 'y', size: FIVE_MB }],
  ['a well-formed request for an unknown clause', { type: 'clause-view', clauseId: 'no-such-clause' }],
];

/** Sends a message from an extension page (or, with `tab`, to the active tab); returns the reply and how long it took. */
const sendFrom = (page: Page, message: unknown, big?: Big, tab = false) =>
  page.evaluate(
    async ({ message, big, tab }) => {
      if (big) (message as Record<string, string>)[big.field] = (big.prefix ?? '') + big.char.repeat(big.size);
      const chrome = (globalThis as unknown as ChromeGlobals).chrome;
      const started = performance.now();
      let reply: unknown;
      if (tab) {
        const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        reply = await chrome.tabs.sendMessage(active!.id, message);
      } else {
        reply = await chrome.runtime.sendMessage(message);
      }
      return { reply, ms: performance.now() - started };
    },
    { message, big, tab },
  );

describe('message validation', () => {
  let session: ExtensionSession;
  let site: FixtureServer;
  let control: Page;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
    control = await session.extensionPage('options.html');
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await site?.close();
  });

  it.each(MALFORMED)('the background answers %s with an error and keeps serving', async (_name, message, big) => {
    const { reply, ms } = await sendFrom(control, message, big);
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
    expect((reply as { error: string }).error.length).toBeLessThan(200);
    expect(ms).toBeLessThan(10_000);
    const { reply: status } = await sendFrom(control, { type: 'index-status' });
    expect((status as Reply<IndexStatus>).ok && (status as { value: IndexStatus }).value.state).toBe('ready');
  });

  it('still answers a real search after all of them, and logged no uncaught error', async () => {
    const { reply } = await sendFrom(control, { type: 'search', query: '外资', limit: 3 });
    expect((reply as Reply<{ hits: unknown[] }>).ok && (reply as { value: { hits: unknown[] } }).value.hits.length).toBeGreaterThan(0);
    expect(session.pageErrors.filter((e) => /Uncaught|unhandled/i.test(e))).toEqual([]);
  });

  it('the content script answers malformed tab messages with an error and keeps answering', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.origin}/demo-news.html`);
    await page.waitForFunction(() => (CSS.highlights?.get('policy-lens')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
    // Without the tabs permission a tab cannot be found by URL: the page is made the active tab instead.
    await page.bringToFront();
    const toTab = async (message: unknown, big?: Big) => (await sendFrom(control, message, big, true)).reply;
    expect(await toTab('page-terms')).toEqual({ ok: false, error: 'message must be an object' });
    expect(await toTab({ type: 'eval', code: 'alert(1)' })).toEqual({ ok: false, error: 'unknown message type: eval' });
    expect(await toTab({ type: 'reveal-term' }, { field: 'termId', char: 't', size: FIVE_MB })).toEqual({
      ok: false,
      error: 'malformed reveal-term message',
    });
    expect(await toTab({ type: { toString: 'page-terms' } })).toEqual({ ok: false, error: 'unknown message type: object' });
    expect(await toTab({ type: 'reveal-term' })).toEqual({ ok: false, error: 'malformed reveal-term message' });
    const terms = (await toTab({ type: 'page-terms' })) as Reply<{ terms: unknown[] }>;
    expect(terms.ok && terms.value.terms.length).toBeGreaterThan(0);
    await page.close();
  });

  it('a web page cannot message the extension nor load any of its files', async () => {
    const page = await session.context.newPage();
    await page.goto(`${site.origin}/demo-news.html`);
    const probe = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome
        ?.runtime;
      let messaged = 'no chrome.runtime.sendMessage in the page';
      if (runtime?.sendMessage) {
        messaged = await runtime.sendMessage(id, { type: 'index-status' }).then(
          (reply) => `answered ${JSON.stringify(reply)}`,
          (error: unknown) => `refused: ${String(error)}`,
        );
      }
      const files: Record<string, string> = {};
      for (const path of ['manifest.json', 'popup.html', 'background.js', 'content-scripts/content.js', 'content-scripts/content.css']) {
        files[path] = await fetch(`chrome-extension://${id}/${path}`).then(
          (r) => `loaded ${r.status}`,
          () => 'refused',
        );
      }
      return { messaged, files };
    }, session.extensionId);
    expect(probe.messaged).not.toMatch(/^answered/);
    expect(Object.values(probe.files)).toEqual(Array(5).fill('refused'));
    await page.close();
  });
});
