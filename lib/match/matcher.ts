// One Aho-Corasick automaton over every form of every term, so a page is read
// once whatever the number of terms (mark.js runs one regular expression and
// one DOM walk per keyword and freezes long pages). Page text is folded unit by
// unit while it is read (see fold-text): offsets in the folded text are the
// offsets in the page's text, so every match maps back to exact DOM positions.
//
// Everything the scan loop reads is a typed array, and its cost per unit does
// not depend on the number of terms:
// - one table maps each UTF-16 unit straight to its class, the dense id of its
//   folded form among the characters the forms use (0: in no form, the
//   automaton goes back to its root; SKIP: a space or line break, which a term
//   may straddle and which leaves the state as it is);
// - transitions are stored with the failure links already followed, and only
//   those that do not lead where the root's own transition leads, in a double
//   array: a step is two or three array reads, with no loop over failure links
//   and no search, however many terms there are. A full table of states ×
//   classes would be ~24 MB for a 20× term list; this is well under 1 MB.
//
// Text can be fed in pieces (the text nodes of one block): the state carries
// from piece to piece, so a term split as <b>津</b>治通 is still found, and a
// match is reported in offsets from the start of the first piece.

import { lastAtOrBefore } from './last-at-or-before';
import { foldedUnits, type FoldMap } from './fold-text';
import { figureNear, type FigureNear } from './figure-near';
import { quantityBit, quantityOf, type Quantity } from './figure-units';
import type { FigureMode } from '../model';

export interface MatcherTerm {
  id: string;
  /** Folded forms; a form wrapped in quotes ("三量") matches only quoted, and the quotes are not part of the match. */
  forms: string[];
  /** Folded forms that only point at the term (see Term.related): their matches are marked related. */
  related?: string[];
  /** Related forms that count only in a text that also names one of the places given to the matcher (see Term.local). */
  local?: string[];
  /** For a term that names what targets count: how a figure beside it counts (see FigureMode). */
  figure?: FigureMode;
  /** With figure: the quantities its targets measure (figure-units' Quantity: area, usd, count …). */
  quantities?: string[];
  /** The documents the term is in, as bits (document index mod 32): an anchored figure needs a term of its document beside it. */
  docs?: number;
}

/**
 * [start, end) offsets into the scanned text (end exclusive), the term's id,
 * `true` for a match of a related form, and the figure the page gives beside
 * a metric (the match then covers the metric and its figure; the figure's
 * period is left to withFigureScope, on the scanned text).
 */
export type Match = [start: number, end: number, termId: string, related?: true, figure?: FigureNear];

/** Per-pattern flags. */
const RELATED = 1;
/** A related form that counts only where the text names a place (Term.local). */
const LOCAL = 2;
/** A place word: no match of its own, it lets the text's LOCAL forms count. */
const PLACE = 4;
/** What a place word's pattern belongs to: no term. */
const NO_TERM: MatcherTerm = { id: '', forms: [] };
/** Per-pattern figure modes (0: the pattern reads no figure). */
const FIGURE_MODES: Record<FigureMode, number> = { optional: 1, required: 2, anchored: 3 };
const REQUIRED = 2;
const ANCHORED = 3;

/** What a text without terms gives, shared: most of a page's blocks have none, and each allocated its own. */
const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** Reads one text given in pieces; not reentrant (one per reader). */
export interface MatchCursor {
  /** Forgets the text read so far: the next piece starts a new text. */
  reset(): void;
  /** Reads the next piece of the text. */
  feed(piece: string): void;
  /** The matches of the pieces read since reset (longest wins, sorted by start), offsets counted over all pieces. */
  finish(): readonly Match[];
}

export interface Matcher {
  /** Finds every term in `text`; longest wins where matches overlap; sorted by start. */
  scan(text: string): readonly Match[];
  /** A reader for text that comes in pieces. */
  cursor(): MatchCursor;
  /** Number of distinct forms in the automaton. */
  readonly patternCount: number;
  /** Bytes held by the automaton's tables. */
  readonly bytes: number;
}

