// The typed protocol between the background (which owns the database and
// jieba) and the content script and extension pages. Every request is
// validated where it arrives: a message with the wrong shape, an unknown type
// or an oversized payload gets an error reply and the background keeps serving.

import type { Clause, DocumentKind, Target, TermKind } from './model';
import type { MatcherTables } from './match/matcher';

/**
 * What a page needs to find and name the terms, built once per index by the
 * background and sent to every page and frame with Han text: so nothing in
 * it is an object per term, which a message would copy one by one.
 */
export interface TermTable {
  version: string;
  /** The matcher over every form of every term, built by the background: a page loads it without building. */
  matcher: MatcherTables;
  /** Every term's id and name, "id\tname" a line (termNamesText): a page reads it only to name the terms it shows (termNameIn). */
  names: string;
}

/** The names line of a term table. */
export function termNamesText(terms: readonly { id: string; term: string }[]): string {
  return terms.map((t) => `${t.id}\t${t.term}`).join('\n');
}

/**
 * A term's name in a term table's names, looked up where it stands: a page
 * names a few terms, and a library of 10,000 would make a map of them a
 * cost of its own.
 */
export function termNameIn(names: string, id: string): string | undefined {
  const key = `${id}\t`;
  let start: number;
  if (names.startsWith(key)) start = key.length;
  else {
    const at = names.indexOf(`\n${key}`);
    if (at < 0) return undefined;
    start = at + 1 + key.length;
  }
  const end = names.indexOf('\n', start);
  return names.slice(start, end < 0 ? undefined : end);
}

export type SiteStateSource = 'site' | 'default' | 'global';

export interface SiteState {
  /** Whether PolicyLens runs on this site. */
  enabled: boolean;
  /** What decided it: the site's own setting, the default for other sites, or the global switch. */
  source: SiteStateSource;
  /** The host the decision is about ('' for pages without one). */
  host: string;
}

/** A clause as the card and the search results show it. */
export interface ClauseView {
  clause: Pick<Clause, 'id' | 'docId' | 'text' | 'taskTitle' | 'path' | 'order' | 'spans'>;
  docTitle: string;
  docKind: DocumentKind;
  /** The section heading's second half, e.g. 加快提升农业农村现代化水平 ('' when unknown). */
  sectionAim: string;
  targets: Target[];
  /** The clauses before and after in the same paragraph, for context. */
  before?: string;
  after?: string;
}

export interface ClauseCard {
  termId: string;
  term: string;
  termKind: TermKind;
  /** [start, end) offsets of the term in the clause text (found folded, so 標 still finds 标), to emphasise. */
  marks: [number, number][];
  /** Index of the clause shown among all clauses of the term. */
  index: number;
  total: number;
  view: ClauseView;
}

export interface IndexCounts {
  documents: number;
  clauses: number;
  targets: number;
  terms: number;
}

export interface IndexStatus {
  state: 'loading' | 'ready' | 'failed';
  /** Bundle version loaded into IndexedDB (or bundled, when the database failed). */
  version: string;
  counts: IndexCounts;
  /** Milliseconds from the start of the load to ready, for the latest load. */
  loadMs?: number;
  /** Set when state is failed: a sentence for the reader. */
  error?: string;
  /** True when answers come from the bundle because IndexedDB is unusable. */
  fallback: boolean;
}

export interface SearchHit {
  view: ClauseView;
  score: number;
  /** Why it ranked: an exact phrase, a term, or word overlap. */
  match: 'phrase' | 'term' | 'words';
  /** [start, end) offsets in the clause text to emphasise. */
  marks: [number, number][];
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Close terms, when hits is empty. */
  suggestions: string[];
}

/** Requests to the background and their replies. */
export interface BackgroundRequests {
  'site-state': { req: { url: string }; res: SiteState };
  'term-table': { req: Record<string, never>; res: TermTable };
  'clause-card': { req: { termId: string; index: number }; res: ClauseCard };
  'clause-view': { req: { clauseId: string }; res: ClauseView };
  'index-status': { req: Record<string, never>; res: IndexStatus };
  search: { req: { query: string; limit: number }; res: SearchResult };
  rebuild: { req: Record<string, never>; res: IndexStatus };
  /** Opens the report view at a clause in a new tab (a content script cannot open extension pages itself). */
  'open-report': { req: { clauseId: string }; res: { opened: boolean } };
}

export type BackgroundRequestType = keyof BackgroundRequests;

export type BackgroundMessage = {
  [K in BackgroundRequestType]: { type: K } & BackgroundRequests[K]['req'];
}[BackgroundRequestType];

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Requests from the popup to the content script of a tab. */
export interface TabRequests {
  /** The report terms found on the page, with counts. */
  'page-terms': { req: Record<string, never>; res: { terms: { id: string; term: string; count: number }[] } };
  /** Scroll to a term's first occurrence and open its card. */
  'reveal-term': { req: { termId: string }; res: { found: boolean } };
  /** Keyboard command: move to the next highlighted term and open its card. */
  'focus-next': { req: Record<string, never>; res: { found: boolean } };
}

export type TabRequestType = keyof TabRequests;

export type TabMessage = {
  [K in TabRequestType]: { type: K } & TabRequests[K]['req'];
}[TabRequestType];

const MAX_STRING = 2048;

function isShortString(value: unknown, max = MAX_STRING): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6;
}

const backgroundValidators: { [K in BackgroundRequestType]: (m: Record<string, unknown>) => boolean } = {
  'site-state': (m) => isShortString(m.url, 8192),
  'term-table': () => true,
  'clause-card': (m) => isShortString(m.termId, 64) && isIndex(m.index),
  'clause-view': (m) => isShortString(m.clauseId, 64),
  'index-status': () => true,
  search: (m) => isShortString(m.query, 256) && isIndex(m.limit) && (m.limit as number) <= 200,
  rebuild: () => true,
  'open-report': (m) => isShortString(m.clauseId, 64),
};

/**
 * Names a type field for an error reply without converting it: String() on an
 * object whose toString is not a function (`{ type: { toString: 'x' } }`)
 * throws, and the throw left the sender without a reply.
 */
function describeType(type: unknown): string {
  return typeof type === 'string' ? type.slice(0, 64) : type === null ? 'null' : typeof type;
}

/** Checks a message arriving at the background; returns an error sentence or the typed message. */
export function validateBackgroundMessage(message: unknown): BackgroundMessage | string {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return 'message must be an object';
  }
  const m = message as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(backgroundValidators, m.type)) {
    return `unknown message type: ${describeType(m.type)}`;
  }
  const validate = backgroundValidators[m.type as BackgroundRequestType];
  if (!validate(m)) return `malformed ${m.type} message`;
  return m as BackgroundMessage;
}

const tabValidators: { [K in TabRequestType]: (m: Record<string, unknown>) => boolean } = {
  'page-terms': () => true,
  'reveal-term': (m) => isShortString(m.termId, 64),
  'focus-next': () => true,
};

/** Checks a message arriving at a content script from the popup. */
export function validateTabMessage(message: unknown): TabMessage | string {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return 'message must be an object';
  }
  const m = message as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(tabValidators, m.type)) {
    return `unknown message type: ${describeType(m.type)}`;
  }
  return tabValidators[m.type as TabRequestType](m) ? (m as TabMessage) : `malformed ${m.type} message`;
}
