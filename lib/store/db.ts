// The Dexie schema of the `policy-lens` database. Table names and the `term`
// field are part of the automation contract (README). Versions are additive:
// a later version adds stores or indexes and an upgrade function, and never
// drops a table a reader's data lives in.

import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Clause, ReportDocument, Target, Term } from '../model';

export const DB_NAME = 'policy-lens';

/**
 * Every row the bundle writes carries the version of the bundle it came from,
 * so a newer bundle can replace exactly those rows. Rows of documents the
 * reader added carry no `bundle` and survive every reload.
 */
export interface Bundled {
  bundle?: string;
}

export type DocumentRow = ReportDocument & Bundled;
export type ClauseRow = Clause & Bundled;
export type TargetRow = Target & Bundled;
/**
 * A term of one document. Documents may share a term's text (高标准农田 in
 * two years' reports): each keeps its own row (an added document's term ids
 * are derived from its id), and the background merges rows of one text into
 * one entry of the table pages match against (index-snapshot.ts). A term of
 * the bundle may span its two documents; its `docId` is that of its first clause.
 */
export type TermRow = Term & Bundled & { docId: string };

/**
 * What the reader chose about a document: its name, whether it is on, and,
 * for a document they added, when and from what text. Kept apart from the
 * derived rows, so a reload of the bundle (an update) never loses a choice.
 */
export interface LibraryRow {
  docId: string;
  /** Off: its terms are not highlighted; absent means on. */
  enabled?: boolean;
  /** The reader's name for the document, over the title the text gives. */
  title?: string;
  /** Set for a document the reader added (the bundle's have none). */
  addedAt?: number;
  /** Hash of the added text: the same text added again is the same document. */
  contentHash?: string;
  /** Where the added text came from (a page's address, a file name, 'paste'). */
  source?: string;
}

/** The text an added document was read from: kept for export, and to read it again when the pipeline improves. */
export interface TextRow {
  docId: string;
  text: string;
}

export interface MetaRow {
  key: 'bundle';
  version: string;
  loadedAt: number;
  loadMs: number;
  counts: { documents: number; clauses: number; targets: number; terms: number };
  /** The bundle's fold map (traditional → simplified), which the term table carries. */
  foldMap: Record<string, string>;
}

export type PolicyLensDb = Dexie & {
  documents: EntityTable<DocumentRow, 'id'>;
  clauses: EntityTable<ClauseRow, 'id'>;
  targets: EntityTable<TargetRow, 'id'>;
  terms: EntityTable<TermRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  library: EntityTable<LibraryRow, 'docId'>;
  texts: EntityTable<TextRow, 'docId'>;
};

/**
 * Version 1 held the bundle alone, one term row per text (&term). Version 2
 * holds a library: term rows per document (term no longer unique, docId
 * indexed), the reader's choices and added texts, and drops the clauses'
 * token index, which no query read. The upgrade keeps every row and gives
 * each term row the document of its first clause.
 */
async function giveTermsTheirDocument(tx: Transaction): Promise<void> {
  const clauseDoc = new Map<string, string>();
  await tx.table('clauses').each((clause: ClauseRow) => clauseDoc.set(clause.id, clause.docId));
  await tx
    .table('terms')
    .toCollection()
    .modify((term: TermRow) => {
      term.docId ??= clauseDoc.get(term.clauseIds[0] ?? '') ?? '';
    });
}

/** `options` are Dexie's: the IndexedDB to use (a test passes none, as a browser without one would). */
export function openPolicyLensDb(name = DB_NAME, options?: DexieOptions): PolicyLensDb {
  const db = new Dexie(name, options) as PolicyLensDb;
  db.version(1).stores({
    documents: 'id, kind, order, bundle',
    // [docId+order] reads a document's clauses in order; *tokens serves search.
    clauses: 'id, docId, [docId+order], sectionId, *tokens, bundle',
    targets: 'id, clauseId, docId, metric, kind, bundle',
    // &term: one row per term text; *clauseIds: term → clauses and back.
    terms: 'id, &term, kind, *clauseIds, bundle',
    meta: 'key',
  });
  db.version(2)
    .stores({
      // No *tokens: search runs on the background's in-memory index, and the
      // index's ~60 entries a clause made writing a 100,000-character document
      // take 1.7 s of the 2 s it may take (bench/measure-import.ts).
      clauses: 'id, docId, [docId+order], sectionId, bundle',
      terms: 'id, term, docId, kind, *clauseIds, bundle',
      library: 'docId, contentHash',
      texts: 'docId',
    })
    .upgrade(giveTermsTheirDocument);
  return db;
}