const QUOTE = 0x22;
/** Class of the units a term never contains and the scan steps over (spaces, line breaks). */
const SKIP = 0xffff;
/** Units isSkippable (fold-text) names: a unit is skipped when it or its folded form is one of them. */
const SKIPPABLE = [0x20, 0x0a, 0x09, 0x0d, 0xa0, 0x3000, 0x200b];
/** A failure state's transitions are copied into a state's own when there are at most this many. */
const INHERIT_MAX = 8;
/** Tries at one list's placement before the search for a free place moves on past a full region. */
const MAX_TRIES = 16;
/** A form must keep at least this many units once its quotes are dropped: one character would mark half the page. */
const MIN_PAINTED = 2;

function isAsciiWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

interface Automaton {
  /** Units that fold to another unit (all others fold to themselves). */
  fold: Map<number, number>;
  /** UTF-16 unit → class (0: in no form, SKIP: stepped over). */
  classes: Uint16Array;
  /** The root's transition for each class (0: stay at the root). Targets that end a pattern are stored as ~target. */
  rootNext: Int32Array;
  /**
   * The other transitions (failure links followed), as a double array: state
   * s goes on class c to next[base[s] + c] when check[base[s] + c] is s, and
   * where the root goes on c otherwise. Same ~target marking as rootNext.
   */
  base: Int32Array;
  check: Int32Array;
  next: Int32Array;
  /** Where a state's lookup goes on when its list lacks the class (0: the root's row decides). */
  fallback: Int32Array;
  /** First state on s's failure chain (s included) that ends a pattern, 0 if none. */
  report: Int32Array;
  /** The pattern a reporting state ends, and the next reporting state down its failure chain. */
  output: Int32Array;
  nextReport: Int32Array;
  /** Per pattern: units consumed, units at each end not painted (quotes), word-boundary needs, term. */
  length: Int32Array;
  lead: Int32Array;
  wordStart: Uint8Array;
  wordEnd: Uint8Array;
  /** Per pattern: RELATED when the form only points at its term, LOCAL when only where a place is named, PLACE for a place word. */
  flags: Uint8Array;
  /** Per pattern: its term's figure mode (FIGURE_MODES, 0 for none), documents, and quantities (bits of figure-units' QUANTITIES, 0 for any). */
  figure: Uint8Array;
  docs: Int32Array;
  quantities: Int32Array;
  termIds: string[];
}

