// The library in IndexedDB (fake-indexeddb): the upgrade from the schema an
// installed release has, adding, switching, renaming and removing documents,
// the term table merged across documents, limits and every refusal leaving
// the library as it was, and the backup file's round trip.

import { readFileSync } from 'node:fs';
import Dexie, { type DBCore } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyseTexts } from '@/lib/document/analyse-text';
import { buildTraditionalTable } from '@/lib/document/traditional-table';
import { buildIndex } from '@/lib/store/build-index';
import { openPolicyLensDb, type PolicyLensDb } from '@/lib/store/db';
import { loadBundle } from '@/lib/store/load-bundle';
import { readIndex, rereadDocument } from '@/lib/store/read-index';
import { clauseCard, clauseView, countsOfSnapshot, createSnapshot, libraryList, type IndexSnapshot } from '@/lib/store/index-snapshot';
import { addText, MAX_DOCUMENTS, removeDocument, renameDocument, setDocumentEnabled, type Analyse } from '@/lib/store/library';
import { exportLibrary, importLibrary, parseBackup } from '@/lib/store/library-backup';
import { LibraryError, type LibraryErrorCode } from '@/lib/store/library-error';
import type { IndexBundle, Term } from '@/lib/model';
import { TERM_FACTS } from '@/lib/document/term-facts';

const SEED = '000_59795ae4144a4d73.txt';
const traditional = buildTraditionalTable();
const analyse: Analyse = (input) => analyseTexts([input], { facts: TERM_FACTS, traditional });
const fixture = (name: string) => readFileSync(`tests/fixtures/documents/${name}`, 'utf8');
const REPORT_2025 = fixture('tianjin-2025-work-report.txt');
const PLAN_2025 = fixture('tianjin-2025-plan-report.txt');
const aliases = JSON.parse(readFileSync('seeds/metric-aliases.json', 'utf8'));

let bundle: IndexBundle;
const opened: PolicyLensDb[] = [];
let counter = 0;

beforeAll(async () => {
  bundle = await buildIndex([{ name: SEED, text: readFileSync(`seeds/${SEED}`, 'utf8') }], TERM_FACTS, traditional);
}, 60_000);

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function freshLibrary(name = `policy-lens-library-${counter++}`): Promise<PolicyLensDb> {
  const db = openPolicyLensDb(name);
  opened.push(db);
  await loadBundle(db, bundle);
  return db;
}

async function snapshotOf(db: PolicyLensDb): Promise<IndexSnapshot> {
  return createSnapshot((await readIndex(db))!, { traditional, aliases });
}

/** Every row of every table: what "the library is unchanged" compares. */
async function everything(db: PolicyLensDb) {
  const tables = ['documents', 'clauses', 'targets', 'terms', 'library', 'texts', 'meta'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()])));
}

/** Rows read from IndexedDB come in key order, a bundle's in reading order. */
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
/** What the term table holds of each entry (a row's store fields such as `bundle` aside), by id. */
const asTable = (terms: readonly Term[]) =>
  byId(terms.map(({ id, term, forms, related, clauseIds, targetIds, figure }) => ({ id, term, forms, related, clauseIds, targetIds, figure })));

async function refusal(work: Promise<unknown>): Promise<LibraryErrorCode> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryError);
    return (error as LibraryError).code;
  }
  throw new Error('the change was not refused');
}

