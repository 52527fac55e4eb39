// Owns the database: opens `policy-lens`, loads the bundled index on install
// and update (and on rebuild), and keeps an in-memory snapshot that answers
// every request. When IndexedDB is unusable (blocked, quota, corrupt), the
// snapshot comes from the bundle itself, so highlighting keeps working, and the
// status says what failed so the popup can tell the reader and offer a rebuild.

import { openPolicyLensDb, type PolicyLensDb } from '@/lib/store/db';
import { countsOf, loadBundle } from '@/lib/store/load-bundle';
import { readIndex, rereadDocument } from '@/lib/store/read-index';
import { createSnapshot, countsOfSnapshot, type IndexSnapshot, type SnapshotOptions, type SnapshotSource } from '@/lib/store/index-snapshot';
import { causeNamed, LibraryError } from '@/lib/store/library-error';
import type { IndexBundle } from '@/lib/model';
import type { IndexStatus } from '@/lib/messages';

export interface IndexStore {
  /** Resolves with a snapshot once the index is loaded (from the database or, failing that, the bundle). */
  ready(): Promise<IndexSnapshot>;
  status(): IndexStatus;
  rebuild(): Promise<IndexStatus>;
  /**
   * Runs a change of the library on the database, one at a time, then makes
   * the snapshot again so every answer after it (term table, cards, counts)
   * includes the change: from the rows of the documents `changed` names, read
   * again, or, without it, from the whole library read again. Refused while
   * the index runs on the bundle alone.
   */
  changeLibrary<T>(work: (db: PolicyLensDb) => Promise<T>, changed?: (result: T) => string[]): Promise<T>;
}

/**
 * What the popup tells the reader. Dexie wraps the browser's error (a
 * missing IndexedDB comes as a DatabaseClosedError whose `inner` is the
 * MissingAPIError; a full disk may abort the transaction with the quota
 * error inside), so the cause is looked for down the chain.
 */
function describeFailure(error: unknown): string {
  const quota = causeNamed(error, 'QuotaExceededError');
  if (quota) return `IndexedDB is full (quota exceeded): ${quota.message}`;
  const missing = causeNamed(error, 'MissingAPIError', 'InvalidStateError');
  if (missing) return `IndexedDB is unavailable: ${missing.message}`;
  return `The report index could not be loaded into IndexedDB: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

export function createIndexStore(
  bundle: IndexBundle,
  openDb: () => PolicyLensDb = openPolicyLensDb,
  options: SnapshotOptions = {},
): IndexStore {
  let current: IndexStatus = {
    state: 'loading',
    version: bundle.version,
    counts: countsOf(bundle),
    fallback: false,
  };
  let pending: Promise<IndexSnapshot> | undefined;
  /** The last library change queued: changes run one after another. */
  let changes: Promise<unknown> = Promise.resolve();
  /** What the current snapshot was made from, when it came from the database. */
  let source: SnapshotSource | undefined;

  async function load(force: boolean): Promise<IndexSnapshot> {
    const started = performance.now();
    current = { ...current, state: 'loading', error: undefined };
    let db: PolicyLensDb | undefined;
    try {
      db = openDb();
      await loadBundle(db, bundle, { force });
      const index = await readIndex(db);
      if (!index) throw new Error('the index was loaded but reads back empty');
      source = index;
      const snapshot = createSnapshot(index, options);
      current = {
        state: 'ready',
        version: index.version,
        counts: countsOfSnapshot(snapshot),
        loadMs: Math.round(performance.now() - started),
        fallback: false,
      };
      return snapshot;
    } catch (error) {
      console.error('PolicyLens: index load failed', error);
      current = {
        state: 'failed',
        version: bundle.version,
        counts: countsOf(bundle),
        error: describeFailure(error),
        fallback: true,
      };
      source = undefined;
      return createSnapshot(bundle);
    } finally {
      db?.close();
    }
  }

  const ready = () => (pending ??= load(false));

  async function applyChange<T>(work: (db: PolicyLensDb) => Promise<T>, changed?: (result: T) => string[]): Promise<T> {
    await ready();
    if (current.state !== 'ready' || !source) {
      throw new LibraryError('storage-unavailable', `The library cannot be changed: ${current.error ?? 'the index is not loaded'}`);
    }
    const db = openDb();
    try {
      const result = await work(db);
      let index: SnapshotSource | undefined = source;
      if (changed) {
        for (const docId of changed(result)) index = await rereadDocument(db, index, docId);
      } else {
        index = await readIndex(db);
      }
      if (!index) throw new Error('the index reads back empty after a change of the library');
      source = index;
      const snapshot = createSnapshot(index, options);
      pending = Promise.resolve(snapshot);
      current = { ...current, counts: countsOfSnapshot(snapshot) };
      return result;
    } finally {
      db.close();
    }
  }

  return {
    ready,
    status: () => current,
    async rebuild() {
      pending = load(true);
      await pending;
      return current;
    },
    changeLibrary(work, changed) {
      const result = changes.then(() => applyChange(work, changed));
      changes = result.catch(() => undefined);
      return result;
    },
  };
}
