// The report view reads the whole index straight from IndexedDB (Dexie is fine
// in an extension page; only the content script must stay free of it). The
// background loads the database on install; while it is still loading, the
// view waits for it rather than showing an empty report. When the database
// failed, the view reads the bundle the extension ships (a separate chunk,
// fetched only then), as the background does, and says so.

import { openPolicyLensDb } from '@/lib/store/db';
import { readIndex } from '@/lib/store/read-index';
import type { SnapshotSource } from '@/lib/store/index-snapshot';
import type { IndexStatus } from '@/lib/messages';
import { askBackground } from '@/extension/background-client';

export interface ReportData extends SnapshotSource {
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
    const index = await readIndex(db);
    if (!index) throw new Error('the report index is empty');
    return inReadingOrder(index);
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
