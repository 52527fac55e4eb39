// The real term list, read from the bundled index the build script writes, in
// the shape the background sends to the content script ('term-table'), and
// what such a table weighs in a message.

import { readFileSync } from 'node:fs';
import { createSnapshot, termTable } from '@/lib/store/index-snapshot';
import type { IndexBundle, Term } from '@/lib/model';
import type { TermTable } from '@/lib/messages';

export interface BenchIndex {
  bundle: IndexBundle;
  table: TermTable;
  /** The terms and fold map the table was built from, for mark.js and the matcher's own figures. */
  terms: Term[];
  foldMap: Record<string, string>;
  /** Terms a reader would search for: the most cited terms of four characters or more, most cited first. */
  searchWords: string[];
}

export function readIndex(indexPath: string): BenchIndex {
  const bundle = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexBundle;
  if (!Array.isArray(bundle.terms) || bundle.terms.length === 0) throw new Error(`${indexPath} holds no terms`);
  const searchWords = bundle.terms
    .filter((t) => /^[\u4e00-\u9fff]{4,}$/.test(t.term))
    .sort((a, b) => b.clauseIds.length - a.clauseIds.length || a.term.localeCompare(b.term, 'zh'))
    .map((t) => t.term);
  return {
    bundle,
    table: tableOf(bundle),
    terms: bundle.terms,
    foldMap: bundle.foldMap,
    searchWords,
  };
}

export function tableOf(bundle: IndexBundle): TermTable {
  return termTable(createSnapshot(bundle));
}

/** What a term table weighs in a message: its typed arrays' bytes and its strings' (two bytes a unit). */
export function termTableBytes(table: TermTable): number {
  let bytes = 2 * (table.version.length + table.names.length);
  for (const value of Object.values(table.matcher)) {
    bytes += typeof value === 'string' ? 2 * value.length : ArrayBuffer.isView(value) ? value.byteLength : 0;
  }
  return bytes;
}
