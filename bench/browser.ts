// Chromium for the benchmark: the same binary and flags with and without the
// extension (stack.md's flags), each in a fresh profile, so a figure taken
// with the extension and its baseline without differ only by the extension.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Worker } from 'playwright-core';
import { findChromium, waitForPage, WELCOME_PAGE } from '@/tests/browser/harness';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BenchBrowser {
  context: BrowserContext;
  /** Set when the extension is loaded. */
  extensionId?: string;
  serviceWorker?: Worker;
  close(): Promise<void>;
}

export async function launchBrowser(extensionDir?: string): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'policylens-bench-'));
  const dir = extensionDir && resolve(extensionDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: [...FLAGS, ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : [])],
  });
  // tsx compiles the functions the benchmark passes to page.evaluate with
  // esbuild's keepNames, which calls a `__name` helper that pages lack.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!dir) return { context, close };
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const serviceWorker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // The install opens the welcome page once; a reader closes it, and its
  // renderer's work is no page's cost (a trace of the first page load would
  // otherwise hold the welcome page's tasks beside the page's).
  if (existsSync(join(dir, WELCOME_PAGE))) await (await waitForPage(context, `chrome-extension://${extensionId}/${WELCOME_PAGE}`)).close();
  return { context, extensionId, serviceWorker, close };
}