describe('the upgrade from the schema of an installed release (version 1)', () => {
  it('keeps the bundle’s rows, the meta row and a reader’s row, and gives each term row its document', async () => {
    const name = `policy-lens-upgrade-${counter++}`;
    // Version 1 as an installed release created it, filled as its loadBundle did.
    const old = new Dexie(name);
    old.version(1).stores({
      documents: 'id, kind, order, bundle',
      clauses: 'id, docId, [docId+order], sectionId, *tokens, bundle',
      targets: 'id, clauseId, docId, metric, kind, bundle',
      terms: 'id, &term, kind, *clauseIds, bundle',
      meta: 'key',
    });
    const stamp = <T,>(rows: T[]) => rows.map((row) => ({ ...row, bundle: bundle.version }));
    await old.table('documents').bulkPut(stamp(bundle.documents));
    await old.table('clauses').bulkPut(stamp(bundle.clauses));
    await old.table('targets').bulkPut([...stamp(bundle.targets), { ...bundle.targets[0]!, id: 'reader-note' }]);
    await old.table('terms').bulkPut(stamp(bundle.terms));
    const meta = { key: 'bundle', version: bundle.version, loadedAt: 1, loadMs: 5, counts: {}, foldMap: bundle.foldMap };
    await old.table('meta').put(meta);
    old.close();

    const db = openPolicyLensDb(name);
    opened.push(db);
    expect(await db.documents.count()).toBe(bundle.documents.length);
    expect(await db.clauses.count()).toBe(bundle.clauses.length);
    expect(await db.targets.count()).toBe(bundle.targets.length + 1);
    expect(await db.targets.get('reader-note')).toBeDefined();
    expect(await db.meta.get('bundle')).toEqual(meta);
    const terms = await db.terms.toArray();
    expect(terms).toHaveLength(bundle.terms.length);
    const docOf = new Map(bundle.clauses.map((c) => [c.id, c.docId]));
    for (const term of terms) expect(term.docId).toBe(docOf.get(term.clauseIds[0]!));
    expect(await db.terms.where('docId').equals(bundle.documents[1]!.id).count()).toBeGreaterThan(0);

    // The same bundle is not loaded again, and the extension answers as before the upgrade.
    expect((await loadBundle(db, bundle)).loaded).toBe(false);
    const snapshot = await snapshotOf(db);
    expect(asTable(snapshot.terms)).toEqual(asTable(createSnapshot(bundle).terms));
    expect(snapshot.foldMap).toEqual(bundle.foldMap);
  });
});

