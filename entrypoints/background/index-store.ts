// Owns the database: opens `policy-lens`, loads the bundled index on install
// and update (and on rebuild), and keeps an in-memory snapshot that answers
// every request. When IndexedDB is unusable (blocked, quota, corrupt), the
// snapshot comes from the bundle itself, so highlighting keeps working, and the
// status says what failed so the popup can tell the reader and offer a rebuild.

import { openPolicyLensDb, type PolicyLensDb } from '@/lib/store/db';
import { countsOf, loadBundle } from '@/lib/store/load-bundle';
import { readIndex } from '@/lib/store/read-index';
import { createSnapshot, countsOfSnapshot, type IndexSnapshot } from '@/lib/store/index-snapshot';
import type { IndexBundle } from '@/lib/model';
import type { IndexStatus } from '@/lib/messages';

export interface IndexStore {
  /** Resolves with a snapshot once the index is loaded (from the database or, failing that, the bundle). */
  ready(): Promise<IndexSnapshot>;
  status(): IndexStatus;
  rebuild(): Promise<IndexStatus>;
}

/**
 * What the popup tells the reader. Dexie wraps the browser's error (a
 * missing IndexedDB comes as a DatabaseClosedError whose `inner` is the
 * MissingAPIError; a full disk may abort the transaction with the quota
 * error inside), so the cause is looked for down the chain.
 */
function describeFailure(error: unknown): string {
  const chain: Error[] = [];
  for (let at: unknown = error; at instanceof Error && chain.length < 8; at = (at as { inner?: unknown }).inner) chain.push(at);
  const cause = (name: string) => chain.find((e) => e.name === name);
  const quota = cause('QuotaExceededError');
  if (quota) return `IndexedDB is full (quota exceeded): ${quota.message}`;
  const missing = cause('MissingAPIError') ?? cause('InvalidStateError');
  if (missing) return `IndexedDB is unavailable: ${missing.message}`;
  const first = chain[0];
  return `The report index could not be loaded into IndexedDB: ${first ? `${first.name}: ${first.message}` : String(error)}`;
}

export function createIndexStore(bundle: IndexBundle, openDb: () => PolicyLensDb = openPolicyLensDb): IndexStore {
  let current: IndexStatus = {
    state: 'loading',
    version: bundle.version,
    counts: countsOf(bundle),
    fallback: false,
  };
  let pending: Promise<IndexSnapshot> | undefined;

  async function load(force: boolean): Promise<IndexSnapshot> {
    const started = performance.now();
    current = { ...current, state: 'loading', error: undefined };
    let db: PolicyLensDb | undefined;
    try {
      db = openDb();
      await loadBundle(db, bundle, { force });
      const index = await readIndex(db);
      if (!index) throw new Error('the index was loaded but reads back empty');
      const snapshot = createSnapshot(index);
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
      return createSnapshot(bundle);
    } finally {
      db?.close();
    }
  }

  return {
    ready: () => (pending ??= load(false)),
    status: () => current,
    async rebuild() {
      pending = load(true);
      await pending;
      return current;
    },
  };
}
