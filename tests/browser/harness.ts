// Real-browser test harness: Debian's Chromium driven by playwright-core with
// the built extension loaded, a loopback server for fixture pages, and a
// record of every request and error so tests can prove the extension never
// talks to the network and never breaks a page.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page, Request, Worker } from 'playwright-core';
import type { IndexStatus, Reply } from '@/lib/messages';

export type { IndexStatus };

const INSTALL_HINT =
  'Chromium not found: run `apt-get update && apt-get install -y chromium fonts-noto-cjk` or set CHROMIUM_PATH';

/** The Chromium to drive: CHROMIUM_PATH, else the system's chromium or chrome. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (found) return found;
    } catch {
      // `which` exits non-zero when the name is not on PATH: try the next one.
    }
  }
  throw new Error(INSTALL_HINT);
}

/** The built, unpacked extension the test command produced (POLICYLENS_OUT or .output). */
export function builtExtensionDir(browser: 'chrome' | 'firefox' = 'chrome'): string {
  const dir = resolve(process.env.POLICYLENS_OUT ?? '.output', `${browser}-mv3`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir} (manifest.json missing): run npm run build first`);
  }
  return dir;
}

/** Who caused a request: the extension (its service worker, its pages, its content scripts) or the web page. */
export type RequestSource = 'extension' | 'page';

export interface RecordedRequest {
  url: string;
  method: string;
  /** Playwright's resource type: document, script, fetch, xhr, image … */
  resourceType: string;
  /** The URL of the frame that made it (for a navigation, the frame's URL before it), when a page or extension page made it. */
  frameUrl?: string;
  /** The worker that made it, when it came from a service worker. */
  workerUrl?: string;
  /** Script URLs on the initiator's stack (a content script shows up here as chrome-extension://…); empty for service-worker requests. */
  initiatorScripts: string[];
  readonly source: RequestSource;
}

const EXTENSION_SCHEME = /^(chrome|moz)-extension:\/\//;

/**
 * Decides whether a request came from the extension: made by its service
 * worker, by one of its pages, or by its code running in a page (a content
 * script's fetch carries the page's frame but the extension's script on the
 * initiator stack).
 */
export function classifyRequest(r: Omit<RecordedRequest, 'source'>): RequestSource {
  if (r.workerUrl !== undefined) return EXTENSION_SCHEME.test(r.workerUrl) ? 'extension' : 'page';
  if (r.frameUrl !== undefined && EXTENSION_SCHEME.test(r.frameUrl)) return 'extension';
  if (r.initiatorScripts.some((url) => EXTENSION_SCHEME.test(url))) return 'extension';
  return 'page';
}

/** Requests from the extension to anything but its own chrome-extension:// files: must stay empty. */
export function extensionNetworkRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.source === 'extension' && !EXTENSION_SCHEME.test(r.url));
}

/** A recorded request whose source follows its initiator, which CDP may report after Playwright. */
class LiveRequest implements RecordedRequest {
  initiatorScripts: string[] = [];
  constructor(
    readonly url: string,
    readonly method: string,
    readonly resourceType: string,
    readonly frameUrl: string | undefined,
    readonly workerUrl: string | undefined,
  ) {}
  get source(): RequestSource {
    return classifyRequest(this);
  }
  toJSON() {
    const { url, method, resourceType, frameUrl, workerUrl, initiatorScripts, source } = this;
    return { url, method, resourceType, frameUrl, workerUrl, initiatorScripts, source };
  }
}

/** Pairs CDP initiator reports with Playwright's requests by method and URL, in order, whichever comes first. */
class InitiatorMatcher {
  private waitingRequests = new Map<string, LiveRequest[]>();
  private waitingInitiators = new Map<string, string[][]>();

  addRequest(request: LiveRequest) {
    const key = `${request.method} ${request.url}`;
    const scripts = this.waitingInitiators.get(key)?.shift();
    if (scripts) request.initiatorScripts = scripts;
    else this.push(this.waitingRequests, key, request);
  }

  addInitiator(url: string, method: string, scripts: string[]) {
    const key = `${method} ${url}`;
    const request = this.waitingRequests.get(key)?.shift();
    if (request) request.initiatorScripts = scripts;
    else this.push(this.waitingInitiators, key, scripts);
  }

  private push<T>(map: Map<string, T[]>, key: string, value: T) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
}

/**
 * Keeps the page's uncaught errors and its console errors and warnings in
 * `into` (content scripts log to the page's console, isolated worlds
 * included, and do not raise page errors); returns `into`.
 */
export function recordConsoleProblems(page: Page, into: string[] = [], prefix = ''): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') into.push(prefix + m.text());
  });
  page.on('pageerror', (e) => into.push(prefix + String(e)));
  return into;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Every request seen since launch, in arrival order. */
  requests: RecordedRequest[];
  /** Console errors and uncaught exceptions, from pages, extension pages and the service worker. */
  pageErrors: string[];
  /** Closes the browser; the profile is kept (for restart tests) unless removeUserDataDir is set. */
  close(opts?: { removeUserDataDir?: boolean }): Promise<void>;
  /** Opens chrome-extension://ID/path in a new tab. */
  extensionPage(path: string): Promise<Page>;
  /** The welcome page the install opened, when launched with keepWelcome. */
  welcomePage?: Page;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Reuse a profile (restart tests); a fresh temporary one otherwise. */
  userDataDir?: string;
  /**
   * Browser language (zh-CN, en-US …, default zh-CN): navigator.language and
   * chrome.i18n.getUILanguage() follow it. chrome.i18n.getMessage follows it
   * only when Chromium has that locale's .pak: Debian ships en-US alone unless
   * chromium-l10n is installed, and otherwise serves the en messages.
   */
  locale?: string;
  /**
   * Unpacked extensions loaded before ours, as ones the reader installed
   * earlier (a key one suggests goes to it, not to us). They must have no
   * service worker: the harness takes the extension's worker to be ours.
   */
  otherExtensions?: string[];
  /**
   * Keep the welcome page the extension opens on the first launch of a fresh
   * profile (session.welcomePage). By default the harness waits for it and
   * closes it, so a test starts with no tab of the extension's own.
   */
  keepWelcome?: boolean;
}

interface CdpInitiator {
  url?: string;
  stack?: CdpStack;
}
interface CdpStack {
  callFrames: { url: string }[];
  parent?: CdpStack;
}
interface CdpRequestWillBeSent {
  request: { url: string; method: string };
  type?: string;
  documentURL: string;
  initiator: CdpInitiator;
}

function initiatorScripts(initiator: CdpInitiator): string[] {
  const urls = new Set<string>();
  if (initiator.url) urls.add(initiator.url);
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    for (const frame of stack.callFrames) if (frame.url) urls.add(frame.url);
  }
  return [...urls];
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = resolve(opts.extensionDir ?? builtExtensionDir('chrome'));
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'policylens-profile-'));
  const lang = opts.locale ?? 'zh-CN';
  const loaded = [...(opts.otherExtensions ?? []).map((dir) => resolve(dir)), extensionDir].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: lang,
    // On Linux Chromium takes its UI language (and so chrome.i18n's) from the environment, not from --lang.
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  const requests: RecordedRequest[] = [];
  const pageErrors: string[] = [];
  const initiators = new InitiatorMatcher();

  // Playwright sees every request, from pages and service workers alike, from
  // the first one on (its own hooks are installed before a page runs).
  context.on('request', (request: Request) => {
    const worker = request.serviceWorker();
    let frameUrl: string | undefined;
    if (!worker) {
      try {
        frameUrl = request.frame().url();
      } catch {
        // Requests of workers other than service workers have no frame.
      }
    }
    const recorded = new LiveRequest(
      request.url(),
      request.method(),
      request.resourceType(),
      frameUrl,
      worker?.url(),
    );
    requests.push(recorded);
    initiators.addRequest(recorded);
  });

  // Playwright does not say which script started a request; CDP does. A
  // content script's fetch carries the page's frame, so only its initiator
  // stack (chrome-extension://…/content-scripts/…) shows it is the extension's.
  const attachPage = async (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    try {
      const cdp: CDPSession = await context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', (event: CdpRequestWillBeSent) =>
        initiators.addInitiator(event.request.url, event.request.method, initiatorScripts(event.initiator)),
      );
      await cdp.send('Network.enable');
    } catch (error) {
      // A page closed while we attached has no requests left to annotate.
      if (!page.isClosed()) throw error;
    }
  };
  // A test's page must not navigate before its CDP session listens: Playwright resolves newPage() once
  // the 'page' event has fired, not once attachPage has enabled the network domain, and on a busy
  // machine a content script's fetch went out in between, unattributed (a full run found the leaky
  // extension's fetch classified as nobody's). newPage() now resolves after the attachment.
  const attached = new WeakMap<Page, Promise<void>>();
  context.on('page', (page) => attached.set(page, attachPage(page)));
  await Promise.all(context.pages().map(attachPage));
  const openPage = context.newPage.bind(context);
  context.newPage = async () => {
    const page = await openPage();
    await attached.get(page);
    return page;
  };

  const watchWorker = (worker: Worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${worker.url()}: ${message.text()}`);
    });
  };
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);

  const isOurs = (w: Worker) => EXTENSION_SCHEME.test(w.url());
  const serviceWorker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }).catch(async (error) => {
      await context.close();
      throw new Error(`The extension's service worker did not start within 30 s (${extensionDir}): ${String(error)}`);
    }));
  const extensionId = new URL(serviceWorker.url()).host;

  // The first launch of a fresh profile is the install: the extension opens its welcome page.
  let welcomePage: Page | undefined;
  if (!opts.userDataDir && existsSync(join(extensionDir, WELCOME_PAGE))) {
    welcomePage = await waitForPage(context, `chrome-extension://${extensionId}/${WELCOME_PAGE}`).catch(async (error) => {
      await context.close();
      throw error;
    });
    if (!opts.keepWelcome) {
      await welcomePage.close();
      welcomePage = undefined;
    }
  }

  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    requests,
    pageErrors,
    welcomePage,
    async close({ removeUserDataDir = false } = {}) {
      await context.close();
      if (removeUserDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
    async extensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
  };
}

