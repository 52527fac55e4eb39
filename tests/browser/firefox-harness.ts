// Real-browser harness for Firefox: Debian's Firefox ESR driven by
// puppeteer-core over WebDriver BiDi, with the firefox-mv3 build installed
// as a temporary add-on under a fixed moz-extension:// UUID.
//
// Opening extension pages takes two Firefox specifics (checked in Firefox
// 153 ESR, chrome://remote/content/):
// - browsingContext.navigate refuses every scheme but http, https, file and
//   blob ("Navigation to moz-extension://… is not allowed in this context",
//   shared/BrowsingContextUtils.sys.mjs isWebdriverSafeNavigationURL) unless
//   the browser was started with --remote-allow-system-access.
// - With that flag the navigation happens, but BiDi still drops the events of
//   browsing contexts in the extension process (bug 1755014), so puppeteer's
//   page.goto waits for a load it never hears of. extensionPage() therefore
//   sends the navigate command itself and polls the document until it is the
//   extension page and complete. Script evaluation, typing and clicks work
//   there; page.url() keeps saying about:blank.
// The flag only widens what the test driver may do; the extension runs as a
// normal temporary add-on.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import type { IndexStatus, Reply } from '@/lib/messages';
import { anyExtensionPagePath, builtExtensionDir } from './harness';

const FIREFOX_NOT_FOUND = 'Firefox ESR not found: run `apt-get install -y firefox-esr` or set FIREFOX_PATH';

/**
 * The UUID the extension gets in the test profile, so its pages live at a
 * known moz-extension://UUID/ (Firefox otherwise draws a random one per profile).
 */
export const FIREFOX_EXTENSION_UUID = '0f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5';

/** The Firefox to drive: FIREFOX_PATH, else Debian's firefox-esr. */
export function findFirefox(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(FIREFOX_NOT_FOUND);
  return path;
}

/** The add-on id of a built extension (browser_specific_settings.gecko.id). */
export function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id (gecko id). */
  addonId: string;
  extensionDir: string;
  /** moz-extension://UUID, without a trailing slash. */
  extensionOrigin: string;
  profileDir: string;
  /** Uncaught exceptions and console errors of web pages (BiDi reports none from extension pages). */
  pageErrors: string[];
  /** A new tab on a web page, waiting for its load event. */
  openPage(url: string): Promise<Page>;
  /** A new tab on moz-extension://UUID/path, the document complete. */
  extensionPage(path: string): Promise<Page>;
  /** Closes Firefox; the profile is kept unless removeProfile is set. */
  close(opts?: { removeProfile?: boolean }): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  /** Reuse a profile (restart tests); a fresh temporary one otherwise. */
  profileDir?: string;
  /**
   * Page language (navigator.language, Accept-Language). The extension's own
   * UI language follows Firefox's app locale instead: en-US unless a language
   * pack such as Debian's firefox-esr-l10n-zh-cn is installed.
   */
  locale?: string;
}

/** What extensionPage needs of puppeteer's BiDi frame, which the public types do not declare. */
interface BidiFrameInternals {
  browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> };
}

function hasBrowsingContext(frame: unknown): frame is BidiFrameInternals {
  const context = (frame as Partial<BidiFrameInternals>).browsingContext;
  return typeof context?.navigate === 'function';
}

async function waitForDocument(page: Page, url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let last = 'nothing yet';
  while (Date.now() - started < timeoutMs) {
    // The old document may still answer, or be torn down mid-call: ask again.
    const state = await page
      .evaluate(() => `${location.href} ${document.readyState}`)
      .catch((error: unknown) => `error: ${String(error)}`);
    if (state === `${url} complete`) return;
    last = state;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms; last seen: ${last}`);
}

export async function launchFirefoxWithExtension(opts: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  const extensionDir = resolve(opts.extensionDir ?? builtExtensionDir('firefox'));
  const addonId = geckoId(extensionDir);
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'policylens-firefox-'));
  const lang = opts.locale ?? 'zh-CN';

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
      'intl.accept_languages': lang,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox refused the add-on at ${extensionDir}: ${String(error)}`);
  }

  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  };

  return {
    browser,
    addonId,
    extensionDir,
    extensionOrigin,
    profileDir,
    pageErrors,
    async openPage(url) {
      const page = watch(await browser.newPage());
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async extensionPage(path) {
      const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
      const page = await browser.newPage();
      const frame: unknown = page.mainFrame();
      if (!hasBrowsingContext(frame)) {
        throw new Error('puppeteer-core no longer exposes the BiDi browsing context of a frame: see firefox-harness.ts');
      }
      await frame.browsingContext.navigate(url, 'complete');
      await waitForDocument(page, url, 15_000);
      return page;
    },
    async close({ removeProfile = false } = {}) {
      await browser.close();
      if (removeProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The part of the WebExtension API an extension page's script uses here. */
interface FirefoxExtensionGlobals {
  browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Sends a message to the background from an extension page (the background
 * cannot be reached over BiDi) and returns the reply.
 */
export async function sendFromExtensionPage<T>(page: Page, message: unknown): Promise<Reply<T> | undefined> {
  return page.evaluate(async (m) => {
    const runtime = (globalThis as unknown as FirefoxExtensionGlobals).browser.runtime;
    return (await runtime.sendMessage(m)) as Reply<T> | undefined;
  }, message);
}

/** Asks the background for 'index-status' until the index is ready or failed. */
export async function waitForFirefoxIndexReady(
  session: FirefoxSession,
  { timeoutMs = 60_000, page }: { timeoutMs?: number; page?: Page } = {},
): Promise<IndexStatus> {
  const asker = page ?? (await session.extensionPage(anyExtensionPagePath(session.extensionDir)));
  const started = Date.now();
  let last = 'no reply yet';
  try {
    while (Date.now() - started < timeoutMs) {
      const reply = await sendFromExtensionPage<IndexStatus>(asker, { type: 'index-status' }).catch(
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      );
      if (reply?.ok && (reply.value.state === 'ready' || reply.value.state === 'failed')) return reply.value;
      last = reply === undefined ? 'no reply (is the background listening?)' : JSON.stringify(reply);
      await new Promise((done) => setTimeout(done, 200));
    }
  } finally {
    if (!page) await asker.close();
  }
  throw new Error(`Index not ready after ${timeoutMs} ms; last answer to index-status: ${last}`);
}