describe('adding a document', () => {
  it('writes its rows with its id, term rows of its own, and answers the same id for the same text', async () => {
    const db = await freshLibrary();
    const first = await addText(db, { title: '', text: REPORT_2025, source: 'https://www.tj.gov.cn/2025.html' }, analyse);
    expect(first).toMatchObject({ added: true, counts: { clauses: 63 } });
    const { documentId } = first;
    expect(await db.clauses.where('docId').equals(documentId).count()).toBe(first.counts.clauses);
    expect(await db.targets.where('docId').equals(documentId).count()).toBe(first.counts.targets);
    const terms = await db.terms.where('docId').equals(documentId).toArray();
    expect(terms).toHaveLength(first.counts.terms);
    // 高标准农田 is the bundle's term and this document's: two rows, two ids.
    const farmland = await db.terms.where('term').equals('高标准农田').toArray();
    expect(farmland.map((t) => t.docId).sort()).toEqual([bundle.documents[0]!.id, documentId].sort());
    expect(new Set(farmland.map((t) => t.id)).size).toBe(2);
    expect(await db.texts.get(documentId)).toEqual({ docId: documentId, text: REPORT_2025 });

    // The same text again, with other line endings and another title: the same document, nothing written.
    const before = await everything(db);
    const again = await addText(db, { title: '另一个名字', text: `\n${REPORT_2025.replace(/\n/g, '\r\n')}  ` }, analyse);
    expect(again).toEqual({ ...first, added: false });
    expect(first.title).toBe('2025年天津市政府工作报告');
    expect(await everything(db)).toEqual(before);
  });

  it('merges a shared term into one entry whose card steps through both documents, bundle first', async () => {
    const db = await freshLibrary();
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    const snapshot = await snapshotOf(db);
    const entries = snapshot.terms.filter((t) => t.term === '高标准农田');
    expect(entries).toHaveLength(1);
    const bundled = bundle.terms.find((t) => t.term === '高标准农田')!;
    expect(entries[0]!.id).toBe(bundled.id);
    const first = clauseCard(snapshot, entries[0]!.id, 0)!;
    expect(first.view.docTitle).toBe('2024年天津市政府工作报告');
    const last = clauseCard(snapshot, entries[0]!.id, first.total - 1)!;
    expect(last.view.clause.docId).toBe(documentId);
    expect(last.view.docTitle).toBe('2025年天津市政府工作报告');
    expect(first.total).toBe(bundled.clauseIds.length + (await db.terms.where('docId').equals(documentId).filter((t) => t.term === '高标准农田').first())!.clauseIds.length);
    // A term of the new document alone has an entry, with a card from it.
    const platform = snapshot.terms.find((t) => t.term === '津链通')!;
    expect(clauseCard(snapshot, platform.id, 0)!.view.clause.text).toContain('津链通');
    // Its characters are folded too: a traditional page's 鏈 meets 链.
    expect(snapshot.foldMap['鏈']).toBe('链');
    expect(countsOfSnapshot(snapshot).documents).toBe(3);
  });

  it('refuses bad input with its reason, the library unchanged', async () => {
    const db = await freshLibrary();
    const before = await everything(db);
    const cases: [string, LibraryErrorCode][] = [
      ['', 'empty'],
      [' \n\u3000 ', 'empty'],
      ['一、总体要求。抓好落实。', 'too-short'],
      [`${'\u0000\u0001PK\u0003\u0004'.repeat(50)}${'文字'.repeat(40)}`, 'binary'],
      [`本报讯 ${'昨日，市商务局发布消息称，我市消费市场持续回暖，多个商圈客流明显增长。'.repeat(5)}`, 'no-structure'],
      ['一'.repeat(5 * 1024 * 1024 / 3 + 10), 'too-large'],
    ];
    for (const [text, code] of cases) expect(await refusal(addText(db, { title: '', text }, analyse)), code).toBe(code);
    expect(await everything(db)).toEqual(before);
  });

  it('refuses a 50 MB text at once, without reading it', async () => {
    const db = await freshLibrary();
    const huge = '天'.repeat(50 * 1024 * 1024);
    let analysed = false;
    const code = await refusal(addText(db, { title: '', text: huge }, async (input) => ((analysed = true), analyse(input))));
    expect(code).toBe('too-large');
    expect(analysed).toBe(false);
  });

  it('takes at most 50 documents', async () => {
    const db = await freshLibrary();
    // Fill the library to its limit with rows of one small document under other ids.
    const { documentId } = await addText(db, { title: '', text: PLAN_2025 }, analyse);
    const doc = (await db.documents.get(documentId))!;
    const fillers = Array.from({ length: MAX_DOCUMENTS - 3 }, (_, i) => ({ ...doc, id: `filler-${i}`, order: 10 + i }));
    await db.documents.bulkAdd(fillers);
    expect(await db.documents.count()).toBe(MAX_DOCUMENTS);
    const before = await everything(db);
    expect(await refusal(addText(db, { title: '', text: REPORT_2025 }, analyse))).toBe('too-many');
    expect(await everything(db)).toEqual(before);
  });

  it('writes nothing when the disk is full (QuotaExceededError), and says so', async () => {
    const name = `policy-lens-full-${counter++}`;
    const db = await freshLibrary(name);
    db.close();
    let full = false;
    const filling = openPolicyLensDb(name);
    opened.push(filling);
    filling.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          // Full when the targets are written: the document's row and its clauses went in before, in the same transaction.
          return {
            ...table,
            mutate: (req) =>
              full && tableName === 'targets'
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(req),
          };
        },
      }),
    });
    const before = await everything(filling);
    full = true;
    const error = await addText(filling, { title: '', text: REPORT_2025 }, analyse).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect((error as LibraryError).code).toBe('storage-full');
    full = false;
    expect(await everything(filling)).toEqual(before);
  });
});

describe('figures compared across documents', () => {
  it('answers the card of the bundled 实际使用外资 clause with the 2025 report’s result and target beside it, while that report is on', async () => {
    const db = await freshLibrary();
    const clause = bundle.clauses.find((c) => c.text.includes('全年实际使用外资50亿美元'))!;
    expect(clauseView(await snapshotOf(db), clause.id)!.comparisons).toBeUndefined();
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    const view = clauseView(await snapshotOf(db), clause.id)!;
    const foreign = view.comparisons!.find((s) => s.metric === '实际使用外资')!;
    expect(foreign.points.map((p) => [p.year, p.kind, p.value, p.unit, p.qualifier, p.docTitle])).toEqual([
      [2024, 'commitment', 50, '亿美元', '全年', '2024年天津市政府工作报告'],
      [2024, 'result', 52.6, '亿美元', '全年', '2025年天津市政府工作报告'],
      [2025, 'commitment', 55, '亿美元', '全年', '2025年天津市政府工作报告'],
    ]);
    await setDocumentEnabled(db, documentId, false);
    expect(clauseView(await snapshotOf(db), clause.id)!.comparisons).toBeUndefined();
  });
});

