// Reads what period a figure on a page covers, from the words of its
// sentence: one year (今年, 2023年, 全年), part of a year (前三季度, 上半年,
// 1-9月, 今年以来), a total up to a date (到2025年, 2025年前, 截至) or over
// several years (累计, 历年, 三年来, 近年来). A one-year target of the report
// compares only with a figure of the same scope, so a card never sets a
// three-year total against one year's promise.

import { foldFigureChar, includesCode, printedAt, wordAt } from './figure-words';
import { quoteDepthChange } from './quote-depth';
import { arabicDigit, readNumber } from './read-number';

export type FigureScope = 'year' | 'part-year' | 'until' | 'cumulative';
export type RelativeYear = 'this' | 'last' | 'next';

export interface ScopeWord {
  scope: FigureScope;
  /** Offset just past the word. */
  end: number;
  year?: number;
  relativeYear?: RelativeYear;
  /** 累计 says "in total" over whatever period the sentence names: 2023年累计 is a year, 前三季度累计 part of one. */
  weak?: boolean;
}

export interface FigureScopeRead {
  /** The scope of the scope word nearest the figure; undefined when the sentence names none. */
  scope?: FigureScope;
  /** The explicit year nearest the figure (2023年, 到2025年). */
  year?: number;
  /** The relative year word nearest the figure (今年, 去年, 明年). */
  relativeYear?: RelativeYear;
}

/** Longer words first where two share a start (今年以来 before 今年, 近年来 before 近). */
const THIS_YEAR_SO_FAR = ['今年以来', '本年以来', '年初以来', '年初至今'];
const THIS_YEAR = ['本年度', '今年', '本年', '全年'];
const LAST_YEAR = ['去年', '上年'];
const NEXT_YEAR = ['明年'];
const CUMULATIVE = ['近年来', '多年来', '历年', '年来', '以来', '至今'];
const IN_TOTAL = '累计';
const PART_YEAR = ['季度', '半年'];
/** Words that put a total at a date: 到2025年, 截至2023年底; 截至 alone (截至目前) still does. */
const UNTIL = ['截止到', '截至', '截止', '到', '至'];
/** Between a range's two months: 1-9月, 1至9月, 1～9月. */
const RANGE_MARKS = '-~至到—–';
const NIAN = 0x5e74; // 年
const YUE = 0x6708; // 月
const QIAN = 0x524d; // 前
const JIN = 0x8fd1; // 近
/** The first character of every scope word (digits aside): a unit not among them starts none. */
const SCOPE_STARTS = new Set(
  [...THIS_YEAR_SO_FAR, ...THIS_YEAR, ...LAST_YEAR, ...NEXT_YEAR, ...CUMULATIVE, IN_TOTAL, ...PART_YEAR, ...UNTIL, '前', '近'].map((w) =>
    w.charCodeAt(0),
  ),
);

/**
 * Whether a scope word may start at `pos`: a digit or the first character of
 * one. The figure reader asks this before scopeWordAt, which tries every word
 * list, at each unit it steps over after a metric.
 */
export function mayStartScopeWord(text: string, pos: number): boolean {
  const code = foldFigureChar(text.charCodeAt(pos));
  return arabicDigit(code) !== -1 || SCOPE_STARTS.has(code);
}

/** A year printed as four digits and 年 at `pos` (1900–2100), or -1. */
function yearAt(text: string, pos: number): number {
  if (arabicDigit(text.charCodeAt(pos - 1)) !== -1) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = arabicDigit(text.charCodeAt(pos + i));
    if (digit === -1) return -1;
    year = year * 10 + digit;
  }
  return text.charCodeAt(pos + 4) === NIAN && year >= 1900 && year <= 2100 ? year : -1;
}

/** End of a month number (one or two digits) and 月 at `pos`, or -1. */
function monthEnd(text: string, pos: number): number {
  let i = pos;
  while (i < pos + 2 && arabicDigit(text.charCodeAt(i)) !== -1) i++;
  return i > pos && text.charCodeAt(i) === YUE ? i + 1 : -1;
}

