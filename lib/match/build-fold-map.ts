// The traditional → simplified half of folding, chosen for the characters a
// term table uses, so that the content script needs no converter: pages in
// traditional characters (全年實際使用外資50億美元) fold to the simplified
// forms the terms use. Folding is one unit for one unit (see fold-text), so
// the table holds single characters only (lib/document/traditional-table.ts,
// built from OpenCC at build time and shipped for the background); the build
// script folds the bundle with it and the background a library with added
// documents, the same way.
import type { Term } from '../model';
import type { TraditionalTable } from '../document/script-text';

/**
 * Maps each traditional or variant character to its simplified character,
 * for every simplified character that some term form (own, related or local) uses,
 * and any the texts use (clause text a search folds, the place words local forms need). A character the forms
 * use is never mapped; among a character's candidates the first wanted wins.
 */
export function buildFoldMap(
  table: TraditionalTable,
  terms: readonly Pick<Term, 'forms' | 'related' | 'local'>[],
  texts: readonly string[] = [],
): Record<string, string> {
  const wanted = new Set<string>();
  for (const term of terms) for (const form of [...term.forms, ...(term.related ?? []), ...(term.local ?? [])]) for (const ch of form) wanted.add(ch);
  for (const text of texts) for (const ch of text) wanted.add(ch);
  const map: Record<string, string> = {};
  for (const ch of Object.keys(table)) {
    if (wanted.has(ch)) continue;
    for (const candidate of table[ch]!) {
      if (wanted.has(candidate)) {
        map[ch] = candidate;
        break;
      }
    }
  }
  return map;
}