describe('the snapshot after a change', () => {
  it('made from the changed document’s rows read again is the one the whole library read again gives', async () => {
    const db = await freshLibrary();
    let source = (await readIndex(db))!;
    const same = async (docId: string) => {
      source = await rereadDocument(db, source, docId);
      const whole = createSnapshot((await readIndex(db))!, { traditional, aliases });
      const patched = createSnapshot(source, { traditional, aliases });
      expect(libraryList(patched)).toEqual(libraryList(whole));
      expect(countsOfSnapshot(patched)).toEqual(countsOfSnapshot(whole));
      expect(asTable(patched.terms)).toEqual(asTable(whole.terms));
      expect(patched.foldMap).toEqual(whole.foldMap);
      expect([...patched.seriesByTarget.keys()].sort()).toEqual([...whole.seriesByTarget.keys()].sort());
    };
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    await same(documentId);
    const plan = await addText(db, { title: '', text: PLAN_2025 }, analyse);
    await same(plan.documentId);
    await setDocumentEnabled(db, bundle.documents[0]!.id, false);
    await same(bundle.documents[0]!.id);
    await renameDocument(db, documentId, '新名字');
    await same(documentId);
    await removeDocument(db, plan.documentId);
    await same(plan.documentId);
  });
});

describe('switching, renaming and removing', () => {
  it('switches a document off: its own terms leave the table, shared ones keep the other documents’ clauses', async () => {
    const db = await freshLibrary();
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    await setDocumentEnabled(db, documentId, false);
    const snapshot = await snapshotOf(db);
    const table = snapshot;
    expect(table.terms.find((t) => t.term === '津链通')).toBeUndefined();
    expect(asTable(table.terms)).toEqual(asTable(createSnapshot(bundle).terms));
    expect(countsOfSnapshot(snapshot)).toEqual(countsOfSnapshot(createSnapshot(bundle)));
    expect(libraryList(snapshot).find((d) => d.id === documentId)).toMatchObject({ enabled: false, bundled: false });

    // The bundled report switched off instead: only the added document's clauses are left for 高标准农田.
    await setDocumentEnabled(db, documentId, true);
    await setDocumentEnabled(db, bundle.documents[0]!.id, false);
    const other = await snapshotOf(db);
    const farmland = other.terms.find((t) => t.term === '高标准农田')!;
    expect(clauseCard(other, farmland.id, 0)!.view.clause.docId).toBe(documentId);
    expect(other.terms.find((t) => t.term === '津治通')).toBeDefined();
    expect(other.terms.find((t) => t.term === '长护险')).toBeUndefined();
  });

  it('renames a document (the card and the list name it so) and gives the text’s title back for ""', async () => {
    const db = await freshLibrary();
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    await renameDocument(db, documentId, '  天津2025报告  ');
    let snapshot = await snapshotOf(db);
    expect(libraryList(snapshot).find((d) => d.id === documentId)!.title).toBe('天津2025报告');
    const platform = snapshot.terms.find((t) => t.term === '津链通')!;
    expect(clauseCard(snapshot, platform.id, 0)!.view.docTitle).toBe('天津2025报告');
    await renameDocument(db, documentId, '');
    snapshot = await snapshotOf(db);
    expect(libraryList(snapshot).find((d) => d.id === documentId)!.title).toBe('2025年天津市政府工作报告');
    expect(await refusal(renameDocument(db, documentId, '名'.repeat(201)))).toBe('bad-title');
    expect(await refusal(renameDocument(db, 'no-such-document', 'x'))).toBe('unknown-document');
  });

  it('removes an added document and every row of it; the bundled report cannot be removed', async () => {
    const db = await freshLibrary();
    const before = await everything(db);
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    await setDocumentEnabled(db, documentId, false);
    await removeDocument(db, documentId);
    expect(await everything(db)).toEqual(before);
    expect(await refusal(removeDocument(db, bundle.documents[0]!.id))).toBe('bundled');
    expect(await refusal(removeDocument(db, documentId))).toBe('unknown-document');
    expect(await everything(db)).toEqual(before);
  });

  it('keeps the reader’s choices and added documents when a new bundle is loaded (an update)', async () => {
    const db = await freshLibrary();
    const { documentId } = await addText(db, { title: '', text: REPORT_2025 }, analyse);
    await setDocumentEnabled(db, bundle.documents[1]!.id, false);
    await renameDocument(db, bundle.documents[0]!.id, '2024报告');
    await loadBundle(db, { ...bundle, version: `${bundle.version}+next` });
    const list = libraryList(await snapshotOf(db));
    expect(list.map((d) => [d.title, d.enabled, d.bundled])).toEqual([
      ['2024报告', true, true],
      ['做优做强高品质网络、高品质产品、高品质服务', false, true],
      ['2025年天津市政府工作报告', true, false],
    ]);
    expect(list[2]!.id).toBe(documentId);
    expect(list[2]!.counts.clauses).toBe(63);
  });
});

