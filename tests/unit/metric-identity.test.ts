// Pairing figures across documents and years: what a metric counts, the kind
// of its unit, the reviewed aliases, and the series the bundled 2024 report
// and the team's 2025 report, plan report and national report make together.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseTexts } from '@/lib/document/analyse-text';
import { buildTraditionalTable } from '@/lib/document/traditional-table';
import { aliasIndex, metricKey, normaliseMetric, pairTargets, unitKind, type MetricSeries } from '@/lib/document/metric-identity';
import { librarySeries, targetsWithYears } from '@/lib/store/metric-series';
import type { Clause, IndexBundle, ReportDocument, Target } from '@/lib/model';
import { TERM_FACTS } from '@/lib/document/term-facts';
const reviewed = JSON.parse(readFileSync('seeds/metric-aliases.json', 'utf8'));
const aliases = aliasIndex(reviewed);
const traditional = buildTraditionalTable();

describe('what a metric counts', () => {
  it.each([
    ['全年实际使用外资', '实际使用外资'],
    ['高标准农田建设', '高标准农田'],
    ['建成高标准农田', '高标准农田'],
    ['新建和改造提升高标准农田', '高标准农田'],
    ['全市地区生产总值增长', '地区生产总值增长'],
    ['粮食播种面积稳定在', '粮食播种面积'],
    ['新打造乡村旅游示范片区', '乡村旅游示范片区'],
    ['民心工程全面', '民心工程'],
    ['城镇调查失业率控制在', '城镇调查失业率'],
    ['“高效办成一件事”场景', '高效办成一件事场景'],
  ])('%s counts %s', (metric, plain) => {
    expect(normaliseMetric(metric)).toBe(plain);
  });

  it.each([
    ['亿美元', 'money:美元'],
    ['万美元', 'money:美元'],
    ['亿元', 'money:元'],
    ['万亩', 'area'],
    ['平方米', 'area'],
    ['%', 'percent'],
    ['个百分点', 'points'],
    ['万人', 'people'],
    ['万', 'count'],
    ['个', '个'],
  ])('%s measures %s', (unit, kind) => {
    expect(unitKind(unit)).toBe(kind);
  });

  it('takes a reviewed alias for what the words cannot tell, and pairs nothing on a generic total', () => {
    const target = { metric: '全年实际利用外资', unit: '亿美元' };
    expect(metricKey(target, '天津', aliases)?.key).toBe('天津|实际使用外资|money:美元');
    expect(metricKey(target, '天津', aliasIndex([]))?.key).toBe('天津|实际利用外资|money:美元');
    expect(metricKey({ metric: '总投资', unit: '亿元' }, '天津', aliases)).toBeUndefined();
    expect(metricKey({ metric: '斤', unit: '万亿' }, '全国', aliases)).toBeUndefined();
  });
});

function target(id: string, docId: string, metric: string, value: number, unit: string, kind: Target['kind']): Target {
  return { id, clauseId: `c-${id}`, docId, metric, value, unit, qualifier: '', kind, text: `${value}${unit}`, offset: 0, order: 0 };
}

describe('pairing', () => {
  const item = (t: Target, year: number, region = '天津') => ({ target: t, year, docTitle: t.docId, region, docOrder: t.docId === 'a' ? 0 : 1 });

  it('pairs one metric across two documents, and one document across two years, by year then target before result', () => {
    const series = pairTargets(
      [
        item(target('t3', 'b', '全年实际使用外资', 55, '亿美元', 'commitment'), 2025),
        item(target('t2', 'b', '实际使用外资', 52.6, '亿美元', 'result'), 2024),
        item(target('t1', 'a', '实际使用外资', 50, '亿美元', 'commitment'), 2024),
      ],
      aliases,
    );
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => [p.year, p.kind, p.value, p.docId])).toEqual([
      [2024, 'commitment', 50, 'a'],
      [2024, 'result', 52.6, 'b'],
      [2025, 'commitment', 55, 'b'],
    ]);
  });

  it('does not pair a figure with itself alone, across regions, or across kinds of unit', () => {
    expect(pairTargets([item(target('t1', 'a', '实际使用外资', 50, '亿美元', 'commitment'), 2024)], aliases)).toEqual([]);
    const regions = [item(target('t1', 'a', '城镇新增就业', 38, '万人', 'result'), 2024), item(target('t2', 'b', '城镇新增就业', 1250, '万人', 'result'), 2024, '全国')];
    expect(pairTargets(regions, aliases)).toEqual([]);
    const units = [item(target('t1', 'a', '实际使用外资', 50, '亿美元', 'result'), 2024), item(target('t2', 'b', '实际使用外资', 8200, '亿元', 'result'), 2024)];
    expect(pairTargets(units, aliases)).toEqual([]);
  });
});

