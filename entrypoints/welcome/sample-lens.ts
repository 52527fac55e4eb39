// PolicyLens on the welcome page's sample article. Browsers run no content
// script on an extension's own pages, so the page runs the content script's
// own modules (start-lens.ts: the term table, the matcher, a session with its
// highlights, hover card and next-term command) under a context of its own:
// the reader meets the very card they will meet on a news site. The page's
// switch stops and restarts it, as the popup's site switch does on a site.

import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '@/extension/settings';
import type { TabRequests } from '@/lib/messages';
import type { Session } from '@/entrypoints/content/session';
import { lensStarter } from '@/entrypoints/content/start-lens';
import { listenForTabMessages } from '@/entrypoints/content/tab-messages';
import '@/entrypoints/content/style.css';

export interface SampleLens {
  /** Switches the highlighting on or off; rejects with the background's reason when it cannot start. */
  setOn(on: boolean): Promise<void>;
  /** What the next-term command does: the next term's card, with focus in it. */
  focusNext(): Promise<TabRequests['focus-next']['res']>;
}

export function startSampleLens(): SampleLens {
  // No window.postMessage: it exists for content scripts of one name to retire their older copies.
  const ctx = new ContentScriptContext('policy-lens-welcome', { noScriptStartedPostMessage: true });
  const start = lensStarter(ctx);
  let settings: Settings = DEFAULT_SETTINGS;
  let session: Session | undefined;
  let on = false;
  let queue: Promise<void> = Promise.resolve();

  const sync = async () => {
    if (on && !session) session = await start(() => settings);
    else if (!on && session) {
      session.stop();
      session = undefined;
    }
  };

  // The background's next-term command reaches this tab as it reaches a news page's content script.
  listenForTabMessages(() => session?.handlers, ctx.signal, { onlyTabMessages: true });
  // The reader's highlight style, colour and hover delay, as on news pages, and live when the options change.
  const settingsRead = readSettings().then(
    (value) => {
      settings = value;
    },
    () => undefined,
  );
  const unwatch = settingsItem.watch((value) => {
    settings = { ...DEFAULT_SETTINGS, ...value };
    session?.applySettings(settings);
  });
  ctx.onInvalidated(() => {
    unwatch();
    session?.stop();
  });

  return {
    setOn(next) {
      on = next;
      const run = queue.then(() => settingsRead).then(sync);
      // A failed start leaves the queue usable: switching again tries again.
      queue = run.catch(() => undefined);
      return run;
    },
    async focusNext() {
      await queue;
      return session ? session.handlers.focusNext() : { found: false };
    },
  };
}
