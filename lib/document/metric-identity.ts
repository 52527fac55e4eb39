// When two documents state a figure for the same thing (实际使用外资 in two
// years' reports; 地区生产总值增长 in a report and a plan report), the
// figures are one series, set side by side by year. What a figure counts is
// told from its metric as extract-targets read it, made plain (scope words
// such as 全年 and 全市, verbs such as 建成 and 稳定在, generic heads such as
// 建设 and 任务 say how or where it is counted, not what), from the kind of
// its unit (亿美元 and 万美元 are money in dollars, 万亩 and 亩 are area), and
// from the region the document is about. What the text cannot tell (实际利用
// 外资 is 实际使用外资) comes from a small reviewed alias file,
// seeds/metric-aliases.json.

import type { Target } from '../model';

export interface MetricAlias {
  /** The name the series takes. */
  metric: string;
  /** Other names of the same statistic. */
  aliases: string[];
  /** Why they are the same, for review. */
  note?: string;
}

/** A figure with what pairing needs of its document. */
export interface PairableTarget {
  target: Target;
  /** The year it is about (target-periods.ts); 0 when unknown. */
  year: number;
  docTitle: string;
  /** The region the document is about (天津, 全国). */
  region: string;
  /** The document's place in the library, for a stable order within a year. */
  docOrder: number;
}

export interface MetricPoint {
  targetId: string;
  clauseId: string;
  docId: string;
  docTitle: string;
  year: number;
  value: number;
  unit: string;
  qualifier: string;
  kind: Target['kind'];
  /** The figure as printed (50万亩以上). */
  text: string;
}

/** One metric across documents and years, its points in order of year. */
export interface MetricSeries {
  /** region | metric | unit kind. */
  key: string;
  metric: string;
  unitKind: string;
  region: string;
  points: MetricPoint[];
}

/** Words that bound where or when a figure counts, not what. */
const SCOPE_WORDS = ['全年', '年内', '年底前', '汛前', '全市', '全区', '全省', '全国', '累计', '今年', '当年'];
/** Verbs before what is counted: 建成高标准农田, 新打造乡村旅游示范片区, 新建和改造提升高标准农田. */
const LEADING = ['新建和改造提升', '改造提升', '新建改建', '新打造', '新认定', '新推出', '新建', '新增', '建成', '建设', '完成', '实现', '打造', '创建', '发放', '引进', '推动', '推进'];
/** Words after what is counted: 粮食播种面积稳定在, 高标准农田建设, 民心工程全面. */
const TRAILING = ['稳定在', '保持在', '控制在', '提高到', '达到', '建设', '任务', '工作', '全面', '规模', '为'];
/** Totals of whatever the sentence is about (总投资 of one project, 企业 of one scheme): never one series across sentences. */
const GENERIC_METRICS = new Set(['总投资', '投资', '项目', '资金', '企业', '人数', '人次', '面积', '增幅', '增长', '达到', '总产量']);

/** Whether a metric, made plain, is a total of whatever its sentence is about (总投资, 企业): it names nothing alone. */
export function isGenericMetric(plain: string): boolean {
  return GENERIC_METRICS.has(plain);
}
const MAGNITUDE = /^(?:万亿|亿|千万|百万|万|千|百)/;
const AREA = new Set(['亩', '平方米', '平方公里', '公顷']);
const LENGTH = new Set(['公里', '千米', '米']);
const PEOPLE = new Set(['人', '名']);

function strip(phrase: string, words: readonly string[], fromStart: boolean): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of words) {
      const at = fromStart ? phrase.startsWith(word) : phrase.endsWith(word);
      if (at && phrase.length > word.length + 1) {
        phrase = fromStart ? phrase.slice(word.length) : phrase.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return phrase;
}

/** What a metric counts, without the words that only say how, where or when. */
export function normaliseMetric(metric: string): string {
  let plain = metric.replace(/[“”"（）()\s\u3000]/g, '');
  for (const word of SCOPE_WORDS) if (plain.length > word.length + 1) plain = plain.replaceAll(word, '');
  return strip(strip(plain, LEADING, true), TRAILING, false);
}

/** The kind of quantity a unit measures: area, money in a currency, a share, a count of something. */
export function unitKind(unit: string): string {
  const measure = unit.replace(MAGNITUDE, '');
  if (measure === '') return 'count';
  if (measure === '%') return 'percent';
  if (measure === '个百分点' || measure === '百分点') return 'points';
  if (AREA.has(measure)) return 'area';
  if (LENGTH.has(measure)) return 'length';
  if (PEOPLE.has(measure)) return 'people';
  if (measure === '元') return 'money:元';
  if (measure === '美元') return 'money:美元';
  return measure;
}

/** Each alias, made plain, → the name its series takes. */
export function aliasIndex(aliases: readonly MetricAlias[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of aliases) {
    for (const name of [entry.metric, ...entry.aliases]) index.set(normaliseMetric(name), entry.metric);
  }
  return index;
}

/** The series a figure belongs to; undefined when its metric says too little to pair (one character, or a generic total). */
export function metricKey(target: Pick<Target, 'metric' | 'unit'>, region: string, aliases: Map<string, string>): { key: string; metric: string; unitKind: string } | undefined {
  const plain = normaliseMetric(target.metric);
  if (plain.length < 2 || isGenericMetric(plain)) return undefined;
  const metric = aliases.get(plain) ?? plain;
  const kind = unitKind(target.unit);
  return { key: `${region}|${metric}|${kind}`, metric, unitKind: kind };
}

const KIND_ORDER: Record<Target['kind'], number> = { commitment: 0, result: 1 };

/**
 * The series that span two documents or two years; each figure appears in at
 * most one. Points run by year, then target before result, then library order.
 */
export function pairTargets(items: readonly PairableTarget[], aliases: Map<string, string>): MetricSeries[] {
  const series = new Map<string, { entry: MetricSeries; items: PairableTarget[] }>();
  for (const item of items) {
    const identity = metricKey(item.target, item.region, aliases);
    if (!identity) continue;
    let found = series.get(identity.key);
    if (!found) {
      found = { entry: { ...identity, region: item.region, points: [] }, items: [] };
      series.set(identity.key, found);
    }
    found.items.push(item);
  }
  const paired: MetricSeries[] = [];
  for (const { entry, items: members } of series.values()) {
    const documents = new Set(members.map((m) => m.target.docId));
    const years = new Set(members.map((m) => m.year));
    if (documents.size < 2 && years.size < 2) continue;
    members.sort(
      (a, b) => a.year - b.year || KIND_ORDER[a.target.kind] - KIND_ORDER[b.target.kind] || a.docOrder - b.docOrder || a.target.order - b.target.order,
    );
    entry.points = members.map(({ target, year, docTitle }) => ({
      targetId: target.id,
      clauseId: target.clauseId,
      docId: target.docId,
      docTitle,
      year,
      value: target.value,
      unit: target.unit,
      qualifier: target.qualifier,
      kind: target.kind,
      text: target.text,
    }));
    paired.push(entry);
  }
  return paired;
}
