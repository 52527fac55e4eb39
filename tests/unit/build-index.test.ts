import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { buildIndex } from '@/lib/store/build-index';
import { bundleProblems } from '@/lib/store/check-bundle';
import { openPolicyLensDb } from '@/lib/store/db';
import { loadBundle } from '@/lib/store/load-bundle';
import { clauseCard, createSnapshot } from '@/lib/store/index-snapshot';
import type { IndexBundle } from '@/lib/model';

const root = join(import.meta.dirname, '..', '..');
const SEED = '000_59795ae4144a4d73.txt';

let bundle: IndexBundle;

beforeAll(async () => {
  const text = readFileSync(join(root, 'seeds', SEED), 'utf8');
  bundle = await buildIndex([{ name: SEED, text }]);
}, 60_000);

describe('the bundle built from the real seed', () => {
  it('holds both documents and keeps every invariant', () => {
    expect(bundle.documents.map((d) => d.kind)).toEqual(['work-report', 'deputy-article']);
    expect(bundleProblems(bundle)).toEqual([]);
    expect(bundle.clauses.length).toBeGreaterThan(100);
    expect(bundle.terms.length).toBeGreaterThan(40);
  });

  it('refuses a term form without a Han character: the content script never looks on pages without one', () => {
    const [first, ...rest] = bundle.terms;
    const latin = { ...bundle, terms: [{ ...first!, forms: [...first!.forms, 'v2x'] }, ...rest] };
    expect(bundleProblems(latin)).toEqual([`term ${first!.term} has a form without a Han character: v2x`]);
  });

  it('is the same bundle, version included, when built twice', async () => {
    const text = readFileSync(join(root, 'seeds', SEED), 'utf8');
    const again = await buildIndex([{ name: SEED, text }]);
    expect(again.version).toBe(bundle.version);
    expect(again.clauses.map((c) => c.id)).toEqual(bundle.clauses.map((c) => c.id));
  }, 60_000);

  it('gives every clause search tokens that include its terms', () => {
    const clause = bundle.clauses.find((c) => c.text.includes('津治通'))!;
    expect(clause.tokens).toContain('津治通');
    expect(bundle.clauses.every((c) => c.tokens.length > 0)).toBe(true);
  });

  it('loads into IndexedDB once: a second load of the same bundle changes nothing', async () => {
    const db = openPolicyLensDb('policy-lens-real-bundle');
    try {
      const first = await loadBundle(db, bundle);
      expect(first.loaded).toBe(true);
      expect(await db.documents.count()).toBe(2);
      expect(await db.clauses.count()).toBe(bundle.clauses.length);
      expect(await db.targets.count()).toBe(bundle.targets.length);
      expect(await db.terms.count()).toBe(bundle.terms.length);
      const foreignCapital = await db.targets.where('metric').equals('实际使用外资').first();
      expect(foreignCapital).toMatchObject({ value: 50, unit: '亿美元', qualifier: '全年', kind: 'commitment' });
      const term = await db.terms.where('term').equals('津治通').first();
      expect(term?.clauseIds.length).toBeGreaterThan(0);
      const second = await loadBundle(db, bundle);
      expect(second.loaded).toBe(false);
      expect(await db.clauses.count()).toBe(bundle.clauses.length);
    } finally {
      db.close();
      await Dexie.delete('policy-lens-real-bundle');
    }
  });

  it('answers a card for 高标准农田 with its clause and the 50万亩以上 target', () => {
    const snapshot = createSnapshot(bundle);
    const entry = snapshot.terms.find((t) => t.term === '高标准农田')!;
    const card = clauseCard(snapshot, entry.id, 0)!;
    expect(card.view.clause.text).toContain('50万亩以上高标准农田建设任务');
    // The term is emphasised where the clause prints it.
    expect(card.marks.map(([start, end]) => card.view.clause.text.slice(start, end))).toEqual(['高标准农田']);
    expect(card.view.targets.map((t) => t.text)).toContain('50万亩以上');
    expect(card.view.docTitle).toBe('2024年天津市政府工作报告');
    expect(card.view.sectionAim).toBe('加快提升农业农村现代化水平');
    expect(card.view.clause.taskTitle).toBe('做优现代都市型农业');
  });
});
