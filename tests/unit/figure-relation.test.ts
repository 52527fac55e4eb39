import { describe, expect, it } from 'vitest';
import { figureNear, type FigureNear } from '@/lib/match/figure-near';
import { relateFigure, type TargetFigure } from '@/lib/match/figure-relation';

/** A target row of the report (2024) as the index stores it: value and unit as printed. */
function target(value: number, unit: string, qualifier = '', kind: TargetFigure['kind'] = 'commitment'): TargetFigure {
  return { value, unit, qualifier, kind, year: 2024 };
}

/** What figureNear reads for `metric` in a page sentence. */
function page(text: string, metric: string): FigureNear {
  const at = text.indexOf(metric);
  const found = figureNear(text, at, at + metric.length);
  if (!found) throw new Error(`no figure for ${metric} in ${text}`);
  return found;
}

describe('relateFigure: the same', () => {
  it.each([
    ['a figure that meets an "or more" target', target(50, '万亩', '以上'), '新建高标准农田55万亩', '高标准农田'],
    ['a figure at the bound of an "or more" target', target(50, '万亩', '以上'), '新建高标准农田50万亩', '高标准农田'],
    ['the same figure', target(50, '亿美元', '全年'), '实际使用外资50亿美元', '实际使用外资'],
    ['the same figure in Chinese numerals and traditional script', target(50, '亿美元', '全年'), '實際使用外資五十億美元', '實際使用外資'],
    ['the same area in another magnitude', target(550, '万亩'), '粮食播种面积5500000亩', '粮食播种面积'],
    ['the same money in 万元', target(88.8, '亿元', '全年', 'result'), '营业收入888000万元', '营业收入'],
    ['the same people in 人', target(3, '万人'), '就业困难人员就业30000人', '就业困难人员就业'],
    ['hectares against mu', target(15, '亩'), '新建高标准农田1公顷', '高标准农田'],
    ['a rounded figure (左右) that rounds the target', target(550, '万亩'), '粮食播种面积稳定在550万亩左右', '粮食播种面积'],
    ['a rounded target (约) and an exact figure it rounds', target(41.5, '万人', '约', 'result'), '参与人数41.53万人', '参与人数'],
    ['a rounded figure (约) at or above a floor', target(75, '万亩', '以上'), '蔬菜播种面积约78万亩', '蔬菜播种面积'],
    ['"more than" against "more than"', target(4200, '场', '超过', 'result'), '助老活动超过4200场', '助老活动'],
    ['余 against an exact figure inside its step', target(650, '家'), '中小企业600余家', '中小企业'],
    ['an upper bound that holds', target(3, '%', '不超过'), '城镇调查失业率2.9%', '城镇调查失业率'],
    ['a count in another classifier', target(20, '项'), '民心工程20个', '民心工程'],
  ])('%s', (_, want, text, metric) => {
    expect(relateFigure(want, page(text, metric))).toEqual({ relation: 'same' });
  });
});

describe('relateFigure: differs, with the direction', () => {
  it.each([
    ['below an exact target', target(50, '亿美元', '全年'), '实际使用外资41.2亿美元', '实际使用外资', 'below'],
    ['below an "or more" target', target(75, '万亩', '以上'), '蔬菜播种面积70万亩', '蔬菜播种面积', 'below'],
    ['below a count', target(175, '个'), '“高效办成一件事”场景160个', '高效办成一件事', 'below'],
    ['above an exact target', target(800, '个'), '完成900个经济薄弱村扶持', '经济薄弱村', 'above'],
    ['above an upper bound', target(3, '%', '不超过'), '城镇调查失业率3.5%', '城镇调查失业率', 'above'],
    ['beyond the rounding of 左右', target(550, '万亩'), '粮食播种面积560万亩左右', '粮食播种面积', 'above'],
    ['约 rounds to its last digit, not to 5%', target(550, '万亩'), '粮食播种面积约530万亩', '粮食播种面积', 'below'],
    ['近 is under its figure by at most a step', target(50, '亿美元'), '实际使用外资近48亿美元', '实际使用外资', 'below'],
    ['a rounded target (约) and an exact figure past its rounding', target(41.5, '万人', '约', 'result'), '参与人数42万人', '参与人数', 'above'],
    ['近 is below its figure', target(20, '万平方米'), '总建筑面积近20万平方米', '总建筑面积', 'below'],
    ['"more than" is above the figure', target(1500, '万'), '客户超过1500万', '客户', 'above'],
    ['余 is above the figure', target(600, '家'), '中小企业600余家', '中小企业', 'above'],
    ['an exact figure below 余', target(600, '家', '余', 'result'), '中小企业600家', '中小企业', 'below'],
    ['an exact figure past the step of 余', target(600, '家', '余', 'result'), '中小企业700家', '中小企业', 'above'],
    ['万亩 against 亩', target(50, '万亩', '以上'), '新建高标准农田450000亩', '高标准农田', 'below'],
  ])('%s', (_, want, text, metric, direction) => {
    expect(relateFigure(want, page(text, metric))).toEqual({ relation: 'differs', direction });
  });
});

