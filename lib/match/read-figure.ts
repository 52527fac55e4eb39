// Reads a figure: a number with what it counts and how it is bounded,
// [qualifier] number [magnitude] [余/多] [measure] [qualifier]:
// 超过1500万, 近20万平方米, 600余家, 50万亩以上, 236.6万人次, 5.3%, 约41.5万人,
// 五十亿美元, 百分之五十. One reader serves the report (its targets) and the
// page (the figure next to a metric), so both sides read a figure alike.
//
// Not figures: a bare number (no magnitude, no measure), dates and years
// (2023年12月20日, 2024年), ordinals (第3版), labels (5G, V2X, 1+3+4, 14五),
// ages (65岁以上), times and scores (10:30, 3:1), phone numbers (see
// read-number). Whether a number stands inside quotes or a title depends on
// the text before it, which the caller holds: find-figures masks a clause's
// quotes, figure-near follows quotes between a metric and its figure.

import { MEASURE_WORDS, quantityOf } from './figure-units';
import { foldFigureChar, includesCode, printedAt, wordAt, wordBefore } from './figure-words';
import { arabicDigit, isNumeral, MAX_VALUE, readMagnitude, readNumber, type NumberOptions } from './read-number';

export interface Figure {
  /** Offsets of the figure as printed, qualifiers included. */
  start: number;
  end: number;
  /** The value in the measure's own units, magnitude applied: 41.2亿美元 → 4120000000 (美元). */
  value: number;
  /** The number as printed before its magnitude: 41.2 for 41.2亿美元 (the report's targets keep this with their unit). */
  number: number;
  /** The measure word, simplified: 美元, 亩, 个, %; '' for a bare magnitude (超过1500万). */
  measure: string;
  /** Magnitude and measure as printed, simplified, without 余/多: 亿美元, 万亩, 万. */
  unit: string;
  /** Bounding words in reading order, simplified, space-joined: 超过, 近, 余, 以上, 约 … ('' when none). */
  qualifier: string;
  /** The figure as printed. */
  text: string;
}

/** Words before a number that bound or approximate it (longer first: 将达到 before 达到 before 达). */
/**
 * Only words that bound or approximate: a linking verb (达到, 将达, 为) says
 * nothing of the figure's size, and the page's figure is shown without it
 * (本页 356亿元, not 达到356亿元); figure-near steps over it as a link.
 */
const BEFORE = ['不少于', '不低于', '不超过', '超过', '至少', '突破', '逾', '近', '约'];
/** Words that end in a qualifier without being one: 节约50万元 saves money, 最近3年 is recent, 下达 allocates. */
const NOT_BEFORE = ['节约', '签约', '预约', '制约', '集约', '最近', '附近', '到达', '抵达', '下达', '传达'];
const AFTER = ['以上', '以下', '左右', '之多'];
/** The last unit of every measure and bound word a figure may end in, and 余/多 and the percent signs. */
const FIGURE_ENDS = new Set([...MEASURE_WORDS, ...AFTER, '余', '多', '%', '％'].map((w) => w.charCodeAt(w.length - 1)));

/**
 * Whether a figure may end at unit `pos` (its last unit is there): a
 * number, a measure, 余/多 or a bound word ends it. The figure reader asks
 * this before looking back from a metric for a figure that ends at it.
 */
export function mayEndFigure(text: string, pos: number): boolean {
  const code = foldFigureChar(text.charCodeAt(pos));
  return FIGURE_ENDS.has(code) || isNumeral(code);
}
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
/** A number joined to another by these is part of a label or a range: 1+3+4, 5G/V2X, 2023-2025, 3~5. */
const JOINERS = '+-/_~';
const COLON = 0x3a;
const DOT = 0x2e;
const DI = 0x7b2c; // 第: 第3版, 第二轮 are ordinals
const YI = 0x4e00; // 一
/** 个人、家庭和政企客户: 个人 is the noun "individuals", not the counter 个 and 人. */
const LIST_MARKS = '、和及与';
const PERCENT_OF = '百分之';

function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** A year (1900–2100 in four digits, then 年) is a date, not thirty years' worth of something. */
function isYear(text: string, at: number, end: number, number: number): boolean {
  return end - at === 4 && arabicDigit(text.charCodeAt(at)) !== -1 && number >= 1900 && number <= 2100;
}

/** The figure whose number begins at `at` (qualifiers before it are read back from there), or undefined. */
export function readFigure(text: string, at: number, options?: NumberOptions): Figure | undefined {
  const read = readNumber(text, at, options);
  if (!read) return undefined;
  // 一个乡村振兴示范村, 一片农田: a lone 一 before a measure is the article "a", not a count of one.
  if (read.end === at + 1 && read.magnitude === '' && text.charCodeAt(at) === YI) return undefined;
  const prev = foldFigureChar(text.charCodeAt(at - 1));
  if (includesCode(JOINERS, prev) || prev === DI || (prev === COLON && arabicDigit(text.charCodeAt(at - 2)) !== -1)) return undefined;
  let { value, magnitude, end } = read;
  if (magnitude === '') {
    const next = foldFigureChar(text.charCodeAt(end));
    if (includesCode(JOINERS, next) || next === DOT || (next === COLON && arabicDigit(text.charCodeAt(end + 1)) !== -1)) return undefined;
  }

  let infix = '';
  let code = foldFigureChar(text.charCodeAt(end));
  if ((code === YU || code === DUO) && magnitude === '') {
    // 20余万人, 一千多万: the approximation stands between the number and its magnitude.
    const after = readMagnitude(text, end + 1);
    if (after) {
      value *= 10 ** after.exponent;
      magnitude = after.printed;
      infix = code === YU ? '余' : '多';
      end = after.end;
      code = -1;
    }
  }
  const infixHere = code === YU || code === DUO;

  let measure = '';
  const percent = printedAt(text, at - PERCENT_OF.length, PERCENT_OF);
  if (percent) {
    if (magnitude !== '' || infix !== '') return undefined;
    measure = '%';
  } else {
    const measureAt = infixHere ? end + 1 : end;
    measure = wordAt(text, measureAt, MEASURE_WORDS) ?? '';
    if (measure === '个' && printedAt(text, measureAt + 1, '人') && includesCode(LIST_MARKS, text.charCodeAt(measureAt + 2))) measure = '';
    if (infixHere) {
      // 600余家, 5万余名; 5万余， ends a figure, but before a word 余 and 多 belong to it (1万多样).
      if (!measure && (magnitude === '' || isIdeograph(text.charCodeAt(end + 1)))) return undefined;
      infix = code === YU ? '余' : '多';
      end++;
    }
    if (!measure && magnitude === '') return undefined;
    if (quantityOf(measure) === 'age') return undefined;
    if (measure === '年') {
      if (magnitude === '' && infix === '' && isYear(text, at, end, read.number)) return undefined;
      if (arabicDigit(text.charCodeAt(end + 1)) !== -1) return undefined; // 23年12月 is a date
    }
    end += measure.length;
  }
  if (value > MAX_VALUE) return undefined;
  const after = wordAt(text, end, AFTER) ?? '';
  end += after.length;

  let start = percent ? at - PERCENT_OF.length : at;
  const before = wordBefore(text, start, NOT_BEFORE) ? '' : (wordBefore(text, start, BEFORE) ?? '');
  start -= before.length;
  let qualifier = before;
  if (infix) qualifier += (qualifier && ' ') + infix;
  if (after) qualifier += (qualifier && ' ') + after;
  return {
    start,
    end,
    value,
    number: read.number,
    measure,
    unit: magnitude + measure,
    qualifier,
    text: text.slice(start, end),
  };
}
