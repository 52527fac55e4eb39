// Search over the report's clauses. Ranking is tiered, then BM25 within a tier:
// 1. phrase: the clause contains the whole query (spaces aside), folded;
// 2. term: the query names a policy term (or one of its forms, so 长期护理保险
//    finds the clauses that print 长护险) and the clause is one of its clauses;
// 3. words: the clause shares enough of the query's tokens (see search-tokens).
// Everything is folded, so 實際使用外資 and 实际使用外资 are one query. The index is
// built once from the rows in memory (a few hundred clauses); a search costs well
// under a millisecond, which the popup's per-keystroke budget needs.

import type { Clause, Target, Term } from '../model';
import { foldText, type FoldMap } from '../match/fold-text';
import { queryTokens } from './search-tokens';
import { arabicFigures } from './figure-query';

export type SearchMatch = 'phrase' | 'term' | 'words';

export type SearchableClause = Pick<Clause, 'id' | 'text' | 'tokens' | 'order'>;

export interface IndexHit<C extends SearchableClause = Clause> {
  clause: C;
  score: number;
  match: SearchMatch;
  /** [start, end) offsets in the clause text to emphasise, sorted, not overlapping. */
  marks: [number, number][];
}

export interface IndexSearchResult<C extends SearchableClause = Clause> {
  query: string;
  hits: IndexHit<C>[];
  /** Close terms (canonical text), when hits is empty. */
  suggestions: string[];
}

export interface SearchIndex<C extends SearchableClause = Clause> {
  search(query: string, limit: number): IndexSearchResult<C>;
}

export interface SearchSource<C extends SearchableClause> {
  clauses: readonly C[];
  terms: readonly Pick<Term, 'term' | 'forms' | 'clauseIds'>[];
  targets: readonly Pick<Target, 'clauseId' | 'metric' | 'text'>[];
  /** The bundle's fold map: traditional and variant characters → simplified. */
  foldMap: FoldMap;
}

// BM25's usual constants.
const K1 = 1.2;
const B = 0.75;
/** Tiers are far apart so BM25 orders only within a tier. */
const TIER_SCORE: Record<SearchMatch, number> = { phrase: 3000, term: 2000, words: 1000 };
/** A words-tier hit must cover more than this share of the query's units (characters, digit runs). */
const MIN_COVERAGE = 0.5;
/** A clause whose target's metric or figure holds the query is what a reader wants first. */
const TARGET_BONUS = 2;
const MAX_SUGGESTIONS = 5;

interface Posting {
  clause: number;
  tf: number;
}

const NO_FOLD: FoldMap = {};

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

function occurrences(haystack: string, needle: string, into: [number, number][]): void {
  if (!needle) return;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    into.push([at, at + needle.length]);
  }
}

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** A term form as text can print it: folded, without the quotes that make a form quote-only. */
function plainForm(form: string): string {
  return foldText(form, NO_FOLD).replaceAll('"', '');
}

/** Dice coefficient over characters: how close a suggestion is to what was typed. */
function characterDice(a: string, b: string): number {
  const left = new Set(a);
  const right = new Set(b);
  let common = 0;
  for (const ch of left) if (right.has(ch)) common++;
  return (2 * common) / (left.size + right.size || 1);
}