function build(terms: readonly MatcherTerm[], foldMap: FoldMap, places: readonly string[]): Automaton {
  const fold = foldedUnits(foldMap);
  const skippable = new Uint8Array(0x10000);
  for (const code of SKIPPABLE) skippable[code] = 1;
  const alphabetCodes: number[] = [];
  // Dense ids for the folded characters the forms use.
  const idOf = new Uint16Array(0x10000);
  let alphabet = 0;
  // Trie edges while building: node * 65536 + class → child.
  const edges = new Map<number, number>();
  const children: number[][] = [[]];
  const childLabel: number[] = [0];
  const output: number[] = [-1];
  const length: number[] = [];
  const lead: number[] = [];
  const wordStart: number[] = [];
  const wordEnd: number[] = [];
  const flags: number[] = [];
  const figure: number[] = [];
  const docs: number[] = [];
  const quantities: number[] = [];
  const termIds: string[] = [];
  const seen = new Set<string>();

  // Every term's own forms before any related form: where a related form of one term is
  // another's own wording, the own wording wins.
  const patterns: [form: string, term: MatcherTerm, flags: number][] = [];
  for (const term of terms) for (const form of term.forms) patterns.push([form, term, 0]);
  for (const term of terms) for (const form of term.related ?? []) patterns.push([form, term, RELATED]);
  for (const term of terms) for (const form of term.local ?? []) patterns.push([form, term, RELATED | LOCAL]);
  // The places only when a form needs one: a page's every 天津 would otherwise be a match to resolve and drop.
  if (patterns.some(([, , f]) => f & LOCAL)) for (const place of places) patterns.push([place, NO_TERM, PLACE]);
  for (const [form, term, patternFlags] of patterns) {
    const units: number[] = [];
    for (let i = 0; i < form.length; i++) {
      const raw = form.charCodeAt(i);
      const code = fold.get(raw) ?? raw;
      if (skippable[raw] === 0 && skippable[code] === 0) units.push(code);
    }
    const quoted = units.length >= 2 && units[0] === QUOTE && units[units.length - 1] === QUOTE;
    const ends = quoted ? 1 : 0;
    const key = String.fromCharCode(...units);
    if (units.length - 2 * ends < MIN_PAINTED || seen.has(key)) continue;
    seen.add(key);
    let node = 0;
    for (const code of units) {
      let id = idOf[code]!;
      if (id === 0) {
        id = idOf[code] = ++alphabet;
        alphabetCodes.push(code);
      }
      let next = edges.get(node * 0x10000 + id);
      if (next === undefined) {
        next = output.length;
        output.push(-1);
        children.push([]);
        childLabel.push(id);
        children[node]!.push(next);
        edges.set(node * 0x10000 + id, next);
      }
      node = next;
    }
    output[node] = termIds.length;
    length.push(units.length);
    lead.push(ends);
    wordStart.push(!quoted && isAsciiWord(units[0]!) ? 1 : 0);
    wordEnd.push(!quoted && isAsciiWord(units[units.length - 1]!) ? 1 : 0);
    flags.push(patternFlags);
    figure.push(term.figure ? FIGURE_MODES[term.figure] : 0);
    docs.push(term.docs ?? 0);
    quantities.push((term.quantities ?? []).reduce((bits, q) => bits | quantityBit(q as Quantity), 0));
    termIds.push(term.id);
  }

  // Each unit's class: the alphabet's own units, then every unit that folds to another (overriding), then the skipped.
  const classes = new Uint16Array(0x10000);
  for (const code of alphabetCodes) classes[code] = idOf[code]!;
  for (const [raw, code] of fold) classes[raw] = skippable[code] ? SKIP : idOf[code]!;
  for (const code of SKIPPABLE) classes[code] = SKIP;

  const states = output.length;
  const rootNext = new Int32Array(alphabet + 1);
  for (const child of children[0]!) rootNext[childLabel[child]!] = child;
  // Breadth-first: failure links, report chains, and each state's transitions with its failure chain's merged in.
  const fail = new Int32Array(states);
  const report = new Int32Array(states);
  const nextReport = new Int32Array(states);
  const fallback = new Int32Array(states);
  const merged: number[][] = new Array(states);
  merged[0] = [];
  const queue: number[] = [...children[0]!];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const f = fail[node]!;
    nextReport[node] = report[f]!;
    report[node] = output[node] !== -1 ? node : nextReport[node]!;
    // Own edges override the failure state's; the root's are the default and never listed.
    const own = children[node]!.map((c) => [childLabel[c]!, c] as const).sort((a, b) => a[0] - b[0]);
    // A failure state's short list is copied in (one lookup decides the step); a long one is not (a
    // miss goes on to it): copying the long lists of first characters made 47,000 transitions out of
    // 9,000 for a 20× list, too spread out to pack in the double array quickly.
    const inherits = f !== 0 && merged[f]!.length <= 2 * INHERIT_MAX;
    fallback[node] = inherits ? fallback[f]! : f;
    const inherited = inherits ? merged[f]! : [];
    const list: number[] = [];
    let i = 0;
    let j = 0;
    while (i < own.length || j < inherited.length / 2) {
      const a = i < own.length ? own[i]![0] : Infinity;
      const b = j < inherited.length / 2 ? inherited[2 * j]! : Infinity;
      if (a <= b) {
        list.push(a, own[i]![1]);
        i++;
        if (a === b) j++;
      } else {
        list.push(b, inherited[2 * j + 1]!);
        j++;
      }
    }
    merged[node] = list;
    for (const child of children[node]!) {
      // The child's failure state: where its parent's failure state goes on the same class.
      fail[child] = node === 0 ? 0 : transition(merged, fallback, rootNext, f, childLabel[child]!);
      queue.push(child);
    }
  }

  const marked = (state: number) => (report[state] !== 0 ? ~state : state);
  for (let id = 1; id <= alphabet; id++) rootNext[id] = marked(rootNext[id]!);
  // First fit, longest lists first (placed while the array is still empty). `free` finds the first
  // free slot at or after a slot (union-find with path halving), so a try costs no scan over full slots.
  let edgeCount = 0;
  for (let s = 1; s < states; s++) edgeCount += merged[s]!.length / 2;
  const base = new Int32Array(states);
  let size = 2 * (edgeCount + alphabet + 1) + 64;
  let check = new Int32Array(size).fill(-1);
  let next = new Int32Array(size);
  let parent = identity(size + 1);
  const grow = (needed: number) => {
    if (needed <= size) return;
    const old = size;
    while (size < needed) size *= 2;
    const grownCheck = new Int32Array(size).fill(-1);
    grownCheck.set(check);
    const grownNext = new Int32Array(size);
    grownNext.set(next);
    const grownParent = identity(size + 1);
    grownParent.set(parent.subarray(0, old));
    check = grownCheck;
    next = grownNext;
    parent = grownParent;
  };
  const free = (slot: number): number => {
    grow(slot + 1);
    while (parent[slot] !== slot) {
      parent[slot] = parent[parent[slot]!]!;
      slot = parent[slot]!;
    }
    return slot;
  };
  let top = 0;
  let from = 0;
  const placing: number[] = [];
  for (let state = 1; state < states; state++) if (merged[state]!.length > 0) placing.push(state);
  placing.sort((a, b) => merged[b]!.length - merged[a]!.length);
  for (const state of placing) {
    const list = merged[state]!;
    const low = list[0]!;
    let at = free(Math.max(low, from)) - low;
    for (let tries = 0; ; tries++) {
      // Room for any class read from this base, so every read stays in bounds.
      grow(at + alphabet + 1);
      let fits = true;
      for (let k = 2; k < list.length && fits; k += 2) fits = check[at + list[k]!] === -1;
      if (fits) break;
      // Searches start past a region once it has become too full to fit lists (as darts-clone does):
      // a little memory left in holes for a build in milliseconds instead of seconds.
      if (tries === MAX_TRIES) from = at + low;
      at = free(at + low + 1) - low;
    }
    base[state] = at;
    for (let k = 0; k < list.length; k += 2) {
      const slot = at + list[k]!;
      check[slot] = state;
      next[slot] = marked(list[k + 1]!);
      parent[slot] = slot + 1;
    }
    top = Math.max(top, at + alphabet + 1);
  }
  const used = Math.max(top, alphabet + 1);

  return {
    fold,
    classes,
    rootNext,
    base,
    check: check.slice(0, used),
    next: next.slice(0, used),
    fallback,
    report,
    output: Int32Array.from(output),
    nextReport,
    length: Int32Array.from(length),
    lead: Int32Array.from(lead),
    wordStart: Uint8Array.from(wordStart),
    wordEnd: Uint8Array.from(wordEnd),
    flags: Uint8Array.from(flags),
    figure: Uint8Array.from(figure),
    docs: Int32Array.from(docs),
    quantities: Int32Array.from(quantities),
    termIds,
  };
}

