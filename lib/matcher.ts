// One Aho-Corasick automaton over every form of every term, so a page is read
// once whatever the number of terms (mark.js runs one regular expression and
// one DOM walk per keyword and freezes long pages). Page text is folded unit by
// unit while it is read (see fold-text): offsets in the folded text are the
// offsets in the page's text, so every match maps back to exact DOM positions.

import { foldChar, isSkippable, type FoldMap } from './fold-text';

export interface MatcherTerm {
  id: string;
  /** Folded forms; a form wrapped in quotes ("三量") matches only quoted, and the quotes are not part of the match. */
  forms: string[];
}

/** [start, end) offsets into the scanned text (end exclusive) and the term's id. */
export type Match = [start: number, end: number, termId: string];

export interface Matcher {
  /** Finds every term in `text`; longest wins where matches overlap; sorted by start. */
  scan(text: string): Match[];
  /** Number of distinct forms in the automaton. */
  readonly patternCount: number;
}

interface Pattern {
  termId: string;
  /** Units the automaton consumes (skippable characters removed). */
  length: number;
  /** Units at each end that match but are not part of the result (the quotes of a quoted form). */
  lead: number;
  trail: number;
  /** True when the form starts or ends with a Latin letter or digit: such forms need a word boundary there. */
  wordStart: boolean;
  wordEnd: boolean;
}

const QUOTE = '"';
/** A form must keep at least this many units once its quotes are dropped: one character would mark half the page. */
const MIN_PAINTED = 2;

function isAsciiWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Folds each UTF-16 unit once per matcher and remembers it: the scan loop then costs one array read per unit. */
function createFolder(foldMap: FoldMap) {
  // 0 means "not folded yet"; stored values are folded code + 1.
  const table = new Uint16Array(0x10000);
  const skip = new Uint8Array(0x10000);
  return {
    fold(code: number): number {
      const known = table[code]!;
      if (known !== 0) return known - 1;
      const folded = foldChar(String.fromCharCode(code), foldMap).charCodeAt(0);
      table[code] = folded + 1;
      if (isSkippable(String.fromCharCode(code)) || isSkippable(String.fromCharCode(folded))) skip[code] = 1;
      return folded;
    },
    /** Valid only after fold(code) was called. */
    isSkip(code: number): boolean {
      return skip[code] === 1;
    },
  };
}

