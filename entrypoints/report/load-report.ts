// The report view reads the whole index straight from IndexedDB (Dexie is fine
// in an extension page; only the content script must stay free of it). The
// background loads the database on install; while it is still loading, the
// view waits for it rather than showing an empty report.

import { openPolicyLensDb } from '@/lib/db';
import type { Clause, ReportDocument, Target, Term } from '@/lib/model';
import { askBackground } from '@/extension/background-client';

export interface ReportData {
  version: string;
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
  foldMap: Record<string, string>;
}

const POLL_MS = 200;

export async function loadReport(): Promise<ReportData> {
  for (;;) {
    const status = await askBackground('index-status', {});
    if (status.state === 'failed') throw new Error(status.error ?? 'index failed');
    if (status.state === 'ready') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const db = openPolicyLensDb();
  try {
    const [meta, documents, clauses, targets, terms] = await Promise.all([
      db.meta.get('bundle'),
      db.documents.orderBy('order').toArray(),
      db.clauses.toArray(),
      db.targets.toArray(),
      db.terms.toArray(),
    ]);
    if (!meta) throw new Error('the report index is empty');
    clauses.sort((a, b) => a.docId.localeCompare(b.docId) || a.order - b.order);
    return { version: meta.version, documents, clauses, targets, terms, foldMap: meta.foldMap };
  } finally {
    db.close();
  }
}