describe('the backup file', () => {
  it('exports the whole library and imports it into another browser’s library as it was', async () => {
    const db = await freshLibrary();
    const report = await addText(db, { title: '', text: REPORT_2025, source: 'https://www.tj.gov.cn/2025.html' }, analyse, 1_700_000_000_000);
    const plan = await addText(db, { title: '计划报告', text: PLAN_2025, source: 'plan.txt' }, analyse, 1_700_000_000_001);
    await setDocumentEnabled(db, plan.documentId, false);
    await renameDocument(db, bundle.documents[0]!.id, '2024报告');
    await setDocumentEnabled(db, bundle.documents[1]!.id, false);
    const file = JSON.stringify(await exportLibrary(db));
    expect(JSON.parse(file)).toMatchObject({ format: 'policy-lens-library', version: 1 });

    const other = await freshLibrary();
    const result = await importLibrary(other, parseBackup(file), analyse);
    expect(result).toEqual({ added: 2, updated: 2 });
    // A switch that was never touched and one set on are the same choice.
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ bundle: _b, ...row }) => ('docId' in row && !('text' in row) ? { ...row, enabled: row.enabled ?? true } : row));
    for (const table of ['documents', 'clauses', 'targets', 'terms', 'library', 'texts'] as const) {
      expect(strip(await other.table(table).toArray()), table).toEqual(strip(await db.table(table).toArray()));
    }
    expect(libraryList(await snapshotOf(other))).toEqual(libraryList(await snapshotOf(db)));
    expect(report.documentId).not.toBe(plan.documentId);

    // Imported again: nothing new, the same library.
    const before = await everything(other);
    expect(await importLibrary(other, parseBackup(file), analyse)).toEqual({ added: 0, updated: 4 });
    expect(await everything(other)).toEqual(before);
  });

  it('refuses a broken file with a sentence naming what is wrong, writing nothing', async () => {
    const db = await freshLibrary();
    await addText(db, { title: '', text: REPORT_2025 }, analyse);
    const good = await exportLibrary(db);
    const before = await everything(db);
    const broken: [string, LibraryErrorCode, RegExp][] = [
      ['{"format": "policy-lens-library", "documents": [', 'backup-not-json', /not JSON/],
      ['[1, 2, 3]', 'backup-format', /not a PolicyLens library backup/],
      [JSON.stringify({ ...good, format: 'other' }), 'backup-format', /not a PolicyLens library backup/],
      [JSON.stringify({ ...good, version: 9 }), 'backup-version', /newer PolicyLens \(format 9\)/],
      [JSON.stringify({ ...good, documents: [good.documents[2], { ...good.documents[2], text: 42 }] }), 'backup-entry', /Document 2 .* damaged: text/],
      [JSON.stringify({ ...good, documents: [{ ...good.documents[2], text: '一、总体要求。' }] }), 'backup-entry', /Document 1 .*too short|has \d+ characters/],
    ];
    for (const [file, code, sentence] of broken) {
      let error: unknown;
      try {
        await importLibrary(db, parseBackup(file), analyse);
      } catch (e) {
        error = e;
      }
      expect((error as LibraryError).code, file.slice(0, 60)).toBe(code);
      expect((error as LibraryError).message).toMatch(sentence);
    }
    expect(await everything(db)).toEqual(before);
  });
});
