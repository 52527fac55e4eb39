// Installs a newer build of the unpacked extension over the one a running
// browser has loaded, as a store update would: same path, same extension id,
// same profile, so chrome.storage, IndexedDB and the site settings are the
// ones the old build left.
//
// How: the extension is loaded from a copy of a build in a temporary folder
// (updatableCopy); installUpdate replaces that folder's files with the newer
// build's and asks the browser to load the same path again over CDP's
// Extensions.loadUnpacked, which Chromium treats as a reload of the installed
// extension (same id: an unpacked extension's id is the hash of its path;
// chrome.storage.local written by the old build is there for the new one,
// which reliability-update.browser.test.ts checks). chrome.runtime.reload()
// is no use here: an extension loaded with --load-extension under Playwright
// does not come back after it (its pages answer ERR_BLOCKED_BY_CLIENT), and
// Chromium offers no other way short of chrome://extensions' private API.
//
// Guarantees, when installUpdate resolves:
// - the browser reports the extension at the same path and id, enabled, with
//   the newer build's manifest version;
// - the newer build's service worker is running (a new Worker, not the old
//   one) and session.serviceWorker points at it;
// - nothing else was touched: open tabs keep their pages (MV3 Chromium does
//   not inject the new content scripts into them; see
//   reliability-update.browser.test.ts for what an open tab does), and the
//   profile is the same.
// It does not wait for the new background to finish loading its index: call
// waitForIndexReady(session) for that.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Worker } from 'playwright-core';
import type { ExtensionSession } from './harness';

interface InstalledExtension {
  id: string;
  name: string;
  version: string;
  path: string;
  enabled: boolean;
}

/**
 * Copies a built extension into a fresh temporary folder: launch with
 * `launchWithExtension({ extensionDir: await updatableCopy(dir) })` so that
 * installUpdate can later write a newer build over it without touching the
 * build output.
 */
export function updatableCopy(buildDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'policylens-installed-'));
  cpSync(buildDir, copy, { recursive: true });
  return copy;
}

/** The manifest version of a build folder. */
export function manifestVersion(buildDir: string): string {
  return (JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as { version: string }).version;
}

/** What the browser says about the session's extension (path, version, enabled). */
export async function installedExtension(session: ExtensionSession): Promise<InstalledExtension> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no Browser behind this context: cannot open a browser-level CDP session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { extensions } = (await cdp.send('Extensions.getExtensions' as never)) as unknown as {
      extensions: InstalledExtension[];
    };
    const ours = extensions.find((e) => e.id === session.extensionId);
    if (!ours) throw new Error(`extension ${session.extensionId} is not installed (found: ${extensions.map((e) => e.id).join(', ')})`);
    return ours;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Writes newBuildDir over the installed copy and reloads the extension from
 * it (see the header for what is guaranteed). Returns the new service worker.
 */
export async function installUpdate(
  session: ExtensionSession,
  newBuildDir: string,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<{ serviceWorker: Worker; version: string }> {
  const installed = await installedExtension(session);
  const from = resolve(newBuildDir);
  if (resolve(installed.path) === from) {
    throw new Error(`the extension is loaded from ${from} itself: launch it from updatableCopy(…) to update it in place`);
  }
  const version = manifestVersion(from);
  const oldWorker = session.serviceWorker;
  const ours = (w: Worker) => w !== oldWorker && w.url().startsWith(`chrome-extension://${session.extensionId}/`);
  const started = session.context.waitForEvent('serviceworker', { predicate: ours, timeout: timeoutMs });

  // Replace the files, not the folder: the path (and so the id) must stay the same.
  for (const name of readdirSync(installed.path)) rmSync(join(installed.path, name), { recursive: true, force: true });
  cpSync(from, installed.path, { recursive: true });

  const browser = session.context.browser()!;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: installed.path } as never)) as unknown as {
      id: string;
    };
    if (id !== session.extensionId) throw new Error(`the update was installed as ${id}, not over ${session.extensionId}`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const serviceWorker = await started.catch((error: unknown) => {
    throw new Error(`the updated extension's service worker did not start within ${timeoutMs} ms: ${String(error)}`);
  });
  const now = await installedExtension(session);
  if (now.version !== version || !now.enabled) {
    throw new Error(`after the update the browser reports version ${now.version} (enabled: ${now.enabled}), expected ${version}`);
  }
  session.serviceWorker = serviceWorker;
  return { serviceWorker, version };
}

/**
 * A copy of a build with another manifest version (a "newer build" of the
 * same code), for tests that need an update but not a change of code.
 */
export function withVersion(buildDir: string, version: string): string {
  const copy = updatableCopy(buildDir);
  const path = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { version: string };
  manifest.version = version;
  writeFileSync(path, JSON.stringify(manifest));
  return copy;
}

/** The version the rehearsal of the next release is installed as, as a store update raises it. */
export const NEXT_RELEASE_VERSION = '0.2.0';

export interface NextRelease {
  /** The chrome-mv3 build, at NEXT_RELEASE_VERSION, ready for installUpdate. */
  dir: string;
  buildMs: number;
  remove(): void;
}

/**
 * Builds the rehearsal of the next release from this checkout
 * (POLICYLENS_RELEASE_TEST=next, extension/release-rehearsal.ts: a newer
 * index, settings version 2, release notes that matter) into a folder of its
 * own, and raises its manifest version as a store update would.
 */
export async function buildNextRelease(): Promise<NextRelease> {
  const root = mkdtempSync(join(tmpdir(), 'policylens-next-'));
  const started = performance.now();
  await promisify(execFile)('node_modules/.bin/wxt', ['build'], {
    env: { ...process.env, POLICYLENS_RELEASE_TEST: 'next', POLICYLENS_OUT: root },
    maxBuffer: 16 * 1024 * 1024,
  });
  const buildMs = performance.now() - started;
  const dir = withVersion(join(root, 'chrome-mv3'), NEXT_RELEASE_VERSION);
  return {
    dir,
    buildMs,
    remove() {
      rmSync(root, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
