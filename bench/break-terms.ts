// Finds term occurrences in generated text and breaks them, for the no-match
// page: the same amount of text and markup as the long page, but nothing for
// PolicyLens to find, so its cost there is the pure cost of looking.

import { foldChar, type FoldMap } from '@/lib/match/fold-text';
import type { Random } from './seeded-random';

/** Term forms grouped by first folded character, for a scan that tries only the forms that can start here. */
export type TermFinder = Map<string, string[]>;

/**
 * Forms as the index stores them (folded). A quoted form ("三量") is looked for
 * without its quotes: breaking the bare word breaks the quoted one too.
 */
export function createTermFinder(forms: Iterable<string>): TermFinder {
  const finder: TermFinder = new Map();
  for (const form of forms) {
    const bare = form.replace(/^["']+|["']+$/g, '');
    if (!bare) continue;
    const first = bare[0]!;
    const list = finder.get(first) ?? [];
    if (!list.includes(bare)) list.push(bare);
    finder.set(first, list);
  }
  return finder;
}

function foldString(text: string, foldMap: FoldMap): string {
  let out = '';
  for (const ch of text) out += foldChar(ch, foldMap);
  return out;
}

/** Every occurrence (overlapping ones too) of any form, as [start, end) offsets into text. */
export function findOccurrences(text: string, finder: TermFinder, foldMap: FoldMap): [number, number][] {
  const folded = foldString(text, foldMap);
  const found: [number, number][] = [];
  for (let i = 0; i < folded.length; i++) {
    for (const form of finder.get(folded[i]!) ?? []) {
      if (folded.startsWith(form, i)) found.push([i, i + form.length]);
    }
  }
  return found;
}

const MAX_ROUNDS = 50;

/**
 * Swaps two neighbouring characters inside each occurrence until no form
 * occurs: a swap can make a new occurrence elsewhere, hence the rounds.
 */
export function breakOccurrences(text: string, finder: TermFinder, foldMap: FoldMap, random: Random): string {
  const chars = [...text];
  if (chars.length !== text.length) throw new Error('generated text must not contain surrogate pairs');
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const occurrences = findOccurrences(chars.join(''), finder, foldMap);
    if (occurrences.length === 0) return chars.join('');
    for (const [start, end] of occurrences) {
      const pairs: number[] = [];
      for (let i = start; i < end - 1; i++) {
        if (foldChar(chars[i]!, foldMap) !== foldChar(chars[i + 1]!, foldMap)) pairs.push(i);
      }
      const at = pairs[Math.floor(random() * pairs.length)];
      // A form of one repeated character cannot be broken by a swap: change the character instead.
      if (at === undefined) chars[start] = '〇';
      else [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
    }
  }
  throw new Error(`could not break every term occurrence in: ${text.slice(0, 40)}…`);
}
