// PolicyLens on every page and frame. What a page pays for it before its
// terms are found is kept to what it must be (issue 13, measured by
// `npm run bench`'s whole-cost rows):
// - nothing at all until the document has Han text (wait-for-han-text.ts):
//   every term has some, and most pages and frames have none;
// - then one read of the settings from storage, and the site decided here
//   (lib/site-state), not asked of the background;
// - only on a site that is on, one message for the term table, whose matcher
//   arrives as typed arrays and loads without being built or copied.
// A change of settings decides again, so switching off drops every highlight
// and listener at once and switching on scans again, without a reload; a
// change of the library (a document added, switched or removed) drops the
// term table and starts again with the new one. When the extension is
// reloaded or updated, WXT's context invalidates this script and everything
// stops before the old script can throw "Extension context invalidated" into
// the page's console.

import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SETTINGS_KEY, SETTINGS_META_KEY, storedSettings } from '@/extension/settings-version';
import { LIBRARY_REVISION_KEY } from '@/extension/library-revision-key';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/default-settings';
import { resolveSiteState } from '@/lib/site-state';
import type { Session } from './session';
import { lensStarter } from './start-lens';
import { listenForTabMessages } from './tab-messages';
import { whenHanText } from './wait-for-han-text';

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
  // An updated script stops the old one with a document event only: WXT's extra window.postMessage reached
  // the page's own message listeners on every page and frame. Every release of this extension was built
  // with a WXT whose scripts listen for the event (0.21); reliability-update checks the handover.
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

/** The settings as stored: one read, without WXT's storage item (settings-version.ts). */
async function readStoredSettings(): Promise<Settings> {
  return storedSettings(await browser.storage.local.get([SETTINGS_KEY, SETTINGS_META_KEY]));
}

async function run(ctx: ContentScriptContext): Promise<void> {
  await whenHanText(document, ctx.signal);
  if (ctx.isInvalid) return;

  let session: Session | undefined;
  let startLens = lensStarter(ctx);
  let settings: Settings | undefined;
  let failures = 0;
  let queue = Promise.resolve();

  const sync = async () => {
    if (ctx.isInvalid) return;
    try {
      // Storage unreadable: run with the defaults.
      settings ??= await readStoredSettings().catch(() => DEFAULT_SETTINGS);
      const current = settings;
      const enabled = resolveSiteState(current, pageUrl()).enabled;
      if (enabled && !session) {
        session = await startLens(() => settings ?? current);
      } else if (!enabled && session) {
        session.stop();
        session = undefined;
      } else session?.applySettings(current);
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
  // Only the top frame answers the popup, so one page gives one answer and one card.
  if (window === window.top) listenForTabMessages(() => session?.handlers, ctx.signal);

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (LIBRARY_REVISION_KEY in changes) restart();
    else if (SETTINGS_KEY in changes || SETTINGS_META_KEY in changes) {
      settings = undefined;
      enqueue();
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => {
    try {
      browser.storage.onChanged.removeListener(onChanged);
    } catch {
      // Removing a storage listener from a dead context throws "Extension context invalidated": it is gone anyway.
    }
  });
  enqueue();
}
