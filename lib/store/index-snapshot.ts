// The background's in-memory view of the index, read once from IndexedDB (or
// from the bundle when IndexedDB is unusable), and the answers built from it:
// the term table for matching, clause views and cards, the library's list.
// Plain TS, so the same code is tested in Node.
//
// Several documents may print one term (高标准农田 in the bundled report and
// in a reader's 2025 report). Their rows are merged, by folded text, into one
// entry of the term table: one highlight on the page, and a card that steps
// through the clauses of every document that is switched on. A switched-off
// document's clauses leave every entry; an entry left without clauses leaves
// the table, so its term is no longer highlighted.

import type { Clause, ReportDocument, Target, Term } from '../model';
import { groupBy } from '../group-by';
import { foldText } from '../match/fold-text';
import { buildMatcherTables, type MatcherTerm } from '../match/matcher';
import { placesOf } from './region-places';
import { sameQuantity, unitOf } from '../match/figure-units';
import { relateFigure } from '../match/figure-relation';
import type { TraditionalTable } from '../document/script-text';
import { buildFoldMap } from '../match/build-fold-map';
import { aliasIndex, type MetricAlias, type MetricSeries } from '../document/metric-identity';
import { librarySeries } from './metric-series';
import { sectionPeriods, targetYear } from '../document/target-periods';
import {
  termNamesText,
  type ClauseCard,
  type ClauseView,
  type FigureCard,
  type IndexCounts,
  type LibraryEntry,
  type PageFigure,
  type TermTable,
} from '../messages';

/** A document with the reader's choices applied (read-index.ts). */
export interface LibraryDocument extends ReportDocument {
  /** Off: its terms are not highlighted; absent means on. */
  enabled?: boolean;
  /** Comes with the extension (cannot be removed); absent means bundled, as every document of a bundle is. */
  bundled?: boolean;
  addedAt?: number;
}

export interface SnapshotSource {
  version: string;
  documents: LibraryDocument[];
  clauses: Clause[];
  targets: Target[];
  /** Term rows; an added document's carry its docId (a bundle's may not: their first clause names it). */
  terms: (Term & { docId?: string })[];
  foldMap: Record<string, string>;
}

export interface SnapshotOptions {
  /**
   * Traditional → simplified characters: with it, the fold map is chosen for
   * the terms and clauses of the documents switched on (added documents
   * bring characters the bundle's map lacks); without it, the source's is used.
   */
  traditional?: TraditionalTable;
  /** The reviewed metric aliases (seeds/metric-aliases.json), for pairing figures across documents. */
  aliases?: readonly MetricAlias[];
}

export interface IndexSnapshot {
  version: string;
  /** Every document, on or off, in library order. */
  documents: (LibraryDocument & { enabled: boolean; bundled: boolean })[];
  clauses: Clause[];
  targets: Target[];
  /** The term table's entries: rows of one text merged, clauses of documents switched on only. */
  terms: Term[];
  foldMap: Record<string, string>;
  documentById: Map<string, LibraryDocument & { enabled: boolean; bundled: boolean }>;
  clauseById: Map<string, Clause>;
  /** Entries by their id, and by the id of each row merged into them. */
  termById: Map<string, Term>;
  targetById: Map<string, Target>;
  targetsByClause: Map<string, Target[]>;
  /** Each document's clauses in reading order. */
  clausesByDoc: Map<string, Clause[]>;
  /** Term rows per document, for the library's counts. */
  termRowsByDoc: Map<string, number>;
  /** Built once here, for each index the background loads; every page and frame gets this one, never built per page. */
  termTable: TermTable;
  /** Each figure of a document switched on that another document or year states too: its series. */
  seriesByTarget: Map<string, MetricSeries>;
}

/** Figure modes from the one asking least of a page to the one asking most (see FigureMode). */
const MODE_ORDER = ['optional', 'required', 'anchored'] as const;

/**
 * What the matcher needs of each term: its forms and, for a metric, how its
 * figure counts, the quantities its targets measure (a figure in another
 * quantity is taken only right beside it) and the documents it is in (an
 * anchored figure needs a term of its document in the same block).
 */
