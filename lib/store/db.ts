// The Dexie schema of the `policy-lens` database. Table names and the `term`
// field are part of the automation contract (README). Versions are additive:
// a later version adds stores or indexes and an upgrade function, and never
// drops a table a reader's data lives in.

import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Clause, ReportDocument, Target, Term } from '../model';

export const DB_NAME = 'policy-lens';

/**
 * Every row the bundle writes carries the version of the bundle it came from,
 * so a newer bundle can replace exactly those rows. Rows a reader creates
 * (none yet) carry no `bundle` and survive every reload.
 */
export interface Bundled {
  bundle?: string;
}

export type DocumentRow = ReportDocument & Bundled;
export type ClauseRow = Clause & Bundled;
export type TargetRow = Target & Bundled;
export type TermRow = Term & Bundled;

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
};

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
  return db;
}
