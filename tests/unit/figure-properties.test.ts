import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figureNear } from '@/lib/match/figure-near';
import { readFigure } from '@/lib/match/read-figure';

// An oracle written apart from the reader: Chinese numerals spelt the way a
// textbook spells them, with the forms people also write (两千, 一万二, 十二).
const DIGITS = '零一二三四五六七八九';
const SMALL_UNITS: [string, number][] = [['千', 1000], ['百', 100], ['十', 10], ['', 1]];

function section(n: number): string {
  let out = '';
  let gap = false;
  for (const [unit, size] of SMALL_UNITS) {
    const digit = Math.floor(n / size) % 10;
    if (digit === 0) {
      gap = out !== '';
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += DIGITS[digit]! + unit;
  }
  return out;
}

/** The textbook spelling of a whole number below 10^16. */
function chinese(n: number): string {
  if (n === 0) return '零';
  let out = '';
  let gap = false;
  for (const [part, unit] of [[Math.floor(n / 1e8), '亿'], [Math.floor(n / 1e4) % 1e4, '万'], [n % 1e4, '']] as const) {
    if (part === 0) {
      gap = out !== '';
      continue;
    }
    if (out && (gap || part < 1000)) out += '零';
    gap = false;
    out += (unit === '亿' ? chinese(part) : section(part)) + unit;
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}

const UNIT_BELOW: Record<string, string> = { 百: '十', 千: '百', 万: '千', 亿: '千万' };

/** Every way the oracle accepts n to be printed: textbook, 一十二 for 十二, and 一万二 for 一万二千, 两亿五 for 两亿五千万. */
function spellings(n: number): string[] {
  const textbook = chinese(n);
  const forms = [textbook];
  if (textbook.startsWith('十')) forms.push(`一${textbook}`);
  for (const [unit, below] of Object.entries(UNIT_BELOW)) {
    const digitAt = textbook.length - below.length - 1;
    if (textbook.endsWith(below) && digitAt > 0 && DIGITS.indexOf(textbook[digitAt]!) > 0 && textbook[digitAt - 1] === unit) {
      forms.push(textbook.slice(0, -below.length));
    }
  }
  return forms;
}

/** Printed Chinese numeral characters folded to the textbook's: traditional, 两 and 〇. */
function textbookForm(printed: string): string {
  return printed.replace(/萬/g, '万').replace(/億/g, '亿').replace(/[两兩]/g, '二').replace(/〇/g, '零');
}

const CHINESE_NUMERAL = /^[零〇一二两兩三四五六七八九十百千万萬亿億]+/;
const MAGNITUDE_EXPONENT: Record<string, number> = { '': 0, 十: 1, 百: 2, 千: 3, 万: 4, 十万: 5, 百万: 6, 千万: 7, 亿: 8, 十亿: 9, 百亿: 10, 千亿: 11, 万亿: 12 };
/** Equal to a relative 1e-12: the test's own product (32768.05 × 10^6) is rounded, the reader's is exact. */
const nearly = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
const foldWidth = (s: string) => s.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('a figure written anywhere in a sentence', () => {
  const context = fc
    .array(fc.constantFrom(...'推进全市工作质量发展新建设农田标准，。、 '), { maxLength: 12 })
    .map((chars) => chars.join(''));
  const measure = fc.constantFrom('亩', '美元', '元', '个', '项', '户', '人', '人次', '%', '个百分点', '平方米', '公里', '家', '名', '吨', '辆次');
  const before = fc.constantFrom('', '超过', '约', '近', '不少于', '突破');
  const after = fc.constantFrom('', '以上', '左右', '以下');

  const arabic = fc.record({
    integer: fc.integer({ min: 0, max: 99_999 }),
    decimals: fc.constantFrom('', '5', '25', '05'),
    magnitude: fc.constantFrom('', '千', '万', '亿', '百万', '千万'),
    width: fc.constantFrom('ascii', 'full', 'separated'),
  }).map(({ integer, decimals, magnitude, width }) => {
    const digits = width === 'separated' ? integer.toLocaleString('en-US') : String(integer);
    const ascii = decimals ? `${digits}.${decimals}` : digits;
    const printed = width === 'full' ? ascii.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : ascii;
    return { printed: printed + magnitude, number: Number(`${integer}.${decimals || 0}`), magnitude, folded: magnitude };
  });

  // From 2: a lone 一 before a measure is the article "a" (一个村), read as no figure.
  const chineseNumber = fc.record({
    integer: fc.integer({ min: 2, max: 9_999 }),
    magnitude: fc.constantFrom('', '万', '亿'),
    script: fc.constantFrom('simplified', 'traditional'),
  }).map(({ integer, magnitude, script }) => {
    const spelt = chinese(integer) + magnitude;
    const printed = script === 'traditional' ? spelt.replace(/万/g, '萬').replace(/亿/g, '億') : spelt;
    return { printed, number: integer, magnitude, folded: magnitude };
  });

  it('is read back with the value and unit it was written with', () => {
    fc.assert(
      fc.property(context, fc.oneof(arabic, chineseNumber), measure, before, after, context, (lead, n, unit, qualifierBefore, qualifierAfter, tail) => {
        const metric = '高标准农田';
        const written = `${qualifierBefore}${n.printed}${unit}${qualifierAfter}`;
        const text = `${lead}${metric}${written}${tail}`;
        const found = figureNear(text, lead.length, lead.length + metric.length);
        expect(found?.figure.text).toBe(written);
        expect(found?.figure.number).toBe(n.number);
        expect(found?.figure.unit).toBe(n.folded + unit);
        expect(nearly(found!.figure.value, n.number * 10 ** MAGNITUDE_EXPONENT[n.magnitude]!)).toBe(true);
        expect(found?.figure.qualifier).toBe([qualifierBefore, qualifierAfter].filter(Boolean).join(' '));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('text full of numbers that are no figures', () => {
  const noisy = fc
    .array(
      fc.constantFrom(
        ...'0125909０５.．,，:+-G第年月日岁万亿千百十萬億一二两三五零〇九个亩人次%元余多以上约超过“”《》数的农',
        '2023年', '12月20日', '5G', '第3版', '13812345678', '10:30', '3:1', '65岁以上', '“1+3+4”', '1.2.3万', '9999999999亿',
      ),
      { maxLength: 40 },
    )
    .map((pieces) => pieces.join(''));

  it('never yields a figure whose value is not the number printed in it', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        for (let at = 0; at < text.length; at++) {
          const figure = readFigure(text, at);
          if (!figure) continue;
          expect(text.slice(figure.start, figure.end)).toBe(figure.text);
          expect(figure.start).toBeLessThanOrEqual(at);
          const magnitude = figure.unit.slice(0, figure.unit.length - figure.measure.length);
          expect(nearly(figure.value, figure.number * 10 ** MAGNITUDE_EXPONENT[magnitude]!)).toBe(true);
          const numeral = CHINESE_NUMERAL.exec(text.slice(at))?.[0];
          if (numeral) {
            // The whole run of numeral characters is the number (magnitude included when it ends the run).
            const folded = textbookForm(numeral);
            const endsInMagnitude = /[万亿]$/.test(folded) && magnitude !== '' && folded.endsWith(magnitude.slice(-1));
            const whole = endsInMagnitude ? figure.value : figure.number;
            expect(spellings(whole)).toContain(folded);
          } else {
            // The digits as printed, separators and widths folded, are the number; nothing runs into them.
            const digits = /^(?:[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+|[0-9]+)(?:\.[0-9]+)?/.exec(foldWidth(text.slice(at)))![0];
            expect(Number(digits.replace(/,/g, ''))).toBe(figure.number);
            expect(foldWidth(text.slice(at - 1, at))).not.toMatch(/[0-9A-Za-z.]/);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
