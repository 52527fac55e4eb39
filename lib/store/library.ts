// The reader's library: documents added beside the bundled report, switched
// on or off, renamed, removed. Every change is one IndexedDB transaction, so a
// failure (a full disk, a closed database) leaves the library as it was; the
// same text added twice is one document (its content hash); the bundled
// documents can be switched off and renamed but not removed.

import type { AnalysedText, TextInput } from '../document/analyse-text';
import type { DocumentCounts } from '../messages';
import { ReadError } from '../document/read-document';
import { stableId } from '../document/stable-id';
import { checkText } from './check-text';
import type { ClauseRow, DocumentRow, LibraryRow, PolicyLensDb, TargetRow, TermRow, TextRow } from './db';
import { LibraryError, storageError } from './library-error';

/** At most this many documents, the bundled ones included. */
export const MAX_DOCUMENTS = 50;
/** A document's name is at most this long. */
export const MAX_TITLE_LENGTH = 200;

export interface AddTextInput {
  /** The reader's name for the document; '' takes the title the text prints. */
  title: string;
  text: string;
  /** Where the text came from: a page's address, a file name; 'paste' when absent. */
  source?: string;
}

export interface AddResult {
  documentId: string;
  /** The document's name as the library shows it. */
  title: string;
  counts: DocumentCounts;
  /** False when the library already held this text. */
  added: boolean;
}

/** The rows of one document, read and ready to be written. */
export interface PreparedDocument {
  document: DocumentRow;
  clauses: ClauseRow[];
  targets: TargetRow[];
  terms: TermRow[];
  library: LibraryRow;
  text: TextRow;
}

/** The pipeline, as the caller runs it (the background with its jieba, a test with Node's). */
export type Analyse = (input: TextInput) => Promise<AnalysedText>;

const LIBRARY_TABLES = ['documents', 'clauses', 'targets', 'terms', 'library', 'texts'] as const;

/** The same text, whatever its line endings and surrounding space, is the same document. */
export function contentHashOf(text: string): string {
  return stableId('text', text.replace(/\r\n?/g, '\n').trim());
}

function countsOf(prepared: Pick<PreparedDocument, 'clauses' | 'targets' | 'terms'>): DocumentCounts {
  return { clauses: prepared.clauses.length, targets: prepared.targets.length, terms: prepared.terms.length };
}

/** The name the library shows for a stored document: the reader's, else the text's. */
async function storedTitle(db: PolicyLensDb, docId: string): Promise<string> {
  const [row, choice] = await Promise.all([db.documents.get(docId), db.library.get(docId)]);
  return choice?.title ?? row?.title ?? '';
}

async function storedCounts(db: PolicyLensDb, docId: string): Promise<DocumentCounts> {
  const [clauses, targets, terms] = await Promise.all([
    db.clauses.where('docId').equals(docId).count(),
    db.targets.where('docId').equals(docId).count(),
    db.terms.where('docId').equals(docId).count(),
  ]);
  return { clauses, targets, terms };
}

/** The document already holding this text, if any. */
async function documentWithText(db: PolicyLensDb, contentHash: string): Promise<string | undefined> {
  return (await db.library.where('contentHash').equals(contentHash).first())?.docId;
}

/** Runs a change of the library as one transaction; an IndexedDB failure comes out as a LibraryError. */
async function change<T>(db: PolicyLensDb, work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', [...LIBRARY_TABLES.map((name) => db.table(name))], work);
  } catch (error) {
    throw storageError(error);
  }
}

/** Checks a text and reads it into the rows of one document; throws a LibraryError saying why it cannot be added. */
export async function prepareText(input: AddTextInput, analyse: Analyse, now: number = Date.now()): Promise<PreparedDocument> {
  checkText(input.text);
  const contentHash = contentHashOf(input.text);
  const source = input.source?.trim() || 'paste';
  const title = input.title.trim().slice(0, MAX_TITLE_LENGTH);
  let analysed: AnalysedText;
  try {
    analysed = await analyse({ text: input.text, source, mode: 'text', idPrefix: `text:${contentHash}`, ...(title ? { title } : {}) });
  } catch (error) {
    if (error instanceof ReadError) {
      throw new LibraryError('no-structure', `This is not a document of clauses (${error.message}); nothing was added.`);
    }
    throw error;
  }
  const [document] = analysed.documents;
  if (!document || analysed.documents.length !== 1) throw new Error(`an added text must read as one document, not ${analysed.documents.length}`);
  const docId = document.id;
  return {
    document,
    clauses: analysed.clauses,
    targets: analysed.targets,
    // Two documents may print the same term: each document's row has an id of its own.
    terms: analysed.terms.map((term) => ({ ...term, id: stableId(docId, 'term', term.term), docId })),
    library: { docId, addedAt: now, contentHash, source },
    text: { docId, text: input.text },
  };
}

