import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openPolicyLensDb, type PolicyLensDb } from '@/lib/store/db';
import { loadBundle } from '@/lib/store/load-bundle';
import type { IndexBundle } from '@/lib/model';

function bundleOf(version: string, termTexts: string[]): IndexBundle {
  const doc = {
    id: 'doc1',
    kind: 'work-report' as const,
    title: '2024年天津市政府工作报告',
    region: '天津' as const,
    year: 2024,
    excerpt: true,
    source: 'seed.txt',
    order: 0,
    outline: [],
  };
  const clause = {
    id: 'c1',
    docId: 'doc1',
    partId: 'p',
    sectionId: 's',
    paragraph: 0,
    order: 0,
    text: '全年实际使用外资50亿美元。',
    spans: [[0, 14]] as [number, number][],
    taskTitle: '提高对外开放水平',
    path: ['2024年天津市政府工作报告'],
    tokens: ['外资'],
  };
  return {
    version,
    builtFrom: ['seed.txt'],
    documents: [doc],
    clauses: [clause],
    targets: [
      {
        id: 't1', clauseId: 'c1', docId: 'doc1', metric: '实际使用外资', value: 50, unit: '亿美元',
        qualifier: '全年', kind: 'commitment', text: '50亿美元', offset: 8, order: 0,
      },
    ],
    terms: termTexts.map((term, i) => ({
      id: `term${i}`, term, kind: 'slogan' as const, forms: [term], clauseIds: ['c1'], signal: 'quoted',
    })),
    foldMap: { 資: '资' },
  };
}

let db: PolicyLensDb | undefined;
let name = 0;

function freshDb(): PolicyLensDb {
  db = openPolicyLensDb(`policy-lens-test-${name++}`);
  return db;
}

afterEach(async () => {
  if (db) {
    db.close();
    await Dexie.delete(db.name);
  }
  db = undefined;
});

describe('loadBundle', () => {
  it('writes every table and a meta row with counts', async () => {
    const target = freshDb();
    const { loaded, meta } = await loadBundle(target, bundleOf('v1', ['津治通', '腾笼换鸟']));
    expect(loaded).toBe(true);
    expect(meta.counts).toEqual({ documents: 1, clauses: 1, targets: 1, terms: 2 });
    expect(await target.terms.where('term').equals('津治通').count()).toBe(1);
    expect((await target.targets.get('t1'))?.unit).toBe('亿美元');
    expect((await target.clauses.get('c1'))?.tokens).toEqual(['外资']);
    expect((await target.meta.get('bundle'))?.foldMap).toEqual({ 資: '资' });
  });

  it('changes nothing when the same version is loaded twice', async () => {
    const target = freshDb();
    await loadBundle(target, bundleOf('v1', ['津治通']));
    const before = await target.terms.toArray();
    const second = await loadBundle(target, bundleOf('v1', ['津治通']));
    expect(second.loaded).toBe(false);
    expect(await target.terms.toArray()).toEqual(before);
  });

  it('replaces the bundled rows of an older version and keeps rows the reader made', async () => {
    const target = freshDb();
    await loadBundle(target, bundleOf('v1', ['津治通', '旧术语']));
    await target.terms.put({
      id: 'mine', term: '我的术语', kind: 'named', forms: ['我的术语'], clauseIds: ['c1'], signal: 'user', docId: 'doc1',
    });
    await loadBundle(target, bundleOf('v2', ['津治通', '新术语']));
    const terms = (await target.terms.toArray()).map((t) => t.term).sort();
    expect(terms).toEqual(['我的术语', '新术语', '津治通'].sort());
    expect((await target.meta.get('bundle'))?.version).toBe('v2');
  });

  it('reloads when forced, e.g. a rebuild the reader asked for', async () => {
    const target = freshDb();
    await loadBundle(target, bundleOf('v1', ['津治通']));
    await target.terms.clear();
    const result = await loadBundle(target, bundleOf('v1', ['津治通']), { force: true });
    expect(result.loaded).toBe(true);
    expect(await target.terms.count()).toBe(1);
  });
});
