// The report view reads the whole index straight from IndexedDB (Dexie is fine
// in an extension page; only the content script must stay free of it). The
// background loads the database on install; while it is still loading, the
// view waits for it rather than showing an empty report. When the database
// failed, the view reads the bundle the extension ships (a separate chunk,
// fetched only then), as the background does, and says so.

import { openPolicyLensDb } from '@/lib/db';
import type { Clause, ReportDocument, Target, Term } from '@/lib/model';
import type { IndexStatus } from '@/lib/messages';
import { askBackground } from '@/extension/background-client';

export interface ReportData {
  version: string;
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
  foldMap: Record<string, string>;
  /** Set when the database failed and the data comes from the bundle: the status to show the reader. */
  failure?: IndexStatus;
}

const POLL_MS = 200;

function inReadingOrder(data: ReportData): ReportData {
  const documents = [...data.documents].sort((a, b) => a.order - b.order);
  const clauses = [...data.clauses].sort((a, b) => a.docId.localeCompare(b.docId) || a.order - b.order);
  return { ...data, documents, clauses };
}

async function fromBundle(failure: IndexStatus): Promise<ReportData> {
  const { default: bundle } = await import('@/.generated/index-bundle');
  return inReadingOrder({ ...bundle, failure });
}

async function fromDatabase(): Promise<ReportData> {
  const db = openPolicyLensDb();
  try {
    const [meta, documents, clauses, targets, terms] = await Promise.all([
      db.meta.get('bundle'),
      db.documents.toArray(),
      db.clauses.toArray(),
      db.targets.toArray(),
      db.terms.toArray(),
    ]);
    if (!meta) throw new Error('the report index is empty');
    return inReadingOrder({ version: meta.version, documents, clauses, targets, terms, foldMap: meta.foldMap });
  } finally {
    db.close();
  }
}

export async function loadReport(): Promise<ReportData> {
  for (;;) {
    const status = await askBackground('index-status', {});
    if (status.state === 'failed') return fromBundle(status);
    if (status.state === 'ready') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return fromDatabase();
}
