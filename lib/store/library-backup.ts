// The whole library in one versioned JSON file, and back: a backup, or the
// way to another browser. Added documents travel as their texts (read again
// on import by the pipeline of the release that imports them), the bundled
// documents as the reader's choices only. A file is checked whole before
// anything is read or written, and a restore is one transaction: a broken
// file or a full disk leaves the library as it was.

import type { PolicyLensDb, LibraryRow } from './db';
import { contentHashOf, MAX_DOCUMENTS, MAX_TITLE_LENGTH, prepareText, writeDocuments, type Analyse, type PreparedDocument } from './library';
import { LibraryError, storageError } from './library-error';
import { MAX_TEXT_BYTES } from './check-text';

export const BACKUP_FORMAT = 'policy-lens-library';
/** Raised when the file's shape changes; a file of a newer version is refused with a sentence saying so. */
export const BACKUP_VERSION = 1;

export interface BackupDocument {
  id: string;
  title: string;
  enabled: boolean;
  /** A bundled document travels as the reader's choices; an added one with its text. */
  bundled: boolean;
  text?: string;
  source?: string;
  addedAt?: number;
}

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  documents: BackupDocument[];
}

export async function exportLibrary(db: PolicyLensDb, now: Date = new Date()): Promise<LibraryBackup> {
  try {
    return await db.transaction('r', [db.documents, db.library, db.texts], async () => {
      const [documents, library, texts] = await Promise.all([db.documents.toArray(), db.library.toArray(), db.texts.toArray()]);
      const choices = new Map(library.map((row) => [row.docId, row]));
      const textOf = new Map(texts.map((row) => [row.docId, row.text]));
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: now.toISOString(),
        documents: documents
          .sort((a, b) => a.order - b.order)
          .map((doc): BackupDocument => {
            const choice = choices.get(doc.id);
            const base = { id: doc.id, title: choice?.title ?? doc.title, enabled: choice?.enabled ?? true };
            if (doc.bundle !== undefined) return { ...base, bundled: true };
            return { ...base, bundled: false, text: textOf.get(doc.id) ?? '', source: choice?.source ?? doc.source, addedAt: choice?.addedAt ?? 0 };
          }),
      };
    });
  } catch (error) {
    throw storageError(error);
  }
}

function entryError(index: number, what: string): LibraryError {
  return new LibraryError('backup-entry', `Document ${index + 1} of the backup is damaged: ${what}. Nothing was imported.`, [String(index + 1), what]);
}

function checkEntry(value: unknown, index: number): BackupDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw entryError(index, 'not an object');
  const e = value as Record<string, unknown>;
  if (typeof e.id !== 'string' || e.id.length === 0 || e.id.length > 64) throw entryError(index, 'id');
  if (typeof e.title !== 'string' || e.title.length > MAX_TITLE_LENGTH) throw entryError(index, 'title');
  if (typeof e.enabled !== 'boolean') throw entryError(index, 'enabled');
  if (typeof e.bundled !== 'boolean') throw entryError(index, 'bundled');
  if (e.bundled) return { id: e.id, title: e.title, enabled: e.enabled, bundled: true };
  if (typeof e.text !== 'string' || e.text.length > MAX_TEXT_BYTES) throw entryError(index, 'text');
  if (e.source !== undefined && (typeof e.source !== 'string' || e.source.length > 8192)) throw entryError(index, 'source');
  if (e.addedAt !== undefined && (typeof e.addedAt !== 'number' || !Number.isFinite(e.addedAt))) throw entryError(index, 'addedAt');
  return {
    id: e.id,
    title: e.title,
    enabled: e.enabled,
    bundled: false,
    text: e.text,
    ...(typeof e.source === 'string' ? { source: e.source } : {}),
    ...(typeof e.addedAt === 'number' ? { addedAt: e.addedAt } : {}),
  };
}

/** Reads a backup file's text; throws a LibraryError naming what is wrong with it. */
export function parseBackup(json: string): LibraryBackup {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new LibraryError('backup-not-json', 'This file is not a PolicyLens library backup (it is not JSON). Nothing was imported.');
  }
  const d = data as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || d.format !== BACKUP_FORMAT || !Array.isArray(d.documents)) {
    throw new LibraryError('backup-format', 'This file is not a PolicyLens library backup. Nothing was imported.');
  }
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    throw new LibraryError('backup-format', 'This file is not a PolicyLens library backup. Nothing was imported.');
  }
  if (d.version > BACKUP_VERSION) {
    throw new LibraryError(
      'backup-version',
      `This backup was made by a newer PolicyLens (format ${d.version}); update PolicyLens to import it. Nothing was imported.`,
      [String(d.version)],
    );
  }
  if (d.documents.length > MAX_DOCUMENTS) throw entryError(MAX_DOCUMENTS, `more than ${MAX_DOCUMENTS} documents`);
  return {
    format: BACKUP_FORMAT,
    version: d.version,
    exportedAt: typeof d.exportedAt === 'string' ? d.exportedAt : '',
    documents: d.documents.map(checkEntry),
  };
}

/**
 * Restores a backup: its added documents are read again and written with the
 * choices of every document it names, all in one transaction. A document the
 * library already holds (same text, or a bundled one) takes the backup's
 * name and switch. `onDocument` is told before each document is read.
 */
export async function importLibrary(
  db: PolicyLensDb,
  backup: LibraryBackup,
  analyse: Analyse,
  onDocument?: (index: number, total: number) => void | Promise<void>,
): Promise<{ added: number; updated: number }> {
  const known = new Map<string, string>();
  try {
    for (const row of await db.library.toArray()) if (row.contentHash) known.set(row.contentHash, row.docId);
  } catch (error) {
    throw storageError(error);
  }
  const prepared: PreparedDocument[] = [];
  const choices: LibraryRow[] = [];
  const choose = (docId: string, entry: BackupDocument) => choices.push({ docId, enabled: entry.enabled, ...(entry.title ? { title: entry.title } : {}) });
  for (const [index, entry] of backup.documents.entries()) {
    await onDocument?.(index, backup.documents.length);
    if (entry.bundled) {
      choose(entry.id, entry);
      continue;
    }
    const existing = known.get(contentHashOf(entry.text!));
    if (existing) {
      choose(existing, entry);
      continue;
    }
    try {
      const doc = await prepareText({ title: entry.title, text: entry.text!, source: entry.source ?? 'paste' }, analyse, entry.addedAt || Date.now());
      prepared.push({ ...doc, library: { ...doc.library, enabled: entry.enabled } });
    } catch (error) {
      if (error instanceof LibraryError) throw entryError(index, error.message);
      throw error;
    }
  }
  const results = await writeDocuments(db, prepared, choices);
  return { added: results.filter((r) => r.added).length, updated: choices.length };
}