function matcherTerms(source: Pick<SnapshotSource, 'clauses' | 'targets'> & { terms: readonly Term[] }, documents: readonly ReportDocument[]): MatcherTerm[] {
  const docBit = new Map(documents.map((d, i) => [d.id, 1 << i % 32]));
  const clauseDoc = new Map(source.clauses.map((c) => [c.id, c.docId]));
  const targetById = new Map(source.targets.map((t) => [t.id, t]));
  return source.terms.map((term) => {
    let docs = 0;
    for (const id of term.clauseIds) docs |= docBit.get(clauseDoc.get(id) ?? '') ?? 0;
    const own: MatcherTerm = {
      id: term.id,
      forms: term.forms,
      docs,
      ...(term.related ? { related: term.related } : {}),
      ...(term.local ? { local: term.local } : {}),
    };
    if (!term.figure || !term.targetIds) return own;
    const quantities = new Set<string>();
    for (const id of term.targetIds) {
      const quantity = unitOf(targetById.get(id)?.unit ?? '')?.quantity;
      if (quantity) quantities.add(quantity);
    }
    return { ...own, figure: term.figure, quantities: [...quantities] };
  });
}

/** Merges term rows of one folded text into entries, keeping only clauses of documents switched on. */
function mergeTerms(
  rows: SnapshotSource['terms'],
  clauseById: Map<string, Clause>,
  documentById: IndexSnapshot['documentById'],
): { entries: Term[]; byRowId: Map<string, Term>; rowsByDoc: Map<string, number> } {
  const docOf = (row: SnapshotSource['terms'][number]) => row.docId ?? clauseById.get(row.clauseIds[0] ?? '')?.docId ?? '';
  const rank = (row: SnapshotSource['terms'][number]) => documentById.get(docOf(row))?.order ?? Number.MAX_SAFE_INTEGER;
  const rowsByDoc = new Map<string, number>();
  for (const row of rows) rowsByDoc.set(docOf(row), (rowsByDoc.get(docOf(row)) ?? 0) + 1);
  // Groups keep the order of their first row, so a library of the bundle alone gives the bundle's table.
  const groups = groupBy(rows, (row) => foldText(row.term, {}));
  const entries: Term[] = [];
  const byRowId = new Map<string, Term>();
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => rank(a) - rank(b));
    const clauseIds = ordered.flatMap((row) =>
      row.clauseIds.filter((id) => {
        const clause = clauseById.get(id);
        return clause !== undefined && documentById.get(clause.docId)?.enabled !== false;
      }),
    );
    if (clauseIds.length === 0) continue;
    const [first] = ordered;
    const { docId: _docId, ...term } = first!;
    // The forms a switched-off document brought (its metrics' wording) leave with it.
    const on = ordered.filter((row) => documentById.get(docOf(row))?.enabled !== false);
    const entry: Term = { ...term, forms: [...new Set(on.flatMap((row) => row.forms))], clauseIds: [...new Set(clauseIds)] };
    const related = [...new Set(on.flatMap((row) => row.related ?? []))];
    if (related.length) entry.related = related;
    else delete entry.related;
    const local = [...new Set(on.flatMap((row) => row.local ?? []))];
    if (local.length) entry.local = local;
    else delete entry.local;
    // A metric printed by several documents counts the targets of those switched on; the looser figure mode wins.
    const targetIds = [...new Set(on.flatMap((row) => row.targetIds ?? []))];
    if (targetIds.length) {
      entry.targetIds = targetIds;
      entry.figure = on.map((row) => row.figure).filter((mode) => mode !== undefined).sort((a, b) => MODE_ORDER.indexOf(a!) - MODE_ORDER.indexOf(b!))[0];
    } else {
      delete entry.targetIds;
      delete entry.figure;
    }
    entries.push(entry);
    for (const row of ordered) byRowId.set(row.id, entry);
  }
  return { entries, byRowId, rowsByDoc };
}

