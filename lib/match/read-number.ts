// Reads one number where a page or the report prints it: Arabic digits
// (41.2, 1,000, 1，000, full-width ５０．５), Chinese numerals (五十, 一百二十,
// 两千, 三千五百, 一万二千, 一万二, 〇, traditional 億萬兩, financial 壹贰叁 …)
// and Arabic digits with a magnitude word (1.2万, 3千, 5千万, 2万亿).
//
// The magnitude word is read here, not by the figure reader: a Chinese numeral
// holds its 万 and 亿 inside it (一亿二千万), so only the numeral's own grammar
// can tell where the number ends; the result says which magnitude word was
// printed last (五十亿 → 亿) so a figure can print its unit as the page does.
// 余 and 多 are the figure's: 20余万 is read here as 20, and the figure reader
// reads 余 and then the magnitude with readMagnitude.
//
// A malformed number is no number, never a wrong one: 1.2.3万, digits run
// into letters (5G, V2X), 三四个 ("three or four"), 十四五 (a plan's name),
// 数十万 ("several hundred thousand"), and numbers too long to be a quantity.

import { codeIndex, includesCode } from './figure-words';

export interface NumberRead {
  /** The number with its magnitude word applied: 41.2亿 → 4120000000, 五十亿 → 5000000000, 三千五百 → 3500. */
  value: number;
  /** The number as printed before its magnitude word: 41.2 for 41.2亿, 50 for 五十亿. */
  number: number;
  /** The magnitude word printed last, simplified: 亿, 万, 千, 千万, 万亿; '' when none. */
  magnitude: string;
  /** Offset just past the number and its magnitude word. */
  end: number;
}

export interface NumberOptions {
  /** Read Arabic digits only: in the report, Chinese numerals are idioms (一体推进, 三年行动), not quantities. */
  arabicOnly?: boolean;
}

export interface MagnitudeRead {
  exponent: number;
  /** As printed, simplified: 十万, 亿, 万亿 … */
  printed: string;
  end: number;
}

/**
 * Integer digits a quantity may print. Chinese writes large quantities with
 * 万 and 亿 (1500万, not 15000000); a longer run of digits is a phone number
 * (11 digits), an identity or order number, not a quantity.
 */
export const MAX_INTEGER_DIGITS = 9;
/** Decimal digits a quantity may print; with MAX_INTEGER_DIGITS, every number is read exactly (15 digits < 2^53). */
export const MAX_DECIMAL_DIGITS = 6;
/**
 * The largest value a figure may have once its magnitude is applied: ten
 * times the yearly output of the largest economy in yuan (about 1.3e14), and
 * every value up to it is an exact integer (below 2^53 ≈ 9e15). 9999999999亿
 * (1e18) is no figure.
 */
export const MAX_VALUE = 1e15;

const DIGITS = '零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖';
const DIGIT_VALUES = '00122234567891223345667789';
const UNITS = '十拾百佰千仟万萬亿億';
const UNIT_EXPONENTS = '1122334488';
/** The units a magnitude after Arabic digits may start with (3千, 5百万); the financial 拾佰仟 only stand inside numerals. */
const SMALL_MAGNITUDES = '十百千';
/** Words before a numeral that make it vague: 数十万 ("several hundred thousand"), 几百个. */
const VAGUE = '数數几幾';
/** After 千, these make one measure word with it (千瓦, 千米, 千克): 3千瓦 is 3 kW, not 3000 W. */
const KILO_MEASURES = '瓦米克';

/** 0–9 for an ASCII or full-width digit, -1 otherwise. */
/** Whether a unit can be a numeral's last: an Arabic or full-width digit, a Chinese digit or a magnitude (十百千万亿). */
export function isNumeral(code: number): boolean {
  return arabicDigit(code) !== -1 || isChineseNumeral(code);
}

export function arabicDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** 0–9 for a Chinese digit (零〇 一 二两 …, traditional and financial forms), -1 otherwise. */
function chineseDigit(code: number): number {
  const at = codeIndex(DIGITS, code);
  return at === -1 ? -1 : DIGIT_VALUES.charCodeAt(at) - 0x30;
}

/** 1, 2, 3, 4, 8 for 十 百 千 万 亿 (and their traditional and financial forms), 0 otherwise. */
function unitExponent(code: number): number {
  const at = codeIndex(UNITS, code);
  return at === -1 ? 0 : UNIT_EXPONENTS.charCodeAt(at) - 0x30;
}