export function createSearchIndex<C extends SearchableClause>(source: SearchSource<C>): SearchIndex<C> {
  const { clauses, foldMap } = source;
  const folded = clauses.map((c) => foldText(c.text, foldMap));
  const byId = new Map(clauses.map((c, i) => [c.id, i]));
  const postings = new Map<string, Posting[]>();
  const vocabulary = new Set<string>();
  let totalLength = 0;
  clauses.forEach((clause, i) => {
    const text = folded[i]!;
    totalLength += text.length;
    for (const token of new Set(clause.tokens)) {
      vocabulary.add(token);
      let list = postings.get(token);
      if (!list) postings.set(token, (list = []));
      list.push({ clause: i, tf: Math.max(1, countOccurrences(text, token)) });
    }
  });
  const averageLength = totalLength / Math.max(1, clauses.length);

  const terms = source.terms.map((t) => ({
    term: t.term,
    forms: [...new Set([t.term, ...t.forms].map(plainForm).filter((f) => f.length >= 2))],
    clauses: t.clauseIds.map((id) => byId.get(id)).filter((i): i is number => i !== undefined),
  }));
  for (const t of terms) for (const form of t.forms) vocabulary.add(form);

  const targetTexts = new Map<number, string[]>();
  for (const target of source.targets) {
    const i = byId.get(target.clauseId);
    if (i === undefined) continue;
    const list = targetTexts.get(i) ?? [];
    list.push(plainForm(target.metric), plainForm(target.text));
    targetTexts.set(i, list);
  }

  function idf(df: number): number {
    return Math.log(1 + (clauses.length - df + 0.5) / (df + 0.5));
  }

  function suggest(phrase: string): string[] {
    return terms
      .map((t) => ({ term: t.term, score: Math.max(...t.forms.map((f) => characterDice(phrase, f))) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.term.length - b.term.length)
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => s.term);
  }

  /** The query as typed and, when it names a figure in Chinese numerals, as the report prints it: the better hit of each clause wins. */
  function search(query: string, limit: number): IndexSearchResult<C> {
    const asPrinted = arabicFigures(query);
    const own = searchQuery(query, limit);
    if (asPrinted === query) return own;
    const best = new Map<C, IndexHit<C>>();
    for (const hit of [...own.hits, ...searchQuery(asPrinted, limit).hits]) {
      const seen = best.get(hit.clause);
      if (!seen || hit.score > seen.score) best.set(hit.clause, hit);
    }
    const hits = [...best.values()].sort((a, b) => b.score - a.score || a.clause.order - b.clause.order).slice(0, limit);
    return { query, hits, suggestions: hits.length ? [] : own.suggestions };
  }

  function searchQuery(query: string, limit: number): IndexSearchResult<C> {
    const q = queryTokens(query, vocabulary, foldMap);
    if (!q.phrase || limit <= 0) return { query, hits: [], suggestions: [] };

    const bm25 = new Float64Array(clauses.length);
    const matched = new Map<number, { token: string; start: number; end: number }[]>();
    for (const qt of q.tokens) {
      const list = postings.get(qt.token);
      if (!list) continue;
      const weight = idf(list.length);
      for (const { clause, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * folded[clause]!.length) / averageLength);
        bm25[clause]! += (weight * tf * (K1 + 1)) / norm;
        const hits = matched.get(clause) ?? [];
        hits.push(qt);
        matched.set(clause, hits);
      }
    }

    const termClauses = new Map<number, string[]>();
    for (const t of terms) {
      const forms = t.forms.filter((f) => q.phrase.includes(f));
      if (!forms.length) continue;
      for (const i of t.clauses) termClauses.set(i, [...(termClauses.get(i) ?? []), ...t.forms]);
    }

    const hits: IndexHit<C>[] = [];
    for (let i = 0; i < clauses.length; i++) {
      const text = folded[i]!;
      const tokens = matched.get(i) ?? [];
      const marks: [number, number][] = [];
      let match: SearchMatch;
      if (text.includes(q.phrase)) {
        match = 'phrase';
        occurrences(text, q.phrase, marks);
      } else if (termClauses.has(i)) {
        match = 'term';
        for (const form of termClauses.get(i)!) occurrences(text, form, marks);
        for (const t of tokens) occurrences(text, t.token, marks);
      } else {
        const coveredUnits = q.units.filter((u) => tokens.some((t) => t.start <= u.start && u.end <= t.end)).length;
        const coverage = coveredUnits / Math.max(1, q.units.length);
        if (!tokens.length || coverage <= MIN_COVERAGE) continue;
        match = 'words';
        for (const t of tokens) occurrences(text, t.token, marks);
      }
      const bonus = (targetTexts.get(i) ?? []).some((t) => t.includes(q.phrase) || (t && q.phrase.includes(t)))
        ? TARGET_BONUS
        : 0;
      hits.push({ clause: clauses[i]!, score: TIER_SCORE[match] + bm25[i]! + bonus, match, marks: mergeRanges(marks) });
    }
    hits.sort((a, b) => b.score - a.score || a.clause.order - b.clause.order);
    const top = hits.slice(0, limit);
    return { query, hits: top, suggestions: top.length ? [] : suggest(q.phrase) };
  }

  return { search };
}