function identity(length: number): Int32Array {
  const array = new Int32Array(length);
  for (let i = 0; i < length; i++) array[i] = i;
  return array;
}

/** Where `state` goes on class `id`, while the automaton is built. */
function transition(lists: readonly number[][], fallback: Int32Array, rootNext: Int32Array, state: number, id: number): number {
  for (; state !== 0; state = fallback[state]!) {
    const list = lists[state]!;
    for (let k = 0; k < list.length; k += 2) if (list[k] === id) return list[k + 1]!;
  }
  return rootNext[id]!;
}

class Cursor implements MatchCursor {
  #a: Automaton;
  #state = 0;
  /** Units read since reset. */
  #length = 0;
  /**
   * The pieces read since reset are the first #count: the array is kept from
   * text to text, as setting an array's length to 0 drops its storage and a
   * page's thousands of blocks then each allocated it anew.
   */
  #pieces: string[] = [];
  #count = 0;
  #starts = new Int32Array(64);
  /** Triples: painted start, painted end, pattern. */
  #found: number[] = [];

  constructor(automaton: Automaton) {
    this.#a = automaton;
  }

  reset(): void {
    this.#state = 0;
    this.#length = 0;
    this.#count = 0;
    if (this.#found.length) this.#found.length = 0;
  }

  feed(piece: string): void {
    const index = this.#count++;
    if (index === this.#starts.length) {
      const grown = new Int32Array(index * 2);
      grown.set(this.#starts);
      this.#starts = grown;
    }
    this.#starts[index] = this.#length;
    this.#pieces[index] = piece;
    this.#length += piece.length;
    const { classes, rootNext, base, check, next, fallback } = this.#a;
    let state = this.#state;
    const n = piece.length;
    // No branch on the class: a unit in no form is class 0, which no state lists, so it leads where the
    // root goes on 0, the root itself; the root lists nothing either, and reads its own row. Half the
    // units of a page are in no form, in no pattern: a branch on them was mispredicted at every turn.
    for (let i = 0; i < n; i++) {
      const cls = classes[piece.charCodeAt(i)]!;
      if (cls === SKIP) continue;
      const at = base[state]! + cls;
      const to =
        check[at] === state ? next[at]! : fallback[state] === 0 ? rootNext[cls]! : this.#step(fallback[state]!, cls);
      if (to < 0) {
        state = ~to;
        this.#report(state, index, i);
      } else state = to;
    }
    this.#state = state;
  }

  /** The step from `state` on `cls` when it takes more than one lookup (a long list not copied in). */
  #step(state: number, cls: number): number {
    const { base, check, next, fallback, rootNext } = this.#a;
    for (; state !== 0; state = fallback[state]!) {
      const at = base[state]! + cls;
      if (check[at] === state) return next[at]!;
    }
    return rootNext[cls]!;
  }

  /** Records the patterns that end at unit `i` of piece `index` (matches are rare: their starts are found by walking back). */
  #report(state: number, index: number, i: number): void {
    const { output, nextReport, length, lead } = this.#a;
    for (let node = this.#a.report[state]!; node !== 0; node = nextReport[node]!) {
      const p = output[node]!;
      const end = this.#back(index, i, lead[p]!) + 1;
      const start = this.#back(index, i, length[p]! - 1 - lead[p]!);
      this.#found.push(start, end, p);
    }
  }

