// Says how a page's figure stands to the report's target, in terms a reader
// can trust: the same (the page's figure is consistent with the target: it
// meets a bound, or equals the figure within what 约 and 左右 allow), differs
// (it cannot be the target's figure: above or below), or another scope (the
// two do not measure the same thing: another period, a total over years, a
// unit that does not convert). Another scope never claims agreement or
// disagreement.
//
// Each figure is read as the set of values its words allow, in its
// quantity's base (亩, 元, 人 …), and two figures are the same when the sets
// meet:
//   X, 达X, 将达X, X之多         exactly X
//   X以上, 不少于X, 不低于X, 至少X  X or more;  超过X, 突破X, 逾X: more than X
//   X以下, 不超过X                X or less
//   约X, X左右                    X rounded at its last printed digit (约530: 525–535)
//   近X                           under X, by at most one step of its last digit (近48: 47–48)
//   X余, X多                      more than X, less than X plus one step of its last digit (600余: 600–700)
// The target's scope words: 累计 makes a total over years, comparable only
// with a page's total; 全年, 年底前, 汛前 and no word make a figure of the
// target's year, comparable with a page's figure of that year or of no stated
// period. The target's kind (commitment or result) does not change the
// comparison: a page figure above a commitment is stated as above, which a
// card can word as "exceeds".

import type { Target } from '../model';
import type { FigureNear } from './figure-near';
import { sameQuantity, toBase } from './figure-units';

export interface TargetFigure extends Pick<Target, 'value' | 'unit' | 'qualifier' | 'kind'> {
  /** The year the target is for (its document's year). */
  year: number;
}

export type RelationReason = 'unit' | 'cumulative' | 'until' | 'part-year' | 'year';

export interface FigureRelation {
  relation: 'same' | 'differs' | 'other-scope';
  /** For differs: where the page's figure lies. */
  direction?: 'above' | 'below';
  /** For other-scope: why the two do not compare. */
  reason?: RelationReason;
}

export interface RelateOptions {
  /**
   * The year the page speaks from (its date when known), to place 今年, 去年
   * and 明年. Without it a relative year cannot be placed, and such a figure
   * is another scope.
   */
  pageYear?: number;
}

/** Relative slack for comparing values brought to one base (平方米 → 亩 is not exact in binary). */
const EPSILON = 1e-9;

const AT_LEAST = ['以上', '不少于', '不低于', '至少'];
const MORE_THAN = ['超过', '突破', '逾'];
const AT_MOST = ['以下', '不超过'];
const ABOUT = ['约', '左右'];
const NEARLY = '近';
const SOME_MORE = ['余', '多'];
const IN_TOTAL = '累计';
const RELATIVE_OFFSET = { this: 0, last: -1, next: 1 } as const;

interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** The step of the last non-zero digit as printed: 600 → 100, 7900 → 100, 5 → 1, 1.5 → 0.1. */
function lastDigitStep(number: number): number {
  if (!Number.isInteger(number)) return 10 ** -(String(number).split('.')[1]?.length ?? 0);
  let step = 1;
  while (number > 0 && number % (step * 10) === 0) step *= 10;
  return step;
}

function interval(number: number, unit: string, qualifier: string): Interval {
  const base = toBase(number, unit)!;
  const step = toBase(lastDigitStep(number), unit)!;
  const range: Interval = { lo: base, hi: base, loOpen: false, hiOpen: false };
  for (const word of qualifier.split(' ')) {
    if (AT_LEAST.includes(word)) range.hi = Infinity;
    else if (MORE_THAN.includes(word)) {
      range.hi = Infinity;
      range.loOpen = true;
    } else if (AT_MOST.includes(word)) range.lo = -Infinity;
    else if (ABOUT.includes(word)) {
      // 约530 is 530 rounded at its last printed digit: 525 to 535, not anything within 5% of it
      // (约530万亩 against 550万亩 is below the target, as a reader reads it).
      const half = step / 2;
      range.lo = base - half;
      range.hi = base + half;
    } else if (word === NEARLY) {
      // 近48 is a little under 48: less than 48, by at most one step of its last digit.
      range.lo = base - step;
      range.hiOpen = true;
    } else if (SOME_MORE.includes(word)) {
      range.hi = base + step;
      range.loOpen = range.hiOpen = true;
    }
  }
  return range;
}

function close(a: number, b: number): boolean {
  if (a === b) return true;
  // An open bound (Infinity) is close to nothing else: the relative slack below would make it close to everything.
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

/** Whether some value lies in both intervals. */
function meet(a: Interval, b: Interval): boolean {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (close(lo, hi)) {
    const loOpen = (close(a.lo, lo) && a.loOpen) || (close(b.lo, lo) && b.loOpen);
    const hiOpen = (close(a.hi, hi) && a.hiOpen) || (close(b.hi, hi) && b.hiOpen);
    return !loOpen && !hiOpen;
  }
  return lo < hi;
}

function otherScope(reason: RelationReason): FigureRelation {
  return { relation: 'other-scope', reason };
}

/** What the relation reads of the page's figure: what figureNear found, or the same sent in a message. */
export type PageFigureRead = { figure: Pick<FigureNear['figure'], 'number' | 'unit' | 'qualifier'> } & Omit<FigureNear, 'figure'>;

/** How the page's figure (what figureNear found) stands to the target. */
export function relateFigure(target: TargetFigure, page: PageFigureRead, options?: RelateOptions): FigureRelation {
  const { figure } = page;
  if (!sameQuantity(target.unit, figure.unit)) return otherScope('unit');

  if (page.scope === 'until' || page.scope === 'part-year') return otherScope(page.scope);
  // A page that names no period may cite either kind of target; one that names it must name the target's kind.
  const targetInTotal = target.qualifier.split(' ').includes(IN_TOTAL);
  if (page.scope !== undefined && (page.scope === 'cumulative') !== targetInTotal) return otherScope('cumulative');

  let year = page.year;
  if (year === undefined && page.relativeYear) {
    if (options?.pageYear === undefined) return otherScope('year');
    year = options.pageYear + RELATIVE_OFFSET[page.relativeYear];
  }
  if (year !== undefined && year !== target.year) return otherScope('year');

  const want = interval(target.value, target.unit, target.qualifier);
  const got = interval(figure.number, figure.unit, figure.qualifier);
  if (meet(want, got)) return { relation: 'same' };
  return { relation: 'differs', direction: got.lo >= want.hi || close(got.lo, want.hi) ? 'above' : 'below' };
}
