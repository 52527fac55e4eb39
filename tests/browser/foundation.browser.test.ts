// The built extension in real Chromium: on install the background loads the
// bundled index into IndexedDB `policy-lens`, reports it ready, and the rows
// a reader depends on are really there (read straight from IndexedDB in the
// extension's own origin, not through the background's answers).

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clause, ReportDocument, Target, Term } from '@/lib/model';
import {
  anyExtensionPagePath,
  launchWithExtension,
  readStore,
  waitForIndexReady,
  type ExtensionSession,
  type IndexStatus,
} from './harness';

describe('foundation: the index in IndexedDB', () => {
  let session: ExtensionSession;
  let status: IndexStatus;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    status = await waitForIndexReady(session);
    page = await session.extensionPage(anyExtensionPagePath());
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
  });

  it('the background reports the index ready with both documents', () => {
    expect(status.error).toBeUndefined();
    expect(status.state).toBe('ready');
    expect(status.fallback).toBe(false);
    expect(status.counts.documents).toBe(2);
    expect(status.counts.clauses).toBeGreaterThan(0);
    expect(status.counts.targets).toBeGreaterThan(0);
    expect(status.counts.terms).toBeGreaterThan(0);
    console.log(`index ${status.version}: ${JSON.stringify(status.counts)}, install to ready ${status.loadMs} ms`);
  });

  it("IndexedDB holds as many rows as the background counts", async () => {
    const counts = {
      documents: (await readStore(page, 'documents')).length,
      clauses: (await readStore(page, 'clauses')).length,
      targets: (await readStore(page, 'targets')).length,
      terms: (await readStore(page, 'terms')).length,
    };
    expect(counts).toEqual(status.counts);
  });

  it('holds the work report and the deputy article', async () => {
    const documents = await readStore<ReportDocument>(page, 'documents');
    const report = documents.find((d) => d.kind === 'work-report');
    expect(report).toMatchObject({ region: '天津', year: 2024, excerpt: true });
    expect(report?.title).toContain('天津市政府工作报告');
    expect(documents.filter((d) => d.kind === 'deputy-article')).toHaveLength(1);
  });

  it('holds the target 全年实际使用外资50亿美元 with its clause', async () => {
    const targets = await readStore<Target>(page, 'targets');
    const foreignInvestment = targets.filter((t) => t.value === 50 && t.unit === '亿美元');
    expect(foreignInvestment).toHaveLength(1);
    const target = foreignInvestment[0]!;
    expect(target.metric).toContain('实际使用外资');
    expect(target.kind).toBe('commitment');
    const [clause] = await readStore<Clause>(page, 'clauses', { key: target.clauseId });
    expect(clause?.text).toContain('全年实际使用外资50亿美元');
    expect(clause?.text.slice(target.offset, target.offset + target.text.length)).toBe(target.text);
  });

  it('holds the term 津治通, linked to the clause that names it', async () => {
    const rows = await readStore<Term>(page, 'terms', { index: 'term', key: '津治通' });
    expect(rows).toHaveLength(1);
    const term = rows[0]!;
    expect(term.clauseIds.length).toBeGreaterThan(0);
    const [clause] = await readStore<Clause>(page, 'clauses', { key: term.clauseIds[0]! });
    expect(clause?.text).toContain('津治通');
  });
});
