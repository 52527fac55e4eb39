// The typed protocol between the background (which owns the database and
// jieba) and the content script and extension pages. Every request is
// validated where it arrives: a message with the wrong shape, an unknown type
// or an oversized payload gets an error reply and the background keeps serving.

import type { Clause, DocumentKind, Target, TermKind } from './model';
import type { FigureRelation } from './match/figure-relation';
import type { FigureScope, RelativeYear } from './match/read-figure-scope';
import type { MetricSeries } from './document/metric-identity';
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
  /**
   * For each of the clause's targets stated for the same metric in another
   * document or year of the library (documents switched on): that metric's
   * figures side by side by year. Absent when none is.
   */
  comparisons?: MetricSeries[];
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

/** The figure a page gives beside a metric, as the content script read it (figure-near), for the card. */
export interface PageFigure {
  figure: {
    /** As printed on the page: 41.2亿美元. */
    text: string;
    /** The number as printed, before its magnitude: 41.2. */
    number: number;
    /** Magnitude and measure, simplified: 亿美元. */
    unit: string;
    /** Bounding words, space-joined: 以上, 约 … */
    qualifier: string;
  };
  scope?: FigureScope;
  year?: number;
  relativeYear?: RelativeYear;
}

/** A card for a metric cited with a figure: the clause of the target it is set against, both figures and how they relate. */
export interface FigureCard extends ClauseCard {
  target: Target;
  page: PageFigure;
  relation: FigureRelation;
  /** The year the target is for: 今年 on the page is read as this year when the page gives no date. */
  targetYear: number;
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

/** A document of the library as the library page and the popup list it. */
export interface LibraryEntry {
  id: string;
  title: string;
  /** Off: its terms are not highlighted. */
  enabled: boolean;
  /** Comes with the extension: can be switched off and renamed, not removed. */
  bundled: boolean;
  kind: DocumentKind;
  year: number;
  region: string;
  source: string;
  addedAt?: number;
  counts: DocumentCounts;
}

export interface DocumentCounts {
  clauses: number;
  targets: number;
  terms: number;
}

/** The steps of adding a document, in order: what the progress bar counts. */
export const IMPORT_STEPS = ['check', 'structure', 'targets', 'terms', 'tokens', 'store'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/**
 * Sent by the background to extension pages while it adds a document, for
 * the progress bar of the page that asked (the request's progressId).
 */
export interface ImportProgress {
  type: 'import-progress';
  progressId: string;
  step: ImportStep;
  /** Steps finished, of total (documents × steps for a backup). */
  done: number;
  total: number;
}

/** Requests to the background and their replies. */
export interface BackgroundRequests {
  'site-state': { req: { url: string }; res: SiteState };
  'term-table': { req: Record<string, never>; res: TermTable };
  'clause-card': { req: { termId: string; index: number }; res: ClauseCard };
  /** The card for a metric with the page's figure; index steps through the term's targets, the best-matched first. */
  'figure-card': { req: { termId: string; index: number; figure: PageFigure; pageYear?: number }; res: FigureCard };
  'clause-view': { req: { clauseId: string }; res: ClauseView };
  'index-status': { req: Record<string, never>; res: IndexStatus };
  /** `docId` limits the search to one document. */
  search: { req: { query: string; limit: number; docId?: string }; res: SearchResult };
  rebuild: { req: Record<string, never>; res: IndexStatus };
  /** Opens the report view at a clause in a new tab (a content script cannot open extension pages itself). */
  'open-report': { req: { clauseId: string }; res: { opened: boolean } };
  /** Adds a report text to the library; the same text again answers the same documentId (added: false). */
  'import-document': {
    req: { title: string; text: string; source?: string; progressId?: string };
    res: { documentId: string; title: string; counts: DocumentCounts; added: boolean };
  };
  'list-documents': { req: Record<string, never>; res: LibraryEntry[] };
  'remove-document': { req: { documentId: string }; res: { removed: true } };
  /** '' gives the document back the title its text prints. */
  'rename-document': { req: { documentId: string; title: string }; res: { renamed: true } };
  'set-document-enabled': { req: { documentId: string; enabled: boolean }; res: { enabled: boolean } };
  /** Restores a library backup (library-backup.ts): every document in it, or none. */
  'import-library': { req: { backup: string; progressId?: string }; res: { added: number; updated: number } };
}

export type BackgroundRequestType = keyof BackgroundRequests;

export type BackgroundMessage = {
  [K in BackgroundRequestType]: { type: K } & BackgroundRequests[K]['req'];
}[BackgroundRequestType];

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** A term found on a page, with how often; `related` counts its related mentions apart from its own wording. */
export interface PageTermCount {
  id: string;
  term: string;
  count: number;
  related?: true;
}

/** A metric the page cites with a figure, with how often it does so with that very figure. */
export interface PageFigureMention {
  termId: string;
  term: string;
  figure: PageFigure;
  count: number;
}

/** Requests from the popup to the content script of a tab. */
export interface TabRequests {
  /** The report terms found on the page, with counts. */
  'page-terms': { req: Record<string, never>; res: { terms: PageTermCount[]; figures: PageFigureMention[] } };
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
/**
 * An added text or a backup crosses the message boundary whole. The library
 * refuses texts over 5 MB with a sentence of its own (check-text.ts); this
 * bound only keeps a runaway message from reaching it (Chromium's own limit
 * on a message is 64 MiB).
 */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

function isShortString(value: unknown, max = MAX_STRING): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isOptionalString(value: unknown, max = MAX_STRING): boolean {
  return value === undefined || isShortString(value, max);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6;
}

const isYear = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200;
const SCOPES = new Set(['year', 'part-year', 'until', 'cumulative']);
const RELATIVE_YEARS = new Set(['this', 'last', 'next']);

/** A page figure as the content script sends it: short strings, a finite number, known words. */
function isPageFigure(value: unknown): value is PageFigure {
  if (typeof value !== 'object' || value === null) return false;
  const { figure, scope, year, relativeYear } = value as Record<string, unknown>;
  if (typeof figure !== 'object' || figure === null) return false;
  const f = figure as Record<string, unknown>;
  return (
    isShortString(f.text, 64) &&
    typeof f.number === 'number' &&
    Number.isFinite(f.number) &&
    isShortString(f.unit, 16) &&
    isShortString(f.qualifier, 32) &&
    (scope === undefined || (typeof scope === 'string' && SCOPES.has(scope))) &&
    (year === undefined || isYear(year)) &&
    (relativeYear === undefined || (typeof relativeYear === 'string' && RELATIVE_YEARS.has(relativeYear)))
  );
}

const backgroundValidators: { [K in BackgroundRequestType]: (m: Record<string, unknown>) => boolean } = {
  'site-state': (m) => isShortString(m.url, 8192),
  'term-table': () => true,
  'clause-card': (m) => isShortString(m.termId, 64) && isIndex(m.index),
  'figure-card': (m) =>
    isShortString(m.termId, 64) && isIndex(m.index) && isPageFigure(m.figure) && (m.pageYear === undefined || isYear(m.pageYear)),
  'clause-view': (m) => isShortString(m.clauseId, 64),
  'index-status': () => true,
  search: (m) => isShortString(m.query, 256) && isIndex(m.limit) && (m.limit as number) <= 200 && isOptionalString(m.docId, 64),
  rebuild: () => true,
  'open-report': (m) => isShortString(m.clauseId, 64),
  'import-document': (m) =>
    isShortString(m.title) && isShortString(m.text, MAX_IMPORT_CHARS) && isOptionalString(m.source, 8192) && isOptionalString(m.progressId, 64),
  'list-documents': () => true,
  'remove-document': (m) => isShortString(m.documentId, 64),
  'rename-document': (m) => isShortString(m.documentId, 64) && isShortString(m.title),
  'set-document-enabled': (m) => isShortString(m.documentId, 64) && typeof m.enabled === 'boolean',
  'import-library': (m) => isShortString(m.backup, MAX_IMPORT_CHARS) && isOptionalString(m.progressId, 64),
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
