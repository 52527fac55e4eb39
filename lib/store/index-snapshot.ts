// The background's in-memory view of the index, read once from IndexedDB (or
// from the bundle when IndexedDB is unusable), and the answers built from it:
// the term table for matching, clause views and cards. Plain TS, so the same
// code is tested in Node.

import type { Clause, ReportDocument, Target, Term } from '../model';
import { groupBy } from '../group-by';
import { buildMatcherTables, type MatcherTables, type MatcherTerm } from '../match/matcher';
import { unitOf } from '../match/figure-units';
import type { ClauseCard, ClauseView, FigureCard, IndexCounts, PageFigure, TermTable } from '../messages';
import { relateFigure } from '../match/figure-relation';
import { sameQuantity } from '../match/figure-units';

export interface IndexSnapshot {
  version: string;
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
  foldMap: Record<string, string>;
  documentById: Map<string, ReportDocument>;
  clauseById: Map<string, Clause>;
  termById: Map<string, Term>;
  targetById: Map<string, Target>;
  targetsByClause: Map<string, Target[]>;
  /** Each document's clauses in reading order. */
  clausesByDoc: Map<string, Clause[]>;
  /** Built once here, sent with every term table. */
  matcherTables: MatcherTables;
}

export interface SnapshotSource {
  version: string;
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
  foldMap: Record<string, string>;
}

/**
 * What the matcher needs of each term: its forms and, for a metric, how its
 * figure counts, the quantities its targets measure (a figure in another
 * quantity is taken only right beside it) and the documents it is in (an
 * anchored figure needs a term of its document in the same block).
 */
function matcherTerms(source: SnapshotSource, documents: readonly ReportDocument[]): MatcherTerm[] {
  const docBit = new Map(documents.map((d, i) => [d.id, 1 << i % 32]));
  const clauseDoc = new Map(source.clauses.map((c) => [c.id, c.docId]));
  const targetById = new Map(source.targets.map((t) => [t.id, t]));
  return source.terms.map((term) => {
    let docs = 0;
    for (const id of term.clauseIds) docs |= docBit.get(clauseDoc.get(id) ?? '') ?? 0;
    const own: MatcherTerm = { id: term.id, forms: term.forms, docs, ...(term.related ? { related: term.related } : {}) };
    if (!term.figure || !term.targetIds) return own;
    const quantities = new Set<string>();
    for (const id of term.targetIds) {
      const quantity = unitOf(targetById.get(id)?.unit ?? '')?.quantity;
      if (quantity) quantities.add(quantity);
    }
    return { ...own, figure: term.figure, quantities: [...quantities] };
  });
}

export function createSnapshot(source: SnapshotSource): IndexSnapshot {
  const documents = [...source.documents].sort((a, b) => a.order - b.order);
  const clausesByDoc = groupBy(source.clauses, (c) => c.docId);
  for (const list of clausesByDoc.values()) list.sort((a, b) => a.order - b.order);
  const targetsByClause = groupBy(source.targets, (t) => t.clauseId);
  for (const list of targetsByClause.values()) list.sort((a, b) => a.order - b.order);
  return {
    ...source,
    documents,
    documentById: new Map(documents.map((d) => [d.id, d])),
    clauseById: new Map(source.clauses.map((c) => [c.id, c])),
    termById: new Map(source.terms.map((t) => [t.id, t])),
    targetById: new Map(source.targets.map((t) => [t.id, t])),
    targetsByClause,
    clausesByDoc,
    matcherTables: buildMatcherTables(matcherTerms(source, documents), source.foldMap),
  };
}

export function countsOfSnapshot(snapshot: IndexSnapshot): IndexCounts {
  return {
    documents: snapshot.documents.length,
    clauses: snapshot.clauses.length,
    targets: snapshot.targets.length,
    terms: snapshot.terms.length,
  };
}

export function termTable(snapshot: IndexSnapshot): TermTable {
  return {
    version: snapshot.version,
    terms: snapshot.terms.map((t) => ({ id: t.id, term: t.term, forms: t.forms, ...(t.related ? { related: t.related } : {}) })),
    foldMap: snapshot.foldMap,
    matcher: snapshot.matcherTables,
  };
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
  return {
    clause: { id, docId, text, taskTitle, path, order, spans },
    docTitle: doc?.title ?? '',
    docKind: doc?.kind ?? 'work-report',
    sectionAim: sectionAimOf(doc, clause.sectionId),
    targets: snapshot.targetsByClause.get(clause.id) ?? [],
    before: neighbour(at - 1),
    after: neighbour(at + 1),
  };
}

/** The card for the index-th clause (best first) that mentions a term; undefined for an unknown term. */
export function clauseCard(snapshot: IndexSnapshot, termId: string, index: number): ClauseCard | undefined {
  const term = snapshot.termById.get(termId);
  if (!term || term.clauseIds.length === 0) return undefined;
  const total = term.clauseIds.length;
  const at = Math.min(Math.max(0, index), total - 1);
  const view = clauseView(snapshot, term.clauseIds[at]!);
  if (!view) return undefined;
  return { termId, term: term.term, termKind: term.kind, index: at, total, view };
}

/** The year a target is for: its document's year. */
function targetYear(snapshot: IndexSnapshot, target: Target): number {
  return snapshot.documentById.get(target.docId)?.year ?? new Date().getFullYear();
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
    (sameQuantity(t.unit, page.figure.unit) ? 0 : 2) + (year === undefined || targetYear(snapshot, t) === year ? 0 : 1);
  const ranked = targets.map((t, order) => ({ t, order })).sort((a, b) => rank(a.t) - rank(b.t) || a.order - b.order);
  const at = Math.min(Math.max(0, index), ranked.length - 1);
  const target = ranked[at]!.t;
  const view = clauseView(snapshot, target.clauseId);
  if (!view) return undefined;
  const forYear = targetYear(snapshot, target);
  return {
    termId,
    term: term.term,
    termKind: term.kind,
    index: at,
    total: ranked.length,
    view,
    target,
    page,
    targetYear: forYear,
    relation: relateFigure({ ...target, year: forYear }, page, { pageYear: pageYear ?? forYear }),
  };
}
