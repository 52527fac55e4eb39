// Where the report view opens: report.html, with #clause-ID to scroll to and
// mark a clause, or ?q= to start with a search (the context menu, the popup).

import { browser } from 'wxt/browser';

export function reportUrl(open: { clauseId?: string; query?: string } = {}): string {
  // report.html is an unlisted page: WXT's PublicPath type learns it only after `wxt prepare`.
  const url = new URL((browser.runtime.getURL as (path: string) => string)('/report.html'));
  if (open.query) url.searchParams.set('q', open.query);
  if (open.clauseId) url.hash = `clause-${open.clauseId}`;
  return url.href;
}