function isLetter(code: number): boolean {
  const c = code >= 0xff21 && code <= 0xff5a ? code - 0xfee0 : code;
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

function isChineseNumeral(code: number): boolean {
  return chineseDigit(code) !== -1 || unitExponent(code) !== 0;
}

/** Whether a number begins at `pos`: not inside another number, a label (V2X) or a vague numeral (数十). */
export function isNumberStart(text: string, pos: number, options?: NumberOptions): boolean {
  const code = text.charCodeAt(pos);
  const prev = pos > 0 ? text.charCodeAt(pos - 1) : -1;
  if (arabicDigit(code) !== -1) {
    // The digits after a thousands separator continue the number before it (1,000), they do not start one.
    const afterSeparator = arabicDigit(text.charCodeAt(pos - 2)) !== -1 && separatorAt(text, pos - 1);
    return arabicDigit(prev) === -1 && !isLetter(prev) && !isDot(prev) && !afterSeparator;
  }
  if (options?.arabicOnly) return false;
  // A numeral opens on a digit or on 十 (十二, 十项); 百, 千, 万 and 亿 never do (千家万户, 百年).
  if (chineseDigit(code) === -1 && unitExponent(code) !== 1) return false;
  return !isChineseNumeral(prev) && arabicDigit(prev) === -1 && !includesCode(VAGUE, prev);
}

/** A magnitude word after Arabic digits: 十万, 百万, 千万, 百, 千, 万, 亿, 十亿, 万亿 … (十 alone is no magnitude). */
export function readMagnitude(text: string, pos: number): MagnitudeRead | undefined {
  let i = pos;
  let small = codeIndex(SMALL_MAGNITUDES, text.charCodeAt(i)) + 1;
  if (small === 3 && includesCode(KILO_MEASURES, text.charCodeAt(i + 1))) small = 0;
  if (small > 0) i++;
  let big = unitExponent(text.charCodeAt(i));
  if (big < 4) big = 0;
  else {
    i++;
    if (big === 4 && unitExponent(text.charCodeAt(i)) === 8) {
      big = 12;
      i++;
    }
  }
  // 十 alone is no magnitude (5十), and nobody writes 3千万亿.
  if ((big === 0 && small < 2) || (big === 12 && small > 0)) return undefined;
  return {
    exponent: small + big,
    printed: (small ? SMALL_MAGNITUDES.charAt(small - 1) : '') + (big === 4 ? '万' : big === 8 ? '亿' : big === 12 ? '万亿' : ''),
    end: i,
  };
}

/** mantissa × 10^(exponent − decimals), exactly when the result is an integer below 2^53. */
function scale(mantissa: number, decimals: number, exponent: number): number {
  const shift = exponent - decimals;
  return shift >= 0 ? mantissa * 10 ** shift : mantissa / 10 ** -shift;
}

function separatorAt(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  if (code !== 0x2c && code !== 0xff0c) return false;
  for (let i = 1; i <= 3; i++) if (arabicDigit(text.charCodeAt(pos + i)) === -1) return false;
  return arabicDigit(text.charCodeAt(pos + 4)) === -1;
}

function readArabic(text: string, pos: number): NumberRead | undefined {
  let i = pos;
  let mantissa = 0;
  let integerDigits = 0;
  let group = 0;
  let grouped = false;
  for (;;) {
    const digit = arabicDigit(text.charCodeAt(i));
    if (digit !== -1) {
      mantissa = mantissa * 10 + digit;
      integerDigits++;
      group++;
      i++;
    } else if ((grouped ? group === 3 : group <= 3) && separatorAt(text, i)) {
      // 1,000 and 1，000: only groups of three after a first group of one to three, so a list (5，300) stays a list.
      grouped = true;
      group = 0;
      i++;
    } else break;
  }
  let decimals = 0;
  if (isDot(text.charCodeAt(i)) && arabicDigit(text.charCodeAt(i + 1)) !== -1) {
    i++;
    for (let digit = arabicDigit(text.charCodeAt(i)); digit !== -1; digit = arabicDigit(text.charCodeAt(++i))) {
      mantissa = mantissa * 10 + digit;
      decimals++;
    }
    if (isDot(text.charCodeAt(i)) && arabicDigit(text.charCodeAt(i + 1)) !== -1) return undefined; // 1.2.3
  }
  const next = text.charCodeAt(i);
  if (integerDigits > MAX_INTEGER_DIGITS || decimals > MAX_DECIMAL_DIGITS) return undefined;
  if (isLetter(next) || chineseDigit(next) !== -1 || includesCode(VAGUE, next)) return undefined; // 5G, 14五, 10几
  const magnitude = readMagnitude(text, i);
  const end = magnitude ? magnitude.end : i;
  if (magnitude && (arabicDigit(text.charCodeAt(end)) !== -1 || isLetter(text.charCodeAt(end)))) return undefined; // 1万2千
  const value = scale(mantissa, decimals, magnitude ? magnitude.exponent : 0);
  if (value > MAX_VALUE) return undefined;
  return { value, number: scale(mantissa, decimals, 0), magnitude: magnitude ? magnitude.printed : '', end };
}

const NONE = 0;
const DIGIT = 1;
const ZERO = 2;
const SMALL = 3;
const BIG = 4;

/**
 * A Chinese numeral is read by the standard sum of sections (三千五百 under
 * 万, under 亿) and checked against how numbers are written: each non-zero
 * digit stands at a place (an exponent of ten) below the one before it, and
 * one 零 is written exactly where places are skipped between two digits
 * (一千零五十, 十万零五百, 二亿零二百万; 一百零五十 and 二亿二十 are not
 * numbers). A last digit right after a unit counts in the place below it
 * (一万二 is 12000, 两千五 2500, 两亿五 250000000).
 */
function readChinese(text: string, pos: number): NumberRead | undefined {
  let i = pos;
  /** Sum of the sections closed by 万 or 亿, and the section being read. */
  let total = 0;
  let section = 0;
  let digit = -1;
  let prev = NONE;
  /** Whether a 零 stands before the pending digit, and before the section's first digit. */
  let zero = false;
  let digitAfterZero = false;
  let zeroFirst = false;
  /** Places of the section's first and last digits, within it (or in the whole number for what follows the last 万 or 亿); -1: none yet. */
  let first = -1;
  let last = -1;
  /** Place in the whole number of the last digit of the sections closed so far (-1: none). */
  let closedLast = -1;
  let lastSmall = 4;
  let lastBig = 0;
  let lastUnit = 0;
  let magnitudeStart = -1;

  /** Puts a digit at a place of the section, if 零 stands where places are skipped. */
  const place = (at: number): boolean => {
    if (first === -1) {
      first = at;
      zeroFirst = digitAfterZero;
    } else if (last - at > 1 !== digitAfterZero) return false;
    last = at;
    section += digit * 10 ** at;
    digit = -1;
    return true;
  };
  /** Closes the section under a big unit (0 at the numeral's end). */
  const close = (big: number): boolean => {
    if (first === -1) return true;
    const firstPlace = first + big;
    if (closedLast === -1 ? zeroFirst : closedLast <= firstPlace || closedLast - firstPlace > 1 !== zeroFirst) return false;
    closedLast = last + big;
    return true;
  };

  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = chineseDigit(code);
    if (d !== -1) {
      // 三四个 ("three or four") and 二〇二四 (a year spelt digit by digit) are no numbers.
      if (prev === DIGIT || (d === 0 && prev === ZERO)) return undefined;
      if (d === 0) zero = true;
      else {
        digit = d;
        digitAfterZero = zero;
        zero = false;
      }
      prev = d === 0 ? ZERO : DIGIT;
      continue;
    }
    const e = unitExponent(code);
    if (e === 0 || (e === 3 && includesCode(KILO_MEASURES, text.charCodeAt(i + 1)))) break;
    if (prev === ZERO) return undefined; // 一千零万
    if (e < 4) {
      if (digit === -1) {
        // 十 opens 十二 and 十项; 一百十 and 五万十 are not how a number is written.
        if (prev !== NONE || e !== 1) return undefined;
        digit = 1;
      }
      if (e >= lastSmall || !place(e)) return undefined; // 五百三千
      lastSmall = e;
    } else if (prev === BIG) {
      // 一万亿: the bigger unit multiplies what the smaller closed.
      if (e <= lastBig) return undefined;
      total *= 10 ** e;
      closedLast += e;
    } else {
      if ((digit !== -1 && !place(0)) || first === -1) return undefined;
      if (e === lastBig) return undefined; // 一万二万
      if (e > lastBig && lastBig !== 0) {
        // 五万三千亿: 亿 after 万 multiplies everything before it.
        total = (total + section) * 10 ** e;
        closedLast += e;
      } else total += section * 10 ** e;
      if (!close(e)) return undefined;
      section = 0;
      first = last = -1;
      lastSmall = 4;
      lastBig = e;
      magnitudeStart = i;
    }
    lastUnit = e;
    prev = e < 4 ? SMALL : BIG;
  }
  if (prev === ZERO) {
    if (i > pos + 1) return undefined; // 一千零
  } else if (digit !== -1) {
    // The last digit: in the ones place, or right after a unit (一万二) in the place below that unit.
    if (!place(digitAfterZero || lastUnit === 0 ? 0 : lastUnit - 1)) return undefined;
  }
  if (!close(0)) return undefined;
  const next = text.charCodeAt(i);
  if (arabicDigit(next) !== -1 || includesCode(VAGUE, next)) return undefined; // 五十5, 十几万
  const value = total + section;
  if (value > MAX_VALUE) return undefined;
  const exponent = prev === BIG ? (i - magnitudeStart === 2 ? 12 : lastBig) : 0;
  return {
    value,
    number: value / 10 ** exponent,
    magnitude: exponent === 0 ? '' : exponent === 4 ? '万' : exponent === 8 ? '亿' : '万亿',
    end: i,
  };
}

/** The number whose first digit is at `pos`, or undefined when none begins there or it is malformed. */
export function readNumber(text: string, pos: number, options?: NumberOptions): NumberRead | undefined {
  if (!isNumberStart(text, pos, options)) return undefined;
  return arabicDigit(text.charCodeAt(pos)) !== -1 ? readArabic(text, pos) : readChinese(text, pos);
}