export function createMatcher(terms: readonly MatcherTerm[], foldMap: FoldMap = {}): Matcher {
  const folder = createFolder(foldMap);
  // Dense ids for the characters the forms use: every other character resets the automaton.
  const charId = new Uint16Array(0x10000);
  let alphabetSize = 0;
  // goto: key node * 65536 + char id → child node. One flat Map is smaller and faster than a Map per node.
  const edges = new Map<number, number>();
  const fail: number[] = [0];
  const output: number[] = [-1];
  const patterns: Pattern[] = [];
  const seen = new Map<string, number>();

  for (const term of terms) {
    for (const form of term.forms) {
      let units = '';
      for (let i = 0; i < form.length; i++) {
        const code = folder.fold(form.charCodeAt(i));
        if (!folder.isSkip(form.charCodeAt(i))) units += String.fromCharCode(code);
      }
      const quoted = units.length >= 2 && units[0] === QUOTE && units[units.length - 1] === QUOTE;
      const lead = quoted ? 1 : 0;
      if (units.length - 2 * lead < MIN_PAINTED || seen.has(units)) continue;
      seen.set(units, patterns.length);
      let node = 0;
      for (let i = 0; i < units.length; i++) {
        const code = units.charCodeAt(i);
        let id = charId[code]!;
        if (id === 0) id = charId[code] = ++alphabetSize;
        const key = node * 0x10000 + id;
        let next = edges.get(key);
        if (next === undefined) {
          next = fail.length;
          fail.push(0);
          output.push(-1);
          edges.set(key, next);
        }
        node = next;
      }
      output[node] = patterns.length;
      patterns.push({
        termId: term.id,
        length: units.length,
        lead,
        trail: lead,
        wordStart: !quoted && isAsciiWord(units.charCodeAt(0)),
        wordEnd: !quoted && isAsciiWord(units.charCodeAt(units.length - 1)),
      });
    }
  }

  // Breadth-first failure links; `dict` jumps straight to the next node on the failure chain that ends a pattern.
  const children: number[][] = fail.map(() => []);
  const childChar: number[] = fail.map(() => 0);
  for (const [key, child] of edges) {
    children[Math.floor(key / 0x10000)]!.push(child);
    childChar[child] = key % 0x10000;
  }
  const dict: number[] = fail.map(() => -1);
  const queue: number[] = [...children[0]!];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const child of children[node]!) {
      const id = childChar[child]!;
      let f = fail[node]!;
      let target: number | undefined;
      while ((target = edges.get(f * 0x10000 + id)) === undefined && f !== 0) f = fail[f]!;
      const linked = target !== undefined && target !== child ? target : 0;
      fail[child] = linked;
      dict[child] = output[linked] !== -1 ? linked : dict[linked]!;
      queue.push(child);
    }
  }

  const maxLength = patterns.reduce((max, p) => Math.max(max, p.length), 1);
  // Most steps start again from the root (Chinese text is mostly characters of no term at that point):
  // its transitions are an array read instead of a Map lookup.
  const rootNext = new Int32Array(alphabetSize + 1);
  for (const child of children[0]!) rootNext[childChar[child]!] = child;

  function scan(text: string): Match[] {
    if (patterns.length === 0) return [];
    // Offsets of the last maxLength consumed (non-skipped) units, so a match's start is known at its end.
    const ring = new Int32Array(maxLength);
    let consumed = 0;
    let state = 0;
    const found: number[] = []; // triples: paint start, paint end, pattern
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const raw = text.charCodeAt(i);
      const code = folder.fold(raw);
      if (folder.isSkip(raw)) continue;
      ring[consumed % maxLength] = i;
      consumed++;
      const id = charId[code]!;
      if (id === 0) {
        state = 0;
        continue;
      }
      let next: number | undefined;
      while (state !== 0 && (next = edges.get(state * 0x10000 + id)) === undefined) state = fail[state]!;
      state = state === 0 ? rootNext[id]! : next!;
      for (let node = output[state] !== -1 ? state : dict[state]!; node > 0; node = dict[node]!) {
        const index = output[node]!;
        const p = patterns[index]!;
        const first = consumed - p.length;
        const start = ring[first % maxLength]!;
        if (p.wordStart && start > 0 && isAsciiWord(folder.fold(text.charCodeAt(start - 1)))) continue;
        if (p.wordEnd && i + 1 < n && isAsciiWord(folder.fold(text.charCodeAt(i + 1)))) continue;
        found.push(ring[(first + p.lead) % maxLength]!, ring[(consumed - 1 - p.trail) % maxLength]! + 1, index);
      }
    }
    return resolve(found, n);
  }

  function resolve(found: number[], textLength: number): Match[] {
    const count = found.length / 3;
    const order = Array.from({ length: count }, (_, k) => k);
    const toMatch = (k: number): Match => [found[3 * k]!, found[3 * k + 1]!, patterns[found[3 * k + 2]!]!.termId];
    order.sort((a, b) => found[3 * a]! - found[3 * b]! || found[3 * b + 1]! - found[3 * a + 1]!);
    let overlapping = false;
    for (let k = 1; k < count && !overlapping; k++) {
      overlapping = found[3 * order[k]!]! < found[3 * order[k - 1]! + 1]!;
    }
    if (!overlapping) return order.map(toMatch);
    // Longest first (the automaton's length, quotes included), then leftmost; a shorter match inside or across a kept one loses.
    const byLength = [...order].sort(
      (a, b) =>
        patterns[found[3 * b + 2]!]!.length - patterns[found[3 * a + 2]!]!.length || found[3 * a]! - found[3 * b]!,
    );
    const taken = new Uint8Array(textLength);
    const kept: number[] = [];
    for (const k of byLength) {
      const start = found[3 * k]!;
      const end = found[3 * k + 1]!;
      let free = true;
      for (let i = start; i < end && free; i++) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, start, end);
      kept.push(k);
    }
    kept.sort((a, b) => found[3 * a]! - found[3 * b]!);
    return kept.map(toMatch);
  }

  return { scan, patternCount: patterns.length };
}
