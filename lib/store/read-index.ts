// Reads the loaded index back out of IndexedDB: what the background's
// snapshot and the report view are made from. The reader's choices (library
// rows) are applied here: a document's own name, whether it is on.

import type { PolicyLensDb } from './db';
import type { SnapshotSource } from './index-snapshot';

/** Every row of the four tables with the reader's choices, and the loaded bundle's version and fold map; undefined when nothing is loaded. */
export async function readIndex(db: PolicyLensDb): Promise<SnapshotSource | undefined> {
  const [meta, documents, clauses, targets, terms, library] = await Promise.all([
    db.meta.get('bundle'),
    db.documents.toArray(),
    db.clauses.toArray(),
    db.targets.toArray(),
    db.terms.toArray(),
    db.library.toArray(),
  ]);
  if (!meta) return undefined;
  const choices = new Map(library.map((row) => [row.docId, row]));
  return {
    version: meta.version,
    documents: documents.map((doc) => {
      const choice = choices.get(doc.id);
      return {
        ...doc,
        title: choice?.title ?? doc.title,
        enabled: choice?.enabled ?? true,
        bundled: doc.bundle !== undefined,
        ...(choice?.addedAt !== undefined ? { addedAt: choice.addedAt } : {}),
      };
    }),
    clauses,
    targets,
    terms,
    foldMap: meta.foldMap,
  };
}
