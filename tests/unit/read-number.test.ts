import { describe, expect, it } from 'vitest';
import { isNumberStart, readMagnitude, readNumber } from '@/lib/match/read-number';

/** value, number as printed, magnitude, and the text the reader consumed. */
function read(text: string, at = 0) {
  const found = readNumber(text, at);
  return found && { value: found.value, number: found.number, magnitude: found.magnitude, read: text.slice(at, found.end) };
}

describe('readNumber, Arabic digits', () => {
  it.each([
    ['41.2亿美元', 4_120_000_000, 41.2, '亿', '41.2亿'],
    ['1000户', 1000, 1000, '', '1000'],
    ['1,000亩', 1000, 1000, '', '1,000'],
    ['1，000亩', 1000, 1000, '', '1，000'],
    ['12,345,678人', 12_345_678, 12_345_678, '', '12,345,678'],
    ['５０万亩', 500_000, 50, '万', '５０万'],
    ['５０．５亿元', 5_050_000_000, 50.5, '亿', '５０．５亿'],
    ['236.6万人次', 2_366_000, 236.6, '万', '236.6万'],
    ['0.2个百分点', 0.2, 0.2, '', '0.2'],
    ['1.2万', 12_000, 1.2, '万', '1.2万'],
    ['3千人', 3000, 3, '千', '3千'],
    ['5百万', 5_000_000, 5, '百万', '5百万'],
    ['5千万元', 50_000_000, 5, '千万', '5千万'],
    ['10万', 100_000, 10, '万', '10万'],
    ['20十万', 2_000_000, 20, '十万', '20十万'],
    ['100亿', 10_000_000_000, 100, '亿', '100亿'],
    ['2万亿元', 2_000_000_000_000, 2, '万亿', '2万亿'],
    ['5萬畝', 50_000, 5, '万', '5萬'],
    ['3億美元', 300_000_000, 3, '亿', '3億'],
  ])('%s', (text, value, number, magnitude, consumed) => {
    expect(read(text)).toEqual({ value, number, magnitude, read: consumed });
  });

  it('gives a decimal with a magnitude its exact value', () => {
    expect(read('41.2亿')!.value).toBe(4_120_000_000);
    expect(read('0.07万')!.value).toBe(700);
    expect(read('236.6万')!.number).toBe(236.6);
  });

  it('stops before a full stop and before 余 and 多, which belong to the figure', () => {
    expect(read('5.')).toMatchObject({ value: 5, read: '5' });
    expect(read('20余万人')).toMatchObject({ value: 20, magnitude: '', read: '20' });
  });

  it('takes 千 with 瓦, 米 and 克 as one measure word, not a magnitude', () => {
    expect(read('3千瓦')).toMatchObject({ value: 3, read: '3' });
    expect(read('5千米')).toMatchObject({ value: 5, read: '5' });
    expect(read('10万千瓦')).toMatchObject({ value: 100_000, magnitude: '万', read: '10万' });
  });

  it('reads a list, not thousands, where the groups are not of three', () => {
    expect(read('5，30家')).toMatchObject({ value: 5, read: '5' });
    expect(read('1,0000')).toMatchObject({ value: 1, read: '1' });
    expect(read('2023,2024')).toMatchObject({ value: 2023, read: '2023' });
  });
});

