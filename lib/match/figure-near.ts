// Finds the figure a page gives for a metric, in the few characters around
// where the matcher found the metric in a block's text, and the period that
// figure covers. The page's text is read as printed (full-width, traditional):
// the matcher's offsets are the page's offsets.
//
// A figure belongs to a metric when it stands in the same clause
//   - after it, within a short gap: 实际使用外资41.2亿美元, 新建高标准农田55万亩,
//     “高效办成一件事”场景160个, 粮食播种面积稳定在560万亩左右;
//   - right before it: 60个乡村振兴示范村, 50万亩以上的高标准农田;
//   - in a list paired by 分别: 粮食、蔬菜分别55万亩和76万亩 (蔬菜 → 76万亩).
// Another number between the metric and a figure, the clause's end, or 的
// (实际使用外资的企业有300家: the metric then describes another noun) ends
// the search: no figure is better than another thing's figure.

import type { Figure } from './read-figure';
import { mayEndFigure, readFigure } from './read-figure';
import { mayStartScopeWord, readFigureScope, scopeWordAt, type FigureScopeRead } from './read-figure-scope';
import { quantityOf } from './figure-units';
import { foldFigureChar, includesCode, printedAt, wordAt } from './figure-words';
import { quoteDepthChange } from './quote-depth';
import { isNumberStart, type NumberOptions } from './read-number';

export interface FigureNear extends FigureScopeRead {
  figure: Figure;
}

export interface FigureNearOptions extends NumberOptions {
  /**
   * Whether the metric's targets use this measure (美元, 亩, 个, %, '' …).
   * A figure with an accepted measure is taken anywhere in the window; one
   * with another measure only when it follows the metric directly or through
   * a linking verb (实际使用外资320亿元, 实际使用外资同比增长12%: the page's
   * figure for a 亿美元 target, in a unit that does not convert, which the
   * card says), never further on (实际使用外资企业新增300家). Accepts every
   * measure when omitted.
   */
  accepts?: (measure: string) => boolean;
  /**
   * Whether to read the period the sentence gives the figure (default true).
   * The page's scan leaves it out (false): it is read back words from every
   * figure, a third of the figure reader's time on a long page, and only a
   * card or the popup's list needs it (withFigureScope, then).
   */
  scope?: boolean;
}

/**
 * Units between a metric's end and its figure's number: room for a scope
 * word, a verb and a generic tail (今年前三季度累计达 is 9), while a number
 * further on usually counts the next noun of the clause.
 */
const AFTER_GAP = 12;
/** How far back a figure that ends at the metric may begin: the longest form (不少于1,000.5万平方公里以上) is 17 units. */
const BEFORE_REACH = 24;
/** Units a 分别 list may span on either side of the metric (粮食、蔬菜、瓜果分别稳定播种550万亩、75万亩和30万亩以上). */
const LIST_REACH = 40;
/** How far back a sentence's scope words are read: a lead-in (2023年，全市…) is near; a bound keeps the work per hit constant. */
const SCOPE_REACH = 64;

/** Folded clause ends: a figure of another clause is another metric's (、 too: 粮食55万亩、蔬菜76万亩). */
const CLAUSE_ENDS = ',;!?。、';
/** Folded sentence ends: scope words are read back to here. */
const SENTENCE_ENDS = ';!?。';
/** Between a figure and the metric after it: 50万亩以上的高标准农田, 175个“高效办成一件事”场景. */
const BEFORE_JOINS = '的“「『《 \u3000';
/** Units that keep a gap "direct": closing quotes, spaces, a colon (实际使用外资：320亿元). */
const DIRECT_MARKS = '”」』》 \u3000:';
/**
 * Verbs and generic heads between a metric and its own figure: 新建高标准农田面积达55万亩.
 * A change is the metric's figure too (实际使用外资同比增长12.5%): in another unit than
 * the target's, the card sets it beside the target as another scope.
 */
const LINKS = [
  '折合人民币', '稳定在', '保持在', '将达到', '同比增长', '同比下降', '同比增加', '同比减少',
  '共计', '合计', '累计', '完成', '实现', '新建', '新增', '建成', '达到', '将达', '折合', '增长', '下降', '增加', '减少',
  '场景', '建设', '任务',
  '面积', '规模', '总额', '总量', '金额', '数量', '人数', '总数', '达', '为', '是', '共', '有',
];
const LIST_MARKS = '、和与及';
const DE = 0x7684; // 的
const RESPECTIVELY = '分别';

const acceptAll = () => true;

/** Whether only closing quotes, links and scope words stand in [from, to). */
function isDirect(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    if (includesCode(DIRECT_MARKS, foldFigureChar(text.charCodeAt(i)))) i++;
    else {
      const link = wordAt(text, i, LINKS);
      const end = link ? i + link.length : scopeWordAt(text, i)?.end;
      if (end === undefined) return false;
      i = end;
    }
  }
  return true;
}

