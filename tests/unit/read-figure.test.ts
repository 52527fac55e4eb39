import { describe, expect, it } from 'vitest';
import { findFigures } from '@/lib/document/find-figures';
import { readFigure, type Figure } from '@/lib/match/read-figure';
import { isNumberStart, type NumberOptions } from '@/lib/match/read-number';

/** Every figure of a text, as a reader scanning it would find them. */
function figuresIn(text: string, options?: NumberOptions): Figure[] {
  const found: Figure[] = [];
  for (let i = 0; i < text.length; i++) {
    const figure = isNumberStart(text, i, options) ? readFigure(text, i, options) : undefined;
    if (figure) found.push(figure);
  }
  return found;
}

const shown = (f: Figure) => [f.text, f.value, f.unit, f.qualifier];

describe('readFigure', () => {
  it.each([
    ['超过1500万', 15_000_000, '万', '超过'],
    ['近20万平方米', 200_000, '万平方米', '近'],
    ['600余家', 600, '家', '余'],
    ['50万亩以上', 500_000, '万亩', '以上'],
    ['236.6万人次', 2_366_000, '万人次', ''],
    ['5.3%', 5.3, '%', ''],
    ['5.3％', 5.3, '%', ''],
    ['2个百分点', 2, '个百分点', ''],
    ['约41.5万人', 415_000, '万人', '约'],
    ['五十亿美元', 5_000_000_000, '亿美元', ''],
    ['1000户', 1000, '户', ''],
    ['3万人', 30_000, '万人', ''],
    ['41.2亿美元', 4_120_000_000, '亿美元', ''],
    ['160个', 160, '个', ''],
    ['560万亩左右', 5_600_000, '万亩', '左右'],
    ['不少于100公顷', 100, '公顷', '不少于'],
    ['不低于3千瓦', 3, '千瓦', '不低于'],
    ['至少5吨', 5, '吨', '至少'],
    ['突破1万辆', 10_000, '万辆', '突破'],
    ['逾300名', 300, '名', '逾'],
    ['不超过3%', 3, '%', '不超过'],
    ['10万吨以下', 100_000, '万吨', '以下'],
    ['120万人次之多', 1_200_000, '万人次', '之多'],
    ['20余万人', 200_000, '万人', '余'],
    ['一千多万', 10_000_000, '万', '多'],
    ['5万余名', 50_000, '万名', '余'],
    ['1800余辆次', 1800, '辆次', '余'],
    ['两个百分点', 2, '个百分点', ''],
    ['百分之五十以上', 50, '%', '以上'],
    ['30年', 30, '年', ''],
    ['6个月', 6, '个月', ''],
    ['3倍', 3, '倍', ''],
    ['12公里', 12, '公里', ''],
    ['5万标准箱', 50_000, '万标准箱', ''],
    ['80亿元', 8_000_000_000, '亿元', ''],
  ])('%s', (text, value, unit, qualifier) => {
    expect(figuresIn(text).map(shown)).toEqual([[text, value, unit, qualifier]]);
  });

  it('leaves a linking verb out of the figure: it says nothing of its size', () => {
    expect(figuresIn('将达到20项').map(shown)).toEqual([['20项', 20, '项', '']]);
    expect(figuresIn('将达103亿元').map(shown)).toEqual([['103亿元', 10_300_000_000, '亿元', '']]);
    expect(figuresIn('达到88万元').map(shown)).toEqual([['88万元', 880_000, '万元', '']]);
    expect(figuresIn('达50件').map(shown)).toEqual([['50件', 50, '件', '']]);
  });

  it('reads a lone 一 before a measure as the article "a", not a count of one', () => {
    expect(figuresIn('在一个乡村振兴示范村').map(shown)).toEqual([]);
    expect(figuresIn('一片农田和一千户').map(shown)).toEqual([['一千户', 1000, '户', '']]);
  });

  it('reads traditional and full-width text, and prints units and qualifiers simplified', () => {
    expect(figuresIn('實際使用外資五十億美元').map(shown)).toEqual([['五十億美元', 5_000_000_000, '亿美元', '']]);
    expect(figuresIn('超過５０萬畝以上').map(shown)).toEqual([['超過５０萬畝以上', 500_000, '万亩', '超过 以上']]);
    expect(figuresIn('600餘家').map(shown)).toEqual([['600餘家', 600, '家', '余']]);
    expect(figuresIn('約3萬戶').map(shown)).toEqual([['約3萬戶', 30_000, '万户', '约']]);
  });

  it('keeps the number as printed beside its unit and measure', () => {
    expect(readFigure('41.2亿美元', 0)).toMatchObject({ number: 41.2, measure: '美元', unit: '亿美元', start: 0, end: 7 });
    expect(readFigure('超过1500万', 2)).toMatchObject({ number: 1500, measure: '', unit: '万', start: 0, end: 7 });
  });

  it('ends a figure after 余 when punctuation follows, and reads none when a word does', () => {
    expect(figuresIn('带动就业5万余，').map(shown)).toEqual([['5万余', 50_000, '万', '余']]);
    expect(figuresIn('1万多样化')).toEqual([]);
  });

  it('reads 个人 after a number as "individuals", not as a measure', () => {
    expect(figuresIn('为超过1500万个人、家庭和政企客户').map(shown)).toEqual([['超过1500万', 15_000_000, '万', '超过']]);
  });

  it('takes no qualifier from a word that ends in one', () => {
    expect(figuresIn('节约50万元').map(shown)).toEqual([['50万元', 500_000, '万元', '']]);
    expect(figuresIn('最近3年').map(shown)).toEqual([['3年', 3, '年', '']]);
  });
});

