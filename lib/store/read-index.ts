// Reads the loaded index back out of IndexedDB: what the background's
// snapshot and the report view are made from. The reader's choices (library
// rows) are applied here: a document's own name, whether it is on.

import type { DocumentRow, LibraryRow, PolicyLensDb } from './db';
import type { LibraryDocument, SnapshotSource } from './index-snapshot';

/** A document row with the reader's choice about it applied. */
function withChoice(doc: DocumentRow, choice: LibraryRow | undefined): LibraryDocument {
  return {
    ...doc,
    title: choice?.title ?? doc.title,
    enabled: choice?.enabled ?? true,
    bundled: doc.bundle !== undefined,
    ...(choice?.addedAt !== undefined ? { addedAt: choice.addedAt } : {}),
  };
}

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
    documents: documents.map((doc) => withChoice(doc, choices.get(doc.id))),
    clauses,
    targets,
    terms,
    foldMap: meta.foldMap,
  };
}

/**
 * The source with one document's rows read again (after it was added,
 * switched or renamed) or dropped (after it was removed): a change of the
 * library costs the rows of the document it changed, not of the whole library.
 */
export async function rereadDocument(db: PolicyLensDb, source: SnapshotSource, docId: string): Promise<SnapshotSource> {
  const [doc, choice, clauses, targets, terms] = await Promise.all([
    db.documents.get(docId),
    db.library.get(docId),
    db.clauses.where('docId').equals(docId).toArray(),
    db.targets.where('docId').equals(docId).toArray(),
    db.terms.where('docId').equals(docId).toArray(),
  ]);
  const others = <T extends { docId?: string }>(rows: T[]) => rows.filter((row) => row.docId !== docId);
  return {
    ...source,
    documents: [...source.documents.filter((d) => d.id !== docId), ...(doc ? [withChoice(doc, choice)] : [])],
    clauses: [...others(source.clauses), ...clauses],
    targets: [...others(source.targets), ...targets],
    terms: [...others(source.terms), ...terms],
  };
}