function figureAfter(text: string, matchEnd: number, options: FigureNearOptions | undefined, accepts: (measure: string) => boolean): Figure | undefined {
  let depth = 0;
  for (let i = matchEnd; i < text.length && i - matchEnd <= AFTER_GAP; ) {
    const code = text.charCodeAt(i);
    if (code === DE || includesCode(CLAUSE_ENDS, foldFigureChar(code))) return undefined;
    // Quotes opened after the metric; the metric's own closing quote (“高效办成一件事”场景) does not count.
    depth = Math.max(0, depth + quoteDepthChange(code));
    // Scope words come first: 2023年 and 1-9月 are numbers that are no figure, yet they do not end the search.
    const scope = mayStartScopeWord(text, i) ? scopeWordAt(text, i) : undefined;
    if (scope) {
      i = scope.end;
      continue;
    }
    if (isNumberStart(text, i, options)) {
      // A number inside a quotation opened after the metric is a name (实施“十四五”规划).
      const figure = depth > 0 ? undefined : readFigure(text, i, options);
      if (!figure) return undefined;
      if (accepts(figure.measure)) return figure;
      // A duration right after a metric is its period (经济薄弱村三年扶持), not its figure.
      return quantityOf(figure.measure) !== 'duration' && isDirect(text, matchEnd, figure.start) ? figure : undefined;
    }
    i++;
  }
  return undefined;
}

function figureBefore(text: string, matchStart: number, options: FigureNearOptions | undefined, accepts: (measure: string) => boolean): Figure | undefined {
  // A figure that ends at the metric (or one join before it) ends in a measure, a number, 余/多 or a
  // bound word: most metrics stand after other words, and are passed without a look back.
  const last = matchStart >= 1 && includesCode(BEFORE_JOINS, text.charCodeAt(matchStart - 1)) ? matchStart - 2 : matchStart - 1;
  if (last < 0 || !mayEndFigure(text, last)) return undefined;
  for (let p = matchStart - 1; p >= 0 && matchStart - p <= BEFORE_REACH; p--) {
    if (!isNumberStart(text, p, options)) continue;
    const figure = readFigure(text, p, options);
    if (!figure || !accepts(figure.measure)) continue;
    if (figure.end === matchStart || (figure.end === matchStart - 1 && includesCode(BEFORE_JOINS, text.charCodeAt(figure.end)))) return figure;
  }
  return undefined;
}

/** 粮食、蔬菜分别55万亩和76万亩: the figures after 分别 pair in order with the subjects before it. */
function figureListed(text: string, matchStart: number, matchEnd: number, options: FigureNearOptions | undefined, accepts: (measure: string) => boolean): Figure | undefined {
  // 分 is 分别's first character in either script: without one in reach there is no list to look at.
  const fen = text.indexOf('分', matchEnd);
  if (fen === -1 || fen - matchEnd > LIST_REACH) return undefined;
  let at = -1;
  for (let i = matchEnd; i < text.length && i - matchEnd <= LIST_REACH; i++) {
    if (printedAt(text, i, RESPECTIVELY)) {
      at = i;
      break;
    }
    const code = foldFigureChar(text.charCodeAt(i));
    // A figure of its own before 分别 (实际使用外资41.2亿美元、出口额分别增长…) is the metric's figure, not a list's.
    if ((code !== 0x3001 && includesCode(CLAUSE_ENDS, code)) || isNumberStart(text, i, options)) return undefined;
  }
  if (at === -1) return undefined;
  let index = 0;
  for (let i = matchStart - 1; i >= 0 && matchStart - i <= LIST_REACH; i--) {
    const code = foldFigureChar(text.charCodeAt(i));
    if (code !== 0x3001 && includesCode(CLAUSE_ENDS, code)) break;
    if (includesCode(LIST_MARKS, code)) index++;
  }
  for (let i = at + RESPECTIVELY.length; i < text.length && i - at <= LIST_REACH; i++) {
    if (includesCode(SENTENCE_ENDS, foldFigureChar(text.charCodeAt(i)))) break;
    const figure = isNumberStart(text, i, options) ? readFigure(text, i, options) : undefined;
    if (!figure) continue;
    if (index-- === 0) return accepts(figure.measure) ? figure : undefined;
    i = figure.end - 1;
  }
  return undefined;
}

/** Start of the sentence holding `pos`, at most SCOPE_REACH units back. */
function sentenceStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && pos - i < SCOPE_REACH && !includesCode(SENTENCE_ENDS, foldFigureChar(text.charCodeAt(i - 1)))) i--;
  return i;
}

/**
 * The page's figure for the metric found at [matchStart, matchEnd) of `text`
 * (a block's text), with the period its sentence gives it; undefined when the
 * metric stands without a figure of its own.
 */
export function figureNear(text: string, matchStart: number, matchEnd: number, options?: FigureNearOptions): FigureNear | undefined {
  const accepts = options?.accepts ?? acceptAll;
  const figure =
    figureListed(text, matchStart, matchEnd, options, accepts) ??
    figureBefore(text, matchStart, options, accepts) ??
    figureAfter(text, matchEnd, options, accepts);
  if (!figure) return undefined;
  return options?.scope === false ? { figure } : withFigureScope(text, { figure });
}

/** The figure with the period its sentence gives it (今年, 2023年, 累计 …), read from the text it was found in. */
export function withFigureScope(text: string, near: FigureNear): FigureNear {
  return { ...near, ...readFigureScope(text, sentenceStart(text, near.figure.start), near.figure.start) };
}