describe('relateFigure: another scope, never agreement or disagreement', () => {
  it.each([
    ['a unit that does not convert', target(50, '亿美元', '全年'), '实际使用外资320亿元', '实际使用外资', 'unit'],
    ['percent against percentage points', target(0.2, '个百分点'), '研发投入强度提高0.2%', '研发投入强度提高', 'unit'],
    ['percentage points against percent', target(5, '%', '左右'), '地区生产总值增长5个百分点', '地区生产总值增长', 'unit'],
    ['person-times against people', target(3, '万人'), '就业困难人员就业3万人次', '就业困难人员就业', 'unit'],
    ['a cumulative figure against a one-year target', target(50, '万亩', '以上'), '全市累计建成高标准农田50万亩', '高标准农田', 'cumulative'],
    ['a multi-year total', target(50, '万亩', '以上'), '近年来新建高标准农田150万亩', '高标准农田', 'cumulative'],
    ['a one-year figure against a cumulative target', target(4300, '个', '累计', 'result'), '今年承接平安社区建设4300个', '平安社区建设', 'cumulative'],
    ['a total until a year', target(50, '万亩', '以上'), '到2025年新建高标准农田300万亩', '高标准农田', 'until'],
    ['part of a year', target(50, '亿美元', '全年'), '前三季度实际使用外资50亿美元', '实际使用外资', 'part-year'],
    ['the year so far', target(50, '亿美元', '全年'), '今年以来实际使用外资30亿美元', '实际使用外资', 'part-year'],
    ['another year', target(50, '亿美元', '全年'), '2023年实际使用外资41.2亿美元', '实际使用外资', 'year'],
  ])('%s', (_, want, text, metric, reason) => {
    expect(relateFigure(want, page(text, metric))).toEqual({ relation: 'other-scope', reason });
  });

  it('compares a cumulative figure with a cumulative target', () => {
    const want = target(4300, '个', '累计', 'result');
    expect(relateFigure(want, page('累计承接平安社区建设4300个', '平安社区建设'))).toEqual({ relation: 'same' });
    expect(relateFigure(want, page('累计承接平安社区建设4000个', '平安社区建设'))).toEqual({ relation: 'differs', direction: 'below' });
  });

  it('places 今年, 去年 and 明年 by the year the page speaks from', () => {
    const want = target(50, '万亩', '以上');
    const thisYear = page('今年新建高标准农田55万亩', '高标准农田');
    const lastYear = page('去年新建高标准农田55万亩', '高标准农田');
    const nextYear = page('明年新建高标准农田55万亩', '高标准农田');
    expect(relateFigure(want, thisYear, { pageYear: 2024 })).toEqual({ relation: 'same' });
    expect(relateFigure(want, thisYear, { pageYear: 2025 })).toEqual({ relation: 'other-scope', reason: 'year' });
    expect(relateFigure(want, lastYear, { pageYear: 2025 })).toEqual({ relation: 'same' });
    expect(relateFigure(want, lastYear, { pageYear: 2024 })).toEqual({ relation: 'other-scope', reason: 'year' });
    expect(relateFigure(want, nextYear, { pageYear: 2023 })).toEqual({ relation: 'same' });
  });

  it('cannot place a relative year without the page\'s year', () => {
    expect(relateFigure(target(50, '万亩', '以上'), page('今年新建高标准农田55万亩', '高标准农田'))).toEqual({
      relation: 'other-scope',
      reason: 'year',
    });
  });

  it('lets an explicit year win over a relative word', () => {
    const found = page('2024年全年实际使用外资50亿美元', '实际使用外资');
    expect(relateFigure(target(50, '亿美元', '全年'), found)).toEqual({ relation: 'same' });
  });

  it('compares a figure of the target\'s year', () => {
    expect(relateFigure(target(50, '亿美元', '全年'), page('2024年实际使用外资41.2亿美元', '实际使用外资'))).toEqual({
      relation: 'differs',
      direction: 'below',
    });
  });
});