/** A month range at `pos` (1-9月, 1月至9月), end past it, or -1. */
function monthRangeEnd(text: string, pos: number): number {
  let i = pos;
  while (i < pos + 2 && arabicDigit(text.charCodeAt(i)) !== -1) i++;
  if (i === pos) return -1;
  if (text.charCodeAt(i) === YUE) i++;
  if (!includesCode(RANGE_MARKS, foldFigureChar(text.charCodeAt(i)))) return -1;
  return monthEnd(text, i + 1);
}

/** The scope word printed at `pos`, if any. */
export function scopeWordAt(text: string, pos: number): ScopeWord | undefined {
  const year = yearAt(text, pos);
  if (year !== -1) {
    let end = pos + 5;
    if (printedAt(text, end, '以来')) return { scope: 'part-year', end: end + 2, year };
    if (printedAt(text, end, '底前')) end++;
    if (printedAt(text, end, '前')) return { scope: 'until', end: end + 1, year };
    return { scope: 'year', end, year };
  }
  if (arabicDigit(text.charCodeAt(pos)) !== -1) {
    const end = arabicDigit(text.charCodeAt(pos - 1)) === -1 ? monthRangeEnd(text, pos) : -1;
    return end === -1 ? undefined : { scope: 'part-year', end };
  }
  const until = wordAt(text, pos, UNTIL);
  if (until) {
    const after = pos + until.length;
    const untilYear = yearAt(text, after);
    if (untilYear !== -1) return { scope: 'until', end: after + 5, year: untilYear };
    if (until.length > 1) return { scope: 'until', end: after };
  }
  if (text.charCodeAt(pos) === JIN) {
    // 近三年, 近5年: a total over the last few years.
    const count = readNumber(text, pos + 1);
    if (count && text.charCodeAt(count.end) === NIAN) return { scope: 'cumulative', end: count.end + 1 };
  }
  if (text.charCodeAt(pos) === QIAN) {
    // 前三季度 and 前10个月 are parts of a year.
    const count = readNumber(text, pos + 1);
    if (count && (printedAt(text, count.end, '个月') || printedAt(text, count.end, '季度'))) {
      return { scope: 'part-year', end: count.end + 2 };
    }
  }
  let word = wordAt(text, pos, THIS_YEAR_SO_FAR);
  if (word) return { scope: 'part-year', end: pos + word.length, relativeYear: 'this' };
  if ((word = wordAt(text, pos, THIS_YEAR))) return { scope: 'year', end: pos + word.length, relativeYear: 'this' };
  if ((word = wordAt(text, pos, LAST_YEAR))) return { scope: 'year', end: pos + word.length, relativeYear: 'last' };
  if ((word = wordAt(text, pos, NEXT_YEAR))) return { scope: 'year', end: pos + word.length, relativeYear: 'next' };
  if ((word = wordAt(text, pos, CUMULATIVE))) return { scope: 'cumulative', end: pos + word.length };
  if (printedAt(text, pos, IN_TOTAL)) return { scope: 'cumulative', end: pos + IN_TOTAL.length, weak: true };
  if ((word = wordAt(text, pos, PART_YEAR))) return { scope: 'part-year', end: pos + word.length };
  return undefined;
}

/**
 * The scope of a figure from the words in [from, to): the nearest scope word
 * wins, 累计 only when no other names the period; quoted titles are skipped
 * (《2023年报告》).
 */
export function readFigureScope(text: string, from: number, to: number): FigureScopeRead {
  const read: FigureScopeRead = {};
  let depth = 0;
  for (let i = from; i < to; ) {
    depth = Math.max(0, depth + quoteDepthChange(text.charCodeAt(i)));
    const word = depth > 0 ? undefined : scopeWordAt(text, i);
    if (!word) {
      i++;
      continue;
    }
    if (!word.weak || read.scope === undefined) read.scope = word.scope;
    if (word.year !== undefined) read.year = word.year;
    if (word.relativeYear) read.relativeYear = word.relativeYear;
    i = word.end;
  }
  return read;
}