export function createSnapshot(source: SnapshotSource, options: SnapshotOptions = {}): IndexSnapshot {
  const documents = source.documents
    .map((doc) => ({ ...doc, enabled: doc.enabled ?? true, bundled: doc.bundled ?? true }))
    .sort((a, b) => a.order - b.order);
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const clauseById = new Map(source.clauses.map((c) => [c.id, c]));
  const clausesByDoc = groupBy(source.clauses, (c) => c.docId);
  for (const list of clausesByDoc.values()) list.sort((a, b) => a.order - b.order);
  const targetsByClause = groupBy(source.targets, (t) => t.clauseId);
  for (const list of targetsByClause.values()) list.sort((a, b) => a.order - b.order);
  const { entries, byRowId, rowsByDoc } = mergeTerms(source.terms, clauseById, documentById);
  const enabledClauses = source.clauses.filter((c) => documentById.get(c.docId)?.enabled !== false);
  const places = placesOf(documents.filter((d) => d.enabled).map((d) => d.region));
  const foldMap = options.traditional
    ? buildFoldMap(options.traditional, entries, [...enabledClauses.map((c) => c.text), ...places])
    : source.foldMap;
  return {
    version: source.version,
    documents,
    clauses: source.clauses,
    targets: source.targets,
    terms: entries,
    foldMap,
    documentById,
    clauseById,
    termById: byRowId,
    targetById: new Map(source.targets.map((t) => [t.id, t])),
    targetsByClause,
    clausesByDoc,
    termRowsByDoc: rowsByDoc,
    termTable: {
      version: source.version,
      matcher: buildMatcherTables(matcherTerms({ ...source, terms: entries }, documents), foldMap, places),
      names: termNamesText(entries),
    },
    seriesByTarget: librarySeries(
      documents.filter((d) => d.enabled),
      clauseById,
      source.targets,
      aliasIndex(options.aliases ?? []),
    ).byTarget,
  };
}

const isOn = (snapshot: IndexSnapshot, docId: string) => snapshot.documentById.get(docId)?.enabled !== false;

/** What the index answers from: documents switched on, their clauses and targets, and the term table's entries. */
export function countsOfSnapshot(snapshot: IndexSnapshot): IndexCounts {
  return {
    documents: snapshot.documents.filter((d) => d.enabled).length,
    clauses: snapshot.clauses.filter((c) => isOn(snapshot, c.docId)).length,
    targets: snapshot.targets.filter((t) => isOn(snapshot, t.docId)).length,
    terms: snapshot.terms.length,
  };
}

/** The library as the reader sees it: every document, on or off, with what it holds. */
export function libraryList(snapshot: IndexSnapshot): LibraryEntry[] {
  const targetsByDoc = groupBy(snapshot.targets, (t) => t.docId);
  return snapshot.documents.map((doc) => ({
    id: doc.id,
    title: doc.title,
    enabled: doc.enabled,
    bundled: doc.bundled,
    kind: doc.kind,
    year: doc.year,
    region: doc.region,
    source: doc.source,
    ...(doc.addedAt !== undefined ? { addedAt: doc.addedAt } : {}),
    counts: {
      clauses: snapshot.clausesByDoc.get(doc.id)?.length ?? 0,
      targets: targetsByDoc.get(doc.id)?.length ?? 0,
      terms: snapshot.termRowsByDoc.get(doc.id) ?? 0,
    },
  }));
}

export function termTable(snapshot: IndexSnapshot): TermTable {
  return snapshot.termTable;
}

function sectionAimOf(doc: ReportDocument | undefined, sectionId: string): string {
  for (const part of doc?.outline ?? []) {
    for (const section of part.sections) if (section.id === sectionId) return section.aim;
  }
  return '';
}