describe('readNumber, Chinese numerals', () => {
  it.each([
    ['五十', 50, 50, ''],
    ['一百二十', 120, 120, ''],
    ['两千', 2000, 2000, ''],
    ['三千五百', 3500, 3500, ''],
    ['十', 10, 10, ''],
    ['十二', 12, 12, ''],
    ['二十万', 200_000, 20, '万'],
    ['一万二千', 12_000, 12_000, ''],
    ['一万二', 12_000, 12_000, ''],
    ['两千五', 2500, 2500, ''],
    ['一百零五', 105, 105, ''],
    ['一千零五十', 1050, 1050, ''],
    ['〇', 0, 0, ''],
    ['零', 0, 0, ''],
    ['两', 2, 2, ''],
    ['五十亿', 5_000_000_000, 50, '亿'],
    ['一亿二千万', 120_000_000, 12_000, '万'],
    ['一万亿', 1_000_000_000_000, 1, '万亿'],
    ['五十億', 5_000_000_000, 50, '亿'],
    ['兩千萬', 20_000_000, 2000, '万'],
    ['壹佰贰拾', 120, 120, ''],
    ['貳拾伍萬', 250_000, 25, '万'],
    ['參仟', 3000, 3000, ''],
    ['十万零五百', 100_500, 100_500, ''],
    ['一万零五', 10_005, 10_005, ''],
    ['一千零五十万', 10_500_000, 1050, '万'],
    ['二亿零二百万', 202_000_000, 20_200, '万'],
    ['九百零一亿', 90_100_000_000, 901, '亿'],
    ['五万三千亿', 5_300_000_000_000, 53_000, '亿'],
    ['两亿五', 250_000_000, 250_000_000, ''],
  ])('%s', (text, value, number, magnitude) => {
    expect(read(text)).toEqual({ value, number, magnitude, read: text });
  });

  it('ends a numeral at the first character that is not one', () => {
    expect(read('五十亿美元')).toMatchObject({ read: '五十亿' });
    expect(read('三千瓦')).toMatchObject({ value: 3, read: '三' });
  });

  it('reads no Chinese numeral when asked for Arabic digits only', () => {
    expect(readNumber('五十亿', 0, { arabicOnly: true })).toBeUndefined();
    expect(readNumber('50亿', 0, { arabicOnly: true })).toMatchObject({ value: 5_000_000_000 });
  });
});

describe('readNumber, malformed numbers are no number', () => {
  it.each([
    ['a second decimal point', '1.2.3万'],
    ['too many digits before a magnitude', '9999999999亿'],
    ['a value past the bound once its magnitude applies', '99999999亿'],
    ['a phone number', '13812345678'],
    ['digits run into letters', '5G'],
    ['digits run into full-width letters', '５Ｇ'],
    ['digits run into a Chinese numeral', '14五'],
    ['Arabic digits inside a magnitude', '1万2千'],
    ['two digits in a row: "three or four"', '三四个'],
    ['a plan\'s name', '十四五'],
    ['a year spelt digit by digit', '二〇二四年'],
    ['units out of order', '五百三千'],
    ['a numeral that ends in 零', '一千零'],
    ['a vague numeral', '十几万'],
    ['零 where no place is skipped', '一百零五十'],
    ['零 after 十', '十零三'],
    ['a leading 零', '零五'],
    ['a skipped place without 零', '二亿二十'],
    ['a digit after 百 before 万', '九百二万'],
    ['a digit after 万 before 亿', '一万二亿'],
    ['a big unit twice', '一万二万'],
    ['too many decimals', '3.1415926'],
  ])('%s: %s', (_, text) => {
    expect(readNumber(text, 0)).toBeUndefined();
  });

  it('starts no number inside another number, a label or a vague numeral', () => {
    expect(readNumber('V2X', 1)).toBeUndefined();
    expect(readNumber('123', 1)).toBeUndefined();
    expect(readNumber('1.5', 2)).toBeUndefined();
    expect(readNumber('1,000', 2)).toBeUndefined();
    expect(readNumber('五十', 1)).toBeUndefined();
    expect(readNumber('数十万', 1)).toBeUndefined();
    expect(readNumber('几百个', 1)).toBeUndefined();
    expect(readNumber('千家万户', 0)).toBeUndefined();
    expect(readNumber('百年', 0)).toBeUndefined();
  });

  it('tells where a number may start, cheaply, for readers that scan', () => {
    const text = '新建50万亩、五十个';
    const starts = [...text].map((_, i) => i).filter((i) => isNumberStart(text, i));
    expect(starts.map((i) => text[i])).toEqual(['5', '五']);
    expect([...text].map((_, i) => i).filter((i) => isNumberStart(text, i, { arabicOnly: true })).map((i) => text[i])).toEqual(['5']);
  });
});

describe('readMagnitude', () => {
  it.each([
    ['万', 4, '万'],
    ['十万', 5, '十万'],
    ['百万', 6, '百万'],
    ['千万', 7, '千万'],
    ['亿', 8, '亿'],
    ['十亿', 9, '十亿'],
    ['万亿', 12, '万亿'],
    ['千', 3, '千'],
    ['萬', 4, '万'],
  ])('%s', (text, exponent, printed) => {
    expect(readMagnitude(text, 0)).toEqual({ exponent, printed, end: text.length });
  });

  it('is no magnitude for 十 alone or 千 of 千瓦', () => {
    expect(readMagnitude('十', 0)).toBeUndefined();
    expect(readMagnitude('千瓦', 0)).toBeUndefined();
    expect(readMagnitude('人', 0)).toBeUndefined();
  });
});
