// Where the report view opens: report.html, with #clause-ID to scroll to and
// mark a clause, ?q= to start with a search (the context menu, the popup), or
// ?doc= to open one document of the library.

import { browser } from 'wxt/browser';

export function reportUrl(open: { clauseId?: string; query?: string; documentId?: string } = {}): string {
  // report.html is an unlisted page: WXT's PublicPath type learns it only after `wxt prepare`.
  const url = new URL((browser.runtime.getURL as (path: string) => string)('/report.html'));
  if (open.query) url.searchParams.set('q', open.query);
  if (open.documentId) url.searchParams.set('doc', open.documentId);
  if (open.clauseId) url.hash = `clause-${open.clauseId}`;
  return url.href;
}

/** The library page: add, switch, rename and remove documents. */
export function libraryUrl(): string {
  return (browser.runtime.getURL as (path: string) => string)('/library.html');
}
