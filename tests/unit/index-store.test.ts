// The background's index store when IndexedDB fails in the ways a reader's
// browser can make it fail: a full disk (the quota exceeded on write) and no
// IndexedDB at all. The status must say which, the snapshot must still come
// from the bundle (so highlighting and search keep working), and a rebuild
// once the cause is gone must recover. The corrupt database is tested in the
// browser (popup-index-failure.browser.test.ts); Chromium does not apply a
// quota override to an extension's origin, so the full disk is made here, in
// Dexie's storage layer, where a real QuotaExceededError would arise.

import { readFileSync } from 'node:fs';
import Dexie, { type DBCore } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIndexStore } from '@/entrypoints/background/index-store';
import { buildIndex } from '@/lib/store/build-index';
import { openPolicyLensDb, type PolicyLensDb } from '@/lib/store/db';
import { termTable } from '@/lib/store/index-snapshot';
import { termNameIn, type TermTable } from '@/lib/messages';

/** Every term of the bundle is named in the table's names. */
const namesAll = (table: TermTable) => bundle.terms.every((t) => termNameIn(table.names, t.id) === t.term);
import type { IndexBundle } from '@/lib/model';

let bundle: IndexBundle;
const opened: PolicyLensDb[] = [];
let name = 0;

beforeAll(async () => {
  const seed = readFileSync('seeds/000_59795ae4144a4d73.txt', 'utf8');
  bundle = await buildIndex([{ name: '000_59795ae4144a4d73.txt', text: seed }]);
});

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A database whose writes fail as a full disk makes them fail, while `full()` says so. */
function diskThatFills(full: () => boolean): () => PolicyLensDb {
  const dbName = `policy-lens-store-test-${name++}`;
  return () => {
    const db = openPolicyLensDb(dbName);
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) =>
              full() ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req),
          };
        },
      }),
    });
    opened.push(db);
    return db;
  };
}

describe('index store when IndexedDB fails', () => {
  it('says the disk is full, answers from the bundle, and a rebuild recovers once there is room', async () => {
    let full = true;
    const store = createIndexStore(bundle, diskThatFills(() => full));
    const snapshot = await store.ready();
    expect(store.status()).toMatchObject({ state: 'failed', fallback: true, version: bundle.version });
    expect(store.status().error).toMatch(/^IndexedDB is full \(quota exceeded\)/);
    // Highlighting reads the term table: all of it, from the bundle.
    expect(namesAll(termTable(snapshot))).toBe(true);

    full = false;
    const after = await store.rebuild();
    expect(after).toMatchObject({ state: 'ready', fallback: false, counts: store.status().counts });
    expect(after.error).toBeUndefined();
    expect(namesAll(termTable(await store.ready()))).toBe(true);
  });

  it('says IndexedDB is unavailable when the browser has none, and still answers from the bundle', async () => {
    const store = createIndexStore(bundle, () => {
      const db = openPolicyLensDb(`policy-lens-store-test-${name++}`, { indexedDB: undefined, IDBKeyRange: undefined });
      opened.push(db);
      return db;
    });
    const snapshot = await store.ready();
    expect(store.status()).toMatchObject({ state: 'failed', fallback: true });
    expect(store.status().error).toMatch(/^IndexedDB is unavailable/);
    expect(namesAll(termTable(snapshot))).toBe(true);
  });
});
