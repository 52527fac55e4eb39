// PolicyLens on every page and frame. It stays idle until the background says
// this site is on, then asks once for the term table and starts a session;
// a change of settings asks again, so switching off drops every highlight and
// listener at once and switching on scans again, without a reload; a change
// of the library (a document added, switched or removed) drops the term table
// and starts again with the new one. When the
// extension is reloaded or updated, WXT's context invalidates this script and
// everything stops before the old script can throw "Extension context
// invalidated" into the page's console.

import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '@/extension/background-client';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '@/extension/settings';
import { libraryRevisionItem } from '@/extension/library-revision';
import type { Session } from './session';
import { lensStarter } from './start-lens';
import { listenForTabMessages } from './tab-messages';

/** Waits before asking the background again while it loads its index: 0.5 s, 1 s, 2 s … */
const RETRY_BASE_MS = 500;
const RETRIES = 6;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames without a URL of their own (about:blank, srcdoc) hold same-origin text too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // WXT announces each start to the script it replaces after an update with a CustomEvent on the document,
  // and, for older WXT versions, with a window.postMessage that every message listener of the page reads,
  // the extension's id included. This build's scripts listen to the event only.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void run(ctx);
  },
});

/** The URL the site switch is about: a frame without its own URL belongs to its parent's site. */
function pageUrl(): string {
  if (/^https?:/.test(location.href)) return location.href;
  return window.origin && window.origin !== 'null' ? `${window.origin}/` : location.href;
}

async function run(ctx: ContentScriptContext): Promise<void> {
  let session: Session | undefined;
  let startLens = lensStarter(ctx);
  let settings: Settings = DEFAULT_SETTINGS;
  let failures = 0;
  let queue = Promise.resolve();

  const sync = async () => {
    if (ctx.isInvalid) return;
    try {
      const state = await askBackground('site-state', { url: pageUrl() });
      if (ctx.isInvalid) return;
      if (state.enabled && !session) {
        session = await startLens(() => settings);
      } else if (!state.enabled && session) {
        session.stop();
        session = undefined;
      }
      failures = 0;
    } catch {
      // The background may still be loading its index, or the extension is being reloaded.
      if (ctx.isInvalid || failures >= RETRIES) return;
      ctx.setTimeout(() => enqueue(), RETRY_BASE_MS * 2 ** failures++);
    }
  };
  const enqueue = () => {
    queue = queue.then(sync);
  };
  // In the queue, after any sync under way, so a table asked for before the change is not kept.
  const restart = () => {
    queue = queue.then(() => {
      session?.stop();
      session = undefined;
      // A new starter: the old one keeps the table and matcher of the library as it was.
      startLens = lensStarter(ctx);
    });
    enqueue();
  };

  ctx.onInvalidated(() => {
    session?.stop();
    session = undefined;
  });
  listenForTabMessages(() => session?.handlers, ctx.signal);

  try {
    settings = await readSettings();
  } catch {
    // Storage unreadable: run with the defaults.
  }
  const unwatch = settingsItem.watch((value) => {
    settings = { ...DEFAULT_SETTINGS, ...value };
    session?.applySettings(settings);
    enqueue();
  });
  const unwatchLibrary = libraryRevisionItem.watch(restart);
  ctx.onInvalidated(() => {
    try {
      unwatch();
      unwatchLibrary();
    } catch {
      // Removing a storage listener from a dead context throws "Extension context invalidated": it is gone anyway.
    }
  });
  enqueue();
}