/** A clause with what the card and search results show beside it; undefined for an unknown id. */
export function clauseView(snapshot: IndexSnapshot, clauseId: string): ClauseView | undefined {
  const clause = snapshot.clauseById.get(clauseId);
  if (!clause) return undefined;
  const doc = snapshot.documentById.get(clause.docId);
  const siblings = snapshot.clausesByDoc.get(clause.docId) ?? [];
  const at = siblings.indexOf(clause);
  const neighbour = (i: number) => {
    const other = siblings[i];
    return other && other.paragraph === clause.paragraph ? other.text : undefined;
  };
  const { id, docId, text, taskTitle, path, order, spans } = clause;
  const targets = snapshot.targetsByClause.get(clause.id) ?? [];
  const comparisons = [...new Set(targets.flatMap((t) => snapshot.seriesByTarget.get(t.id) ?? []))];
  return {
    clause: { id, docId, text, taskTitle, path, order, spans },
    docTitle: doc?.title ?? '',
    docKind: doc?.kind ?? 'work-report',
    sectionAim: sectionAimOf(doc, clause.sectionId),
    targets,
    before: neighbour(at - 1),
    after: neighbour(at + 1),
    ...(comparisons.length > 0 ? { comparisons } : {}),
  };
}

/** The card for the index-th clause (best first, documents in library order) that mentions a term; undefined for an unknown term. */
export function clauseCard(snapshot: IndexSnapshot, termId: string, index: number): ClauseCard | undefined {
  const term = snapshot.termById.get(termId);
  if (!term || term.clauseIds.length === 0) return undefined;
  const total = term.clauseIds.length;
  const at = Math.min(Math.max(0, index), total - 1);
  const view = clauseView(snapshot, term.clauseIds[at]!);
  if (!view) return undefined;
  const marks = occurrences(foldText(view.clause.text, snapshot.foldMap), foldText(term.term, snapshot.foldMap));
  return { termId, term: term.term, termKind: term.kind, marks, index: at, total, view };
}

/** Where `needle` stands in `text`, occurrence after occurrence (folding keeps every offset). */
function occurrences(text: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = needle ? text.indexOf(needle) : -1; i !== -1; i = text.indexOf(needle, i + needle.length)) {
    found.push([i, i + needle.length]);
  }
  return found;
}

/** The year a target is about (a 2023 result in a 2024 document is 2023's); its document's year when nothing says. */
function yearOfTarget(snapshot: IndexSnapshot, target: Target): number {
  const doc = snapshot.documentById.get(target.docId);
  const clause = snapshot.clauseById.get(target.clauseId);
  if (!doc || !clause) return doc?.year ?? 0;
  return targetYear(target, clause, doc, sectionPeriods(doc)) || doc.year;
}

/**
 * The card for a metric the page cites with a figure: the term's targets
 * ranked for this figure (one in the same quantity first, then one of the
 * year the page names, then in the term's order), the index-th of them with
 * its clause, and how the page's figure relates to it. A page without a date
 * is read as speaking of the target's own year when it says 今年.
 */
export function figureCard(
  snapshot: IndexSnapshot,
  termId: string,
  index: number,
  page: PageFigure,
  pageYear?: number,
): FigureCard | undefined {
  const term = snapshot.termById.get(termId);
  const targets = (term?.targetIds ?? []).flatMap((id) => snapshot.targetById.get(id) ?? []);
  if (!term || targets.length === 0) return undefined;
  const year = page.year ?? (pageYear !== undefined && page.relativeYear ? pageYear : undefined);
  const rank = (t: Target) =>
    (sameQuantity(t.unit, page.figure.unit) ? 0 : 2) + (year === undefined || yearOfTarget(snapshot, t) === year ? 0 : 1);
  const ranked = targets.map((t, order) => ({ t, order })).sort((a, b) => rank(a.t) - rank(b.t) || a.order - b.order);
  const at = Math.min(Math.max(0, index), ranked.length - 1);
  const target = ranked[at]!.t;
  const view = clauseView(snapshot, target.clauseId);
  if (!view) return undefined;
  const forYear = yearOfTarget(snapshot, target);
  return {
    termId,
    term: term.term,
    termKind: term.kind,
    marks: occurrences(foldText(view.clause.text, snapshot.foldMap), foldText(term.term, snapshot.foldMap)),
    index: at,
    total: ranked.length,
    view,
    target,
    page,
    targetYear: forYear,
    relation: relateFigure({ ...target, year: forYear }, page, { pageYear: pageYear ?? forYear }),
  };
}
