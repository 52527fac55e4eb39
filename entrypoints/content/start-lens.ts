// Starts PolicyLens on the current document: the background's term table,
// asked for once, its matcher, built once, and a session with the reader's
// settings. The content script calls it when its site is switched on; the
// welcome page calls it for its sample article, since browsers run no
// content script on an extension's own pages.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '@/extension/background-client';
import type { Settings } from '@/extension/settings';
import { loadMatcher, type Matcher } from '@/lib/match/matcher';
import type { TermTable } from '@/lib/messages';
import { startSession, type Session } from './session';

/** Starts a session with the settings as they are once the table is in; undefined if the context died meanwhile. */
export type StartLens = (settings: () => Settings) => Promise<Session | undefined>;

/** A starter for this document: the table and matcher are kept for the next start (the site switched off and on). */
export function lensStarter(ctx: ContentScriptContext): StartLens {
  let table: TermTable | undefined;
  let matcher: Matcher | undefined;
  return async (settings) => {
    table ??= await askBackground('term-table', {});
    matcher ??= loadMatcher(table.matcher);
    if (ctx.isInvalid) return undefined;
    return startSession({ ctx, table, matcher, settings: settings() });
  };
}
