// The real term list, read from the bundled index the build script writes, in
// the shape the background sends to the content script ('term-table').

import { readFileSync } from 'node:fs';
import type { IndexBundle } from '@/lib/model';
import type { TermTable } from '@/lib/messages';

export function readTermTable(indexPath: string): TermTable {
  const bundle = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexBundle;
  if (!Array.isArray(bundle.terms) || bundle.terms.length === 0) throw new Error(`${indexPath} holds no terms`);
  return {
    version: bundle.version,
    terms: bundle.terms.map((t) => ({ id: t.id, term: t.term, forms: t.forms })),
    foldMap: bundle.foldMap,
  };
}