/**
 * Writes prepared documents in one transaction: all of them or, on any
 * failure, none. A document whose text the library already holds is not
 * written again; its id is answered. `choices` are applied to documents
 * already there (a backup restores names and switches).
 */
export async function writeDocuments(
  db: PolicyLensDb,
  prepared: readonly PreparedDocument[],
  choices: readonly LibraryRow[] = [],
): Promise<AddResult[]> {
  return change(db, async () => {
    const results: AddResult[] = [];
    const fresh: PreparedDocument[] = [];
    for (const doc of prepared) {
      const existing = await documentWithText(db, doc.library.contentHash!);
      const repeated = fresh.find((f) => f.library.contentHash === doc.library.contentHash);
      if (existing) {
        results.push({ documentId: existing, title: await storedTitle(db, existing), counts: await storedCounts(db, existing), added: false });
      } else if (repeated) {
        results.push({ documentId: repeated.document.id, title: repeated.document.title, counts: countsOf(repeated), added: false });
      } else {
        fresh.push(doc);
        results.push({ documentId: doc.document.id, title: doc.document.title, counts: countsOf(doc), added: true });
      }
    }
    const count = await db.documents.count();
    if (count + fresh.length > MAX_DOCUMENTS) {
      throw new LibraryError(
        'too-many',
        `The library holds ${count} documents; it takes at most ${MAX_DOCUMENTS}. Remove one before adding another.`,
        [String(count), String(MAX_DOCUMENTS)],
      );
    }
    let order = ((await db.documents.orderBy('order').last())?.order ?? -1) + 1;
    for (const doc of fresh) {
      await db.documents.add({ ...doc.document, order: order++ });
      await db.clauses.bulkAdd(doc.clauses);
      await db.targets.bulkAdd(doc.targets);
      await db.terms.bulkAdd(doc.terms);
      await db.library.put(doc.library);
      await db.texts.put(doc.text);
    }
    for (const { title, ...choice } of choices) {
      const row = await db.documents.get(choice.docId);
      if (!row) continue;
      const { title: _own, ...current } = (await db.library.get(choice.docId)) ?? { docId: choice.docId };
      // A name that is the document's own title is no rename: a later bundle may retitle it.
      await db.library.put({ ...current, ...choice, ...(title && title !== row.title ? { title } : {}) });
    }
    return results;
  });
}

/** Adds a text as a document, or answers the document that already holds it. */
export async function addText(db: PolicyLensDb, input: AddTextInput, analyse: Analyse, now?: number): Promise<AddResult> {
  checkText(input.text);
  const known = await documentWithText(db, contentHashOf(input.text)).catch((error: unknown) => {
    throw storageError(error);
  });
  if (known) return { documentId: known, title: await storedTitle(db, known), counts: await storedCounts(db, known), added: false };
  const [result] = await writeDocuments(db, [await prepareText(input, analyse, now)]);
  return result!;
}

async function documentRow(db: PolicyLensDb, docId: string): Promise<DocumentRow> {
  const row = await db.documents.get(docId);
  if (!row) throw new LibraryError('unknown-document', `There is no document ${docId} in the library.`, [docId]);
  return row;
}

/** Removes an added document and every row of it. The bundled documents cannot be removed (switch them off instead). */
export async function removeDocument(db: PolicyLensDb, docId: string): Promise<void> {
  await change(db, async () => {
    const row = await documentRow(db, docId);
    if (row.bundle !== undefined) {
      throw new LibraryError('bundled', `${row.title} comes with PolicyLens and cannot be removed; switch it off instead.`, [row.title]);
    }
    await db.clauses.where('docId').equals(docId).delete();
    await db.targets.where('docId').equals(docId).delete();
    await db.terms.where('docId').equals(docId).delete();
    await db.documents.delete(docId);
    await db.library.delete(docId);
    await db.texts.delete(docId);
  });
}

/** Switches a document on or off: off, its terms are not highlighted. */
export async function setDocumentEnabled(db: PolicyLensDb, docId: string, enabled: boolean): Promise<void> {
  await change(db, async () => {
    await documentRow(db, docId);
    const current = await db.library.get(docId);
    await db.library.put({ ...current, docId, enabled });
  });
}

/** Gives a document the reader's name; '' goes back to the title the text gives. */
export async function renameDocument(db: PolicyLensDb, docId: string, title: string): Promise<void> {
  const name = title.trim();
  if (name.length > MAX_TITLE_LENGTH) {
    throw new LibraryError('bad-title', `A document's name is at most ${MAX_TITLE_LENGTH} characters.`, [String(MAX_TITLE_LENGTH)]);
  }
  await change(db, async () => {
    await documentRow(db, docId);
    const { title: _old, ...current } = (await db.library.get(docId)) ?? { docId };
    await db.library.put(name ? { ...current, docId, title: name } : { ...current, docId });
  });
}