/** The page the extension opens on install (entrypoints/welcome). */
export const WELCOME_PAGE = 'welcome.html';

/** The first tab of the context that shows `url` (its hash and query aside), waiting for it to open. */
export async function waitForPage(context: BrowserContext, url: string, timeoutMs = 30_000): Promise<Page> {
  const shows = (page: Page) => page.url().split(/[?#]/)[0] === url;
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const found = context.pages().find(shows);
    if (found) return found;
    // A new tab's URL is about:blank until its navigation commits: look again after each new page or a moment.
    await context.waitForEvent('page', { timeout: 200 }).catch(() => undefined);
  }
  throw new Error(`No tab showed ${url} within ${timeoutMs} ms (open: ${context.pages().map((p) => p.url()).join(', ')})`);
}

export interface FixtureServer {
  origin: string;
  port: number;
  /** Paths requested from this server, in order (with their query strings). */
  hits: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the files of dir on 127.0.0.1 at a free port. `headers` adds
 * response headers per path (e.g. { '/strict-csp.html': { 'Content-Security-Policy': "default-src 'none'" } }).
 * Call twice for a second, cross-origin, server.
 */
export async function serveFixtures(
  dir: string,
  opts: { headers?: Record<string, Record<string, string>> } = {},
): Promise<FixtureServer> {
  const root = resolve(dir);
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(url.pathname + url.search);
    const path = decodeURIComponent(url.pathname);
    const file = normalize(join(root, path === '/' ? '/index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...opts.headers?.[path],
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The part of the extension API a test page script uses (the test's types have no chrome global). */
interface ExtensionGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** An HTML page of the built extension (popup, options, report …) to run chrome.runtime calls from. */
export function anyExtensionPagePath(extensionDir: string = builtExtensionDir('chrome')): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const declared = manifest.action?.default_popup ?? manifest.options_ui?.page;
  if (declared) return declared;
  const html = readdirSync(extensionDir).find((name) => name.endsWith('.html'));
  // manifest.json opens as an extension-origin document too: chrome.runtime works there.
  return html ?? 'manifest.json';
}

/**
 * Asks the background for 'index-status' until the index is ready or failed.
 * A service worker cannot message itself, so the question comes from an
 * extension page, as the popup would ask it.
 */
export async function waitForIndexReady(
  session: ExtensionSession,
  { timeoutMs = 60_000, extensionDir }: { timeoutMs?: number; extensionDir?: string } = {},
): Promise<IndexStatus> {
  const page = await session.extensionPage(anyExtensionPagePath(extensionDir));
  const started = Date.now();
  let last = 'no reply yet';
  try {
    while (Date.now() - started < timeoutMs) {
      const reply = await page
        .evaluate(async () => {
          const runtime = (globalThis as unknown as ExtensionGlobals).chrome.runtime;
          return (await runtime.sendMessage({ type: 'index-status' })) as Reply<IndexStatus> | undefined;
        })
        .catch((error: unknown) => ({ ok: false as const, error: String(error) }));
      if (reply?.ok && (reply.value.state === 'ready' || reply.value.state === 'failed')) return reply.value;
      last = reply === undefined ? 'no reply (is the background listening?)' : JSON.stringify(reply);
      await page.waitForTimeout(200);
    }
  } finally {
    await page.close();
  }
  throw new Error(`Index not ready after ${timeoutMs} ms; last answer to index-status: ${last}`);
}

/**
 * Reads rows of one object store of the extension's IndexedDB from an
 * extension page (the database lives in the extension's origin): all rows,
 * the row whose primary key is `key`, or those whose `index` equals `key`.
 */
export async function readStore<T>(
  page: Page,
  store: string,
  { index, key, database = 'policy-lens' }: { index?: string; key?: string | number; database?: string } = {},
): Promise<T[]> {
  return page.evaluate(
    ({ store, index, key, database }) =>
      new Promise<T[]>((done, fail) => {
        const open = indexedDB.open(database);
        // Opening a database that does not exist would create an empty one and hide the failure.
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          fail(new Error(`IndexedDB ${database} does not exist`));
        };
        open.onerror = () => fail(open.error ?? new Error(`cannot open IndexedDB ${database}`));
        open.onsuccess = () => {
          const db = open.result;
          const source = db.transaction(store, 'readonly').objectStore(store);
          const request = index === undefined ? source.getAll(key) : source.index(index).getAll(key);
          request.onsuccess = () => {
            db.close();
            done(request.result as T[]);
          };
          request.onerror = () => {
            db.close();
            fail(request.error);
          };
        };
      }),
    { store, index, key, database },
  );
}

/** The terms a term table names, as { id, term } (the table carries them as "id\tname" lines). */
export function termsOfTable(table: { names: string }): { id: string; term: string }[] {
  return table.names
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, term] = line.split('\t');
      return { id: id!, term: term! };
    });
}

/**
 * Whether the extension speaks Chinese in this browser: chrome.i18n picks its
 * messages by @@ui_locale, which may differ from getUILanguage in headless
 * Chromium (and Debian's Chromium lacks zh_CN without chromium-l10n).
 */
export async function extensionSpeaksChinese(session: ExtensionSession): Promise<boolean> {
  const page = await session.extensionPage(anyExtensionPagePath());
  const chinese = await page.evaluate(() =>
    (globalThis as unknown as { chrome: { i18n: { getMessage(key: string): string } } }).chrome.i18n
      .getMessage('@@ui_locale')
      .startsWith('zh'),
  );
  await page.close();
  return chinese;
}
