// The background's in-memory view of the index, read once from IndexedDB (or
// from the bundle when IndexedDB is unusable), and the answers built from it:
// the term table for matching, clause views and cards. Plain TS, so the same
// code is tested in Node.

import type { Clause, ReportDocument, Target, Term } from '../model';
import { groupBy } from '../group-by';
import { foldText } from '../match/fold-text';
import { buildMatcherTables } from '../match/matcher';
import { termNamesText, type ClauseCard, type ClauseView, type IndexCounts, type TermTable } from '../messages';

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
  targetsByClause: Map<string, Target[]>;
  /** Each document's clauses in reading order. */
  clausesByDoc: Map<string, Clause[]>;
  /** Built once here, for each index the background loads; every page and frame gets this one, never built per page. */
  termTable: TermTable;
}

export interface SnapshotSource {
  version: string;
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
  foldMap: Record<string, string>;
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
    targetsByClause,
    clausesByDoc,
    termTable: {
      version: source.version,
      matcher: buildMatcherTables(source.terms, source.foldMap),
      names: termNamesText(source.terms),
    },
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
