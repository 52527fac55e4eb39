// Search tokens for clauses and queries. A clause is indexed, at build time,
// under its jieba search tokens and its character bigrams, folded (fold-text),
// so a query that jieba would cut differently, or that is typed in traditional
// or full-width characters, still meets the clause. A query is cut against
// that index vocabulary: every index word it contains, plus its bigrams. That
// is a superset of the indexed words jieba would cut from the query, and a
// word outside the vocabulary has no postings, so jieba at query time would
// add nothing (tests/unit/search.test.ts checks it on every term and target
// and thousands of substrings of the report) while costing the extension a
// 4 MB wasm and half a second at each service-worker start.

import { foldText, type FoldMap } from '../match/fold-text';

/** jieba's cut_for_search, which the build script passes for clause tokens. */
export type CutForSearch = (text: string) => string[];

/** A letter-or-digit run counts as one unit: 50亿 is the bigram "50"+"亿". */
const ALNUM = /[a-z0-9.%]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Longest index word the query cutter looks for (terms reach about 15 characters). */
const MAX_WORD_LENGTH = 16;

export interface Unit {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits folded text into runs of searchable units: each CJK character is a
 * unit, each letter-or-digit run is one unit; anything else (punctuation,
 * spaces, quotes) ends a run.
 */
function unitRuns(folded: string): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  let i = 0;
  while (i < folded.length) {
    const ch = folded[i]!;
    if (ALNUM.test(ch)) {
      let j = i + 1;
      while (j < folded.length && ALNUM.test(folded[j]!)) j++;
      run.push({ text: folded.slice(i, j), start: i, end: j });
      i = j;
    } else if (CJK.test(ch)) {
      run.push({ text: ch, start: i, end: i + 1 });
      i++;
    } else {
      if (run.length) runs.push(run);
      run = [];
      i++;
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Bigrams of adjacent units within each run, and letter-or-digit runs on their own (50, 5g, 88.8). */
export function bigrams(folded: string): string[] {
  const out: string[] = [];
  for (const run of unitRuns(folded)) {
    for (let k = 0; k < run.length; k++) {
      const unit = run[k]!;
      if (unit.text.length > 1) out.push(unit.text);
      const next = run[k + 1];
      if (next) out.push(unit.text + next.text);
    }
  }
  return out;
}

/** A token worth indexing: two characters or more, holding a letter, digit or CJK character. */
function isSearchable(token: string): boolean {
  return token.length >= 2 && token.length <= 64 && [...token].some((ch) => CJK.test(ch) || ALNUM.test(ch));
}

const EMPTY_MAP: FoldMap = {};

/**
 * The tokens a clause is found by (Clause.tokens): jieba's search tokens,
 * character bigrams and the forms of terms found in it, folded, each once.
 * The clause text is already simplified, so no fold map is needed here.
 */
export function clauseSearchTokens(text: string, cutForSearch: CutForSearch, termForms: readonly string[] = []): string[] {
  const folded = foldText(text, EMPTY_MAP);
  const tokens = new Set<string>();
  for (const token of cutForSearch(folded)) if (isSearchable(token)) tokens.add(token);
  for (const token of bigrams(folded)) tokens.add(token);
  for (const form of termForms) {
    const f = foldText(form, EMPTY_MAP).replaceAll('"', '');
    if (isSearchable(f)) tokens.add(f);
  }
  return [...tokens];
}

export interface QueryToken {
  token: string;
  /** [start, end) in the folded query, for coverage. */
  start: number;
  end: number;
}

export interface QueryTokens {
  /** The query folded (simplified, half-width, lower-case), same length as typed. */
  folded: string;
  /** The folded query without spaces: what an exact phrase must contain. */
  phrase: string;
  tokens: QueryToken[];
  /** The query's searchable units (CJK characters, letter-or-digit runs): what coverage counts. */
  units: Unit[];
}

/**
 * Cuts a query into search tokens: every index word it contains (a superset
 * of maximum matching against the vocabulary, so 实际使用外资 yields 实际, 使用,
 * 外资 and any longer indexed word) and its bigrams.
 */
export function queryTokens(
  query: string,
  vocabulary: ReadonlySet<string>,
  foldMap: FoldMap,
): QueryTokens {
  const folded = foldText(query, foldMap);
  const phrase = folded.replace(/\s+/g, '');
  const seen = new Map<string, QueryToken>();
  const add = (token: string, start: number, end: number) => {
    if (!seen.has(token) && isSearchable(token)) seen.set(token, { token, start, end });
  };
  const units: Unit[] = [];
  for (const run of unitRuns(folded)) {
    units.push(...run);
    for (let a = 0; a < run.length; a++) {
      const first = run[a]!;
      if (first.text.length > 1) add(first.text, first.start, first.end);
      for (let b = a + 1; b < run.length && run[b]!.end - first.start <= MAX_WORD_LENGTH; b++) {
        const last = run[b]!;
        const word = folded.slice(first.start, last.end);
        // Bigrams always; longer spans only when the index knows them as words.
        if (b === a + 1 || vocabulary.has(word)) add(word, first.start, last.end);
      }
    }
  }
  return { folded, phrase, tokens: [...seen.values()], units };
}