  /** Offset of the unit `count` consumed (not skipped) units before unit `i` of piece `index`. */
  #back(index: number, i: number, count: number): number {
    const classes = this.#a.classes;
    let k = index;
    let piece = this.#pieces[k]!;
    for (let left = count; ; ) {
      if (classes[piece.charCodeAt(i)] !== SKIP) {
        if (left === 0) return this.#starts[k]! + i;
        left--;
      }
      i--;
      while (i < 0) {
        piece = this.#pieces[--k]!;
        i = piece.length - 1;
      }
    }
  }

  finish(): readonly Match[] {
    return this.#found.length ? this.#resolve() : NO_MATCHES;
  }

  /** The folded unit at `offset`, or -1 outside the text. */
  #unitAt(offset: number): number {
    if (offset < 0 || offset >= this.#length) return -1;
    const k = lastAtOrBefore(this.#starts, this.#count, offset);
    const raw = this.#pieces[k]!.charCodeAt(offset - this.#starts[k]!);
    return this.#a.fold.get(raw) ?? raw;
  }

  /** The text read since reset, joined: only a block with a metric in it needs it. */
  #text(): string {
    return this.#count === 1 ? this.#pieces[0]! : this.#pieces.slice(0, this.#count).join('');
  }

  /**
   * Reads the figure beside each metric match and drops the metrics that
   * count only with one: an ordinary word (required) without its figure, a
   * body's figure (anchored) without a term of its document in the same
   * block. A metric and its figure become one match, unless the figure runs
   * into another match.
   */
  #withFigures(matches: Match[], patterns: number[]): Match[] {
    const { figure: modes, docs, quantities } = this.#a;
    let text: string | undefined;
    const out: Match[] = [];
    for (let k = 0; k < matches.length; k++) {
      const match = matches[k]!;
      const p = patterns[k]!;
      const mode = modes[p]!;
      if (mode === 0) {
        out.push(match);
        continue;
      }
      text ??= this.#text();
      const accepted = quantities[p]!;
      // The figure's period (scope) is read when a card or the popup asks for it (withFigureScope), not here.
      const near = figureNear(text, match[0], match[1], {
        accepts: accepted ? (measure) => (accepted & quantityBit(quantityOf(measure))) !== 0 : undefined,
        scope: false,
      });
      if (!near && mode >= REQUIRED) continue;
      if (mode === ANCHORED && !patterns.some((q, i) => i !== k && modes[q]! < REQUIRED && (docs[q]! & docs[p]!) !== 0)) continue;
      if (!near) {
        out.push(match);
        continue;
      }
      const start = Math.min(match[0], near.figure.start);
      const end = Math.max(match[1], near.figure.end);
      const clear = matches.every((other, i) => i === k || other[1] <= start || other[0] >= end);
      out.push([clear ? start : match[0], clear ? end : match[1], match[2], match[3], near]);
    }
    return out;
  }

  #resolve(): Match[] {
    const { wordStart, wordEnd, length, flags, figure, termIds } = this.#a;
    const all = this.#found;
    // A place word is no match; a local form counts only in a text that names a place.
    let placed = false;
    for (let k = 2; k < all.length && !placed; k += 3) placed = (flags[all[k]!]! & PLACE) !== 0;
    // Latin forms need a word boundary on their Latin ends, checked now that the units after them are read.
    const found: number[] = [];
    for (let k = 0; k < all.length; k += 3) {
      const p = all[k + 2]!;
      if (flags[p]! & PLACE || (flags[p]! & LOCAL && !placed)) continue;
      if (wordStart[p] && isAsciiWord(this.#unitAt(all[k]! - 1))) continue;
      if (wordEnd[p] && isAsciiWord(this.#unitAt(all[k + 1]!))) continue;
      found.push(all[k]!, all[k + 1]!, p);
    }
    const count = found.length / 3;
    const order = Array.from({ length: count }, (_, k) => k);
    const toMatch = (k: number): Match => {
      const p = found[3 * k + 2]!;
      return flags[p]! & RELATED ? [found[3 * k]!, found[3 * k + 1]!, termIds[p]!, true] : [found[3 * k]!, found[3 * k + 1]!, termIds[p]!];
    };
    order.sort((a, b) => found[3 * a]! - found[3 * b]! || found[3 * b + 1]! - found[3 * a + 1]!);
    let overlapping = false;
    for (let k = 1; k < count && !overlapping; k++) {
      overlapping = found[3 * order[k]!]! < found[3 * order[k - 1]! + 1]!;
    }
    const withFigures = (kept: number[]) => {
      const matches = kept.map(toMatch);
      if (!kept.some((k) => figure[found[3 * k + 2]!]! !== 0)) return matches;
      return this.#withFigures(matches, kept.map((k) => found[3 * k + 2]!));
    };
    if (!overlapping) return withFigures(order);
    // Longest first (the automaton's length, quotes included), then the term's own wording before a related
    // form, then leftmost; a shorter match inside or across a kept one loses.
    const byLength = [...order].sort(
      (a, b) =>
        length[found[3 * b + 2]!]! - length[found[3 * a + 2]!]! ||
        (flags[found[3 * a + 2]!]! & RELATED) - (flags[found[3 * b + 2]!]! & RELATED) ||
        found[3 * a]! - found[3 * b]!,
    );
    const taken = new Uint8Array(this.#length);
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
    return withFigures(kept);
  }
}

/**
 * The automaton as a message carries it: the background builds it once per
 * index, and each page loads it without building (building it in a page's
 * cold script engine cost 2.5-4.5 ms of every page's start). Its typed arrays
 * go as they are: messages are structured clones (the manifest's
 * message_serialization in Chrome, always in Firefox), which copy a typed
 * array's bytes in one step where JSON wrote and parsed every number, and
 * loadMatcher uses the arrays it receives without copying them again. Only
 * three members change shape: the 64K class table and the fold map go as
 * the pairs that are not 0, and the patterns' term ids as one string, one id
 * a line (one string to copy, not thousands). Any other member of the
 * automaton goes through as built.
 */
export type MatcherTables = Omit<Automaton, 'fold' | 'classes' | 'termIds'> & {
  /** [unit, folded unit, …] */
  fold: Uint16Array;
  /** [unit, class, …] for every unit whose class is not 0. */
  classes: Uint16Array;
  /** The pattern's term ids, one a line. */
  termIds: string;
};

/** `places`: the words that set a text in the documents' place (天津, its districts), for the terms' local forms. */
export function buildMatcherTables(terms: readonly MatcherTerm[], foldMap: FoldMap = {}, places: readonly string[] = []): MatcherTables {
  const { fold, classes, termIds, ...rest } = build(terms, foldMap, places);
  const pairs: number[] = [];
  for (let unit = 0; unit < classes.length; unit++) if (classes[unit] !== 0) pairs.push(unit, classes[unit]!);
  return { ...rest, fold: Uint16Array.from([...fold].flat()), classes: Uint16Array.from(pairs), termIds: termIds.join('\n') };
}

export function loadMatcher(t: MatcherTables): Matcher {
  const { fold: foldPairs, classes: classPairs, termIds, ...rest } = t;
  const fold = new Map<number, number>();
  for (let k = 0; k < foldPairs.length; k += 2) fold.set(foldPairs[k]!, foldPairs[k + 1]!);
  const classes = new Uint16Array(0x10000);
  for (let k = 0; k < classPairs.length; k += 2) classes[classPairs[k]!] = classPairs[k + 1]!;
  return matcherOf({ ...rest, fold, classes, termIds: termIds ? termIds.split('\n') : [] });
}

export function createMatcher(terms: readonly MatcherTerm[], foldMap: FoldMap = {}, places: readonly string[] = []): Matcher {
  return matcherOf(build(terms, foldMap, places));
}

function matcherOf(automaton: Automaton): Matcher {
  const own = new Cursor(automaton);
  const a = automaton;
  const bytes = [a.classes, a.rootNext, a.base, a.check, a.next, a.fallback, a.report, a.output, a.nextReport, a.length, a.lead, a.wordStart, a.wordEnd, a.flags, a.figure, a.docs, a.quantities].reduce(
    (sum, array) => sum + array.byteLength,
    0,
  );
  return {
    scan(text) {
      own.reset();
      own.feed(text);
      const matches = own.finish();
      own.reset();
      return matches;
    },
    cursor: () => new Cursor(automaton),
    patternCount: automaton.termIds.length,
    bytes,
  };
}
