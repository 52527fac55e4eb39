// The real term list, read from the bundled index the build script writes, in
// the shape the background sends to the content script ('term-table').

import { readFileSync } from 'node:fs';
import { createSnapshot, termTable } from '@/lib/store/index-snapshot';
import type { IndexBundle, Term } from '@/lib/model';
import type { TermTable } from '@/lib/messages';

export interface BenchIndex {
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
    table: termTable(createSnapshot(bundle)),
    terms: bundle.terms,
    foldMap: bundle.foldMap,
    searchWords,
  };
}
