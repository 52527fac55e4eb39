import { describe, expect, it } from 'vitest';
import { MEASURE_WORDS, quantityOf, sameQuantity, toBase, unitOf } from '@/lib/match/figure-units';

describe('toBase', () => {
  it.each([
    [550, '万亩', 5_500_000],
    [5_500_000, '亩', 5_500_000],
    [1, '公顷', 15],
    [10_000, '平方米', 15],
    [2, '平方公里', 3000],
    [50, '亿美元', 5_000_000_000],
    [88.8, '亿元', 8_880_000_000],
    [3, '万人', 30_000],
    [1, '万千瓦', 10_000],
    [2, '兆瓦', 2000],
    [5, '公里', 5000],
    [3, '万吨', 30_000_000],
    [2, '年', 730],
    [1500, '万', 15_000_000],
  ])('%s %s', (value, unit, base) => {
    expect(toBase(value, unit)).toBeCloseTo(base, 6);
  });

  it('brings 亿元 and 万元, 万亩 and 亩, 万人 and 人 to one scale', () => {
    expect(toBase(1, '亿元')).toBe(toBase(10_000, '万元'));
    expect(toBase(55, '万亩')).toBe(toBase(550_000, '亩'));
    expect(toBase(3, '万人')).toBe(toBase(30_000, '人'));
  });

  it('knows no unit it cannot measure', () => {
    expect(toBase(1, '港元')).toBeUndefined();
    expect(toBase(1, '万港元')).toBeUndefined();
    expect(unitOf('')).toBeUndefined();
  });
});

describe('sameQuantity', () => {
  it.each([
    ['亿元', '万元'],
    ['万亩', '公顷'],
    ['个', '项'],
    ['个', '家'],
    ['人', '名'],
    ['万人', '位'],
    ['次', '辆次'],
    ['年', '个月'],
    ['万', '亿'],
  ])('%s and %s compare', (a, b) => {
    expect(sameQuantity(a, b)).toBe(true);
  });

  it.each([
    ['亿元', '亿美元'],
    ['%', '个百分点'],
    ['人', '人次'],
    ['户', '人'],
    ['个', '万'],
    ['亩', '平方'],
    ['港元', '港元'],
  ])('%s and %s do not', (a, b) => {
    expect(sameQuantity(a, b)).toBe(false);
  });
});

describe('MEASURE_WORDS', () => {
  it('lists longer words first, so 个百分点 wins over 个 and 人次 over 人', () => {
    const at = (word: string) => MEASURE_WORDS.indexOf(word);
    expect(at('个百分点')).toBeLessThan(at('个'));
    expect(at('个月')).toBeLessThan(at('个'));
    expect(at('人次')).toBeLessThan(at('人'));
    expect(at('千瓦时')).toBeLessThan(at('千瓦'));
  });

  it('gives every measure word a quantity', () => {
    for (const word of MEASURE_WORDS) expect(quantityOf(word), word).toBeDefined();
  });
});