describe('the bundled report beside the team’s 2025 documents', () => {
  let series: MetricSeries[];
  let documents: ReportDocument[];

  beforeAll(async () => {
    const bundle = JSON.parse(readFileSync('.generated/index.json', 'utf8')) as IndexBundle;
    documents = [...bundle.documents];
    const clauses: Clause[] = [...bundle.clauses];
    const targets: Target[] = [...bundle.targets];
    for (const name of ['tianjin-2025-work-report.txt', 'tianjin-2025-plan-report.txt', 'national-report-traditional.txt']) {
      const added = await analyseTexts([{ text: readFileSync(`tests/fixtures/documents/${name}`, 'utf8'), source: name, mode: 'text', idPrefix: name }], {
        facts: TERM_FACTS,
        traditional,
      });
      documents.push(...added.documents.map((d) => ({ ...d, order: documents.length })));
      clauses.push(...added.clauses);
      targets.push(...added.targets);
    }
    series = librarySeries(documents, new Map(clauses.map((c) => [c.id, c])), targets, aliases).series;
    expect(targetsWithYears(documents, new Map(clauses.map((c) => [c.id, c])), targets)).toHaveLength(targets.length);
  }, 60_000);

  const named = (key: string) => {
    const found = series.find((s) => s.key === key);
    expect(found, key).toBeDefined();
    return found!.points.map((p) => [p.year, p.kind, p.text, documents.find((d) => d.id === p.docId)!.title.slice(0, 11)]);
  };

  it('sets 实际使用外资 side by side: the 2024 target, its result, the 2025 target, in each document that states it', () => {
    expect(named('天津|实际使用外资|money:美元')).toEqual([
      [2024, 'commitment', '50亿美元', '2024年天津市政府工'],
      [2024, 'result', '52.6亿美元', '2025年天津市政府工'],
      [2024, 'result', '52.6亿美元', '关于天津市2024年国'],
      [2025, 'commitment', '55亿美元', '2025年天津市政府工'],
      [2025, 'commitment', '55亿美元', '关于天津市2024年国'],
    ]);
  });

  it('pairs 高标准农田 although each document words it its own way (建设, 建成, 新建和改造提升)', () => {
    expect(named('天津|高标准农田|area').map(([year, kind, text]) => [year, kind, text])).toEqual([
      [2024, 'commitment', '50万亩以上'],
      [2024, 'result', '51万亩'],
      [2024, 'result', '51万亩'],
      [2025, 'commitment', '45万亩以上'],
      [2025, 'commitment', '45万亩以上'],
    ]);
  });

  it('pairs 地区生产总值增长 in the report and the plan report, and keeps the national 国内生产总值增长 apart', () => {
    expect(named('天津|地区生产总值增长|percent').map(([year, kind, text]) => [year, kind, text])).toEqual([
      [2024, 'result', '5.1%'],
      [2024, 'result', '5.1%'],
      [2025, 'commitment', '5%左右'],
      [2025, 'commitment', '5%左右'],
    ]);
    expect(named('全国|国内生产总值增长|percent').map(([year, kind, text]) => [year, kind, text])).toEqual([
      [2024, 'result', '5%'],
      [2025, 'commitment', '5%左右'],
    ]);
    expect(series.some((s) => s.key.includes('总投资'))).toBe(false);
  });

  it('puts each figure in one series at most', () => {
    const ids = series.flatMap((s) => s.points.map((p) => p.targetId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