describe('numbers that are not figures', () => {
  it.each([
    ['a date', '2023年12月20日'],
    ['a day and month', '2月14日'],
    ['a year', '2024年'],
    ['a year and its 度', '2023年度'],
    ['a short year in a date', '23年12月'],
    ['an ordinal', '第3版'],
    ['a Chinese ordinal', '第二轮'],
    ['5G', '5G网络'],
    ['V2X', 'V2X车联网'],
    ['a label joined by +', '1+3+4产业体系'],
    ['a plan', '14五规划'],
    ['an age', '65岁以上'],
    ['a phone number', '13812345678'],
    ['a time', '10:30'],
    ['a score', '3:1'],
    ['a score in words', '98比95'],
    ['a bare number', '共有300'],
    ['a malformed number', '1.2.3万'],
    ['a number past the bound', '9999999999亿'],
    ['a range', '2023-2025'],
    ['an idiom', '一体推进'],
    ['a vague numeral', '数十万人'],
    ['"three or four"', '三四个'],
  ])('%s: %s', (_, text) => {
    expect(figuresIn(text)).toEqual([]);
  });

  it('reads Arabic digits only when asked', () => {
    expect(figuresIn('三年行动新建50个', { arabicOnly: true }).map(shown)).toEqual([['50个', 50, '个', '']]);
    expect(figuresIn('三年行动新建50个').map(shown)).toEqual([
      ['三年', 3, '年', ''],
      ['50个', 50, '个', ''],
    ]);
  });
});

describe('findFigures, the report side', () => {
  it('leaves out numbers in quotes and titles, and Chinese numerals', () => {
    const text = '形成“1+3+4”产业体系，落实《2023年50项措施》，实施三年行动，新建40个乡村振兴示范村';
    expect(findFigures(text).map(shown)).toEqual([['40个', 40, '个', '']]);
  });

  it('reads a clause in the seed\'s ASCII punctuation', () => {
    const text = '出动保障人员7900余人次,保障车辆1800余辆次,保障重要通信电路215条';
    expect(findFigures(text).map(shown)).toEqual([
      ['7900余人次', 7900, '人次', '余'],
      ['1800余辆次', 1800, '辆次', '余'],
      ['215条', 215, '条', ''],
    ]);
  });
});
