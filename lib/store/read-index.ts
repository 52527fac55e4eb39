// Reads the loaded index back out of IndexedDB: what the background's
// snapshot and the report view are made from.

import type { PolicyLensDb } from './db';
import type { SnapshotSource } from './index-snapshot';

/** Every row of the four tables and the loaded bundle's version and fold map; undefined when nothing is loaded. */
export async function readIndex(db: PolicyLensDb): Promise<SnapshotSource | undefined> {
  const [meta, documents, clauses, targets, terms] = await Promise.all([
    db.meta.get('bundle'),
    db.documents.toArray(),
    db.clauses.toArray(),
    db.targets.toArray(),
    db.terms.toArray(),
  ]);
  if (!meta) return undefined;
  return { version: meta.version, documents, clauses, targets, terms, foldMap: meta.foldMap };
}
