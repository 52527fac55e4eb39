// Loads the bundled index into IndexedDB: on install, on update, and when the
// reader asks for a rebuild. Writes go in chunks, one transaction each, so a
// large bundle never holds one huge transaction; the meta row is written last,
// so an interrupted load is seen as "not loaded" and redone at the next start.

import type { IndexBundle } from '../model';
import type { Table } from 'dexie';
import type { Bundled, MetaRow, PolicyLensDb } from './db';

const CHUNK = 1000;

export interface LoadResult {
  /** False when the database already held this bundle version. */
  loaded: boolean;
  meta: MetaRow;
}

export interface LoadOptions {
  /** Load even when the same version is already there (rebuild). */
  force?: boolean;
  now?: () => number;
}

export function countsOf(bundle: IndexBundle): MetaRow['counts'] {
  return {
    documents: bundle.documents.length,
    clauses: bundle.clauses.length,
    targets: bundle.targets.length,
    terms: bundle.terms.length,
  };
}

export async function loadBundle(
  db: PolicyLensDb,
  bundle: IndexBundle,
  { force = false, now = () => performance.now() }: LoadOptions = {},
): Promise<LoadResult> {
  const started = now();
  const current = await db.meta.get('bundle');
  if (!force && current?.version === bundle.version) return { loaded: false, meta: current };

  // The previous bundle's rows go first, so a term or clause the new bundle
  // dropped does not linger. Rows without `bundle` (added documents) stay, and
  // so do the reader's choices (library), which no bundle writes.
  await db.transaction('rw', [db.documents, db.clauses, db.targets, db.terms, db.meta], async () => {
    await db.meta.delete('bundle');
    for (const table of [db.documents, db.clauses, db.targets, db.terms]) {
      await table.where('bundle').notEqual('').delete();
    }
  });

  await putInChunks(db, db.documents, bundle.documents, bundle.version);
  await putInChunks(db, db.clauses, bundle.clauses, bundle.version);
  await putInChunks(db, db.targets, bundle.targets, bundle.version);
  const clauseDoc = new Map(bundle.clauses.map((c) => [c.id, c.docId]));
  const terms = bundle.terms.map((term) => ({ ...term, docId: clauseDoc.get(term.clauseIds[0] ?? '') ?? '' }));
  await putInChunks(db, db.terms, terms, bundle.version);

  const meta: MetaRow = {
    key: 'bundle',
    version: bundle.version,
    loadedAt: Date.now(),
    loadMs: now() - started,
    counts: countsOf(bundle),
    foldMap: bundle.foldMap,
  };
  await db.meta.put(meta);
  return { loaded: true, meta };
}

async function putInChunks<Row extends Bundled>(
  db: PolicyLensDb,
  table: Table<Row, string, Row>,
  rows: readonly Row[],
  version: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((row) => ({ ...row, bundle: version }));
    await db.transaction('rw', table, () => table.bulkPut(chunk));
  }
}
