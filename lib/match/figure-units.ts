// What a figure's unit measures, and how to bring two figures of the same
// quantity to one scale: 550万亩 and 5500000亩 are the same area, 亿元 and 万元
// the same money, while 亿元 and 亿美元, or % and 个百分点, never compare (an
// exchange rate is not the report's, and a rate is not a change of rate).
//
// A unit is a magnitude word and a measure word as printed, simplified
// (亿美元 = 亿 + 美元, 万千瓦 = 万 + 千瓦); '' measures a bare number (超过1500万).

import { readMagnitude } from './read-number';

/** Every quantity, in a fixed order: the matcher's tables carry a metric's quantities as bits of this list. */
export const QUANTITIES = [
  'number', 'area', 'cny', 'usd', 'people', 'person-times', 'times', 'households', 'count', 'length', 'weight',
  'power', 'energy', 'containers', 'percent', 'points', 'duration', 'multiple', 'age',
] as const;

export type Quantity = (typeof QUANTITIES)[number];

/** The bit of a quantity in a set of quantities (0 for none). */
export function quantityBit(quantity: Quantity | undefined): number {
  return quantity === undefined ? 0 : 1 << QUANTITIES.indexOf(quantity);
}

/** Measure word → its quantity and its size in that quantity's base (亩, 元, 米, 千克, 千瓦, 天 …). */
const MEASURES: Record<string, readonly [Quantity, number]> = Object.create(null);

function define(quantity: Quantity, entries: Record<string, number>): void {
  for (const word in entries) MEASURES[word] = [quantity, entries[word]!];
}

define('area', { 亩: 1, 公顷: 15, 平方米: 0.0015, 平方公里: 1500, 平方千米: 1500 });
define('cny', { 元: 1 });
define('usd', { 美元: 1 });
define('person-times', { 人次: 1 });
// Counts of events, whatever moved: 出动保障车辆1800余辆次 and 服务120万次 count the same kind of thing.
define('times', { 次: 1, 辆次: 1, 架次: 1, 艘次: 1 });
define('households', { 户: 1 });
define('length', { 米: 1, 公里: 1000, 千米: 1000 });
define('weight', { 千克: 1, 公斤: 1, 吨: 1000 });
define('power', { 瓦: 0.001, 千瓦: 1, 兆瓦: 1000 });
define('energy', { 千瓦时: 1 });
define('containers', { 标准箱: 1 });
define('percent', { '%': 1 });
define('points', { 个百分点: 1, 百分点: 1 });
define('duration', { 天: 1, 个月: 365 / 12, 年: 365 });
define('multiple', { 倍: 1 });
// Read so that 65岁以上 is recognised as an age and left out, never compared.
define('age', { 岁: 1, 周岁: 1 });
for (const word of '人名位') MEASURES[word] = ['people', 1];
// Classifiers of things count one thing each, so 20项 and 20个 of one metric compare.
for (const word of '个项件家所座处类支条张台辆套间种批场只头株棵部份款块栋艘架笔宗') MEASURES[word] = ['count', 1];

/** Every measure word, longest first, so that a reader takes 个百分点 before 个 and 人次 before 人. */
export const MEASURE_WORDS: readonly string[] = Object.keys(MEASURES).sort((a, b) => b.length - a.length);

/** The quantity a measure word (as MEASURE_WORDS spells it) measures; 'number' for ''. */
export function quantityOf(measure: string): Quantity | undefined {
  return measure === '' ? 'number' : MEASURES[measure]?.[0];
}

/** Quantity and size in the base of that quantity of one unit: 万亩 → area, 10000. Undefined for a unit it does not know. */
export function unitOf(unit: string): { quantity: Quantity; size: number } | undefined {
  const own = MEASURES[unit];
  if (own) return { quantity: own[0], size: own[1] };
  const magnitude = readMagnitude(unit, 0);
  if (!magnitude) return undefined;
  const measure = unit.slice(magnitude.end);
  const quantity = quantityOf(measure);
  if (!quantity) return undefined;
  return { quantity, size: 10 ** magnitude.exponent * (measure === '' ? 1 : MEASURES[measure]![1]) };
}

/** `value` printed with `unit`, in its quantity's base: (550, 万亩) → 5500000 亩; undefined for an unknown unit. */
export function toBase(value: number, unit: string): number | undefined {
  const known = unitOf(unit);
  return known && value * known.size;
}

/** Whether figures in these two units measure the same quantity and so can be compared. */
export function sameQuantity(a: string, b: string): boolean {
  const quantity = unitOf(a)?.quantity;
  return quantity !== undefined && quantity === unitOf(b)?.quantity;
}
