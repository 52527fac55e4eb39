// The pipeline (lib/document/analyse-text.ts) on texts a reader adds: the
// team's fixture documents (a 2025 city report copied from a web page, a plan
// report with articles and a table, a national report in traditional script
// cut into lines like a PDF copy) and small texts for each rule.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseTexts, type AnalysedText } from '@/lib/document/analyse-text';
import { readDocuments, ReadError } from '@/lib/document/read-document';
import { buildTraditionalTable } from '@/lib/document/traditional-table';
import { sectionPeriods, targetYear } from '@/lib/document/target-periods';
import { isTraditional, simplifyScript } from '@/lib/document/script-text';
import type { Target } from '@/lib/model';
import { TERM_FACTS } from '@/lib/document/term-facts';
const traditional = buildTraditionalTable();
const fixture = (name: string) => readFileSync(`tests/fixtures/documents/${name}`, 'utf8');

async function analyse(text: string, source = 'paste', title?: string): Promise<AnalysedText> {
  return analyseTexts([{ text, source, mode: 'text', idPrefix: source, ...(title ? { title } : {}) }], { facts: TERM_FACTS, traditional });
}

/** Each target with the year it is about. */
function withYears(result: AnalysedText) {
  const doc = result.documents[0]!;
  const periods = sectionPeriods(doc);
  const clauses = new Map(result.clauses.map((c) => [c.id, c]));
  return result.targets.map((t) => ({ ...t, year: targetYear(t, clauses.get(t.clauseId)!, doc, periods) }));
}

function target(targets: (Target & { year: number })[], metric: string, value: number) {
  const found = targets.filter((t) => t.metric.includes(metric) && t.value === value);
  expect(found, `${metric} ${value}`).toHaveLength(1);
  return found[0]!;
}

describe('a city report copied from a web page', () => {
  const text = fixture('tianjin-2025-work-report.txt');
  let result: AnalysedText;
  beforeAll(async () => {
    result = await analyse(text, 'https://www.tj.gov.cn/report-2025.html');
  });

  it('reads one document: its title, dateline, byline, year and region from the text', () => {
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]).toMatchObject({
      kind: 'work-report',
      title: '2025年天津市政府工作报告',
      subtitle: '2025年1月15日在天津市第十八届人民代表大会第四次会议上',
      author: '张某',
      year: 2025,
      region: '天津',
      excerpt: false,
      source: 'https://www.tj.gov.cn/report-2025.html',
    });
  });

  it('leaves the page around the article out: navigation, source line, buttons, footer, page numbers', () => {
    const all = result.clauses.map((c) => c.text).join('\n');
    for (const noise of ['首页', '发布时间', '字号', '打印', '扫一扫', '版权所有', 'ICP', '— 2 —']) expect(all).not.toContain(noise);
    expect(result.clauses[0]!.text).toBe('各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。');
    expect(result.clauses.at(-1)!.text).toContain('而努力奋斗！');
  });

  it('reads the outline: parts 一、 to 四、, sections (一) …, items 1. as task titles', () => {
    const [lead, review, goals, work, self] = result.documents[0]!.outline;
    expect(lead).toMatchObject({ label: '', heading: '' });
    expect([review, goals, work, self].map((p) => `${p!.label}、${p!.heading}`)).toEqual([
      '一、2024年工作回顾',
      '二、2025年工作总体要求和主要预期目标',
      '三、2025年重点工作',
      '四、全面加强政府自身建设',
    ]);
    expect(work!.sections.map((s) => s.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
    const clause = result.clauses.find((c) => c.text.includes('年内服务企业达到4000家'))!;
    expect(clause.taskTitle).toBe('提升开放平台能级');
    expect(clause.path).toEqual(['2025年天津市政府工作报告', '三、2025年重点工作', '（一）着力扩大高水平对外开放', '提升开放平台能级']);
  });

  it('joins words a line break cut, and spans still spell each clause in the copy', () => {
    const clause = result.clauses.find((c) => c.text.includes('引进氢能装备企业20家以上'))!;
    expect(clause.text).toBe('高标准建设临港氢能片区，引进氢能装备企业20家以上。');
    expect(clause.spans).toHaveLength(2);
    for (const c of result.clauses) expect(c.spans.map(([s, e]) => text.slice(s, e)).join('')).toBe(c.text);
  });

  it('tells last year’s results from this year’s targets, each with its year', () => {
    const targets = withYears(result);
    expect(target(targets, '实际使用外资', 52.6)).toMatchObject({ kind: 'result', year: 2024, unit: '亿美元', qualifier: '全年' });
    expect(target(targets, '实际使用外资', 55)).toMatchObject({ kind: 'commitment', year: 2025, unit: '亿美元' });
    expect(target(targets, '高标准农田', 51)).toMatchObject({ kind: 'result', year: 2024, unit: '万亩' });
    expect(target(targets, '高标准农田', 45)).toMatchObject({ kind: 'commitment', year: 2025, qualifier: '以上' });
    expect(target(targets, '地区生产总值增长', 5.1)).toMatchObject({ kind: 'result', year: 2024, unit: '%' });
    expect(target(targets, '地区生产总值增长', 5)).toMatchObject({ kind: 'commitment', year: 2025, qualifier: '左右' });
  });

  it('finds its own terms and the ones it shares with the bundled report', () => {
    const terms = result.terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['津链通', '滨海算力产业园', '临港氢能片区', '银龄助餐', '高标准农田', '鲁班工坊', '高效办成一件事']));
    const platform = result.terms.find((t) => t.term === '津链通')!;
    expect(platform.clauseIds.map((id) => result.clauses.find((c) => c.id === id)!.text).join()).toContain('2300余家企业');
  });

  it('gives every clause search tokens', () => {
    expect(result.clauses.every((c) => c.tokens.length > 0)).toBe(true);
    expect(result.clauses.find((c) => c.text.includes('津链通'))!.tokens).toContain('津链通');
  });
});

describe('a plan report with articles and a table', () => {
  let result: AnalysedText;
  beforeAll(async () => {
    result = await analyse(fixture('tianjin-2025-plan-report.txt'), 'plan.txt');
  });

  it('is the 2025 plan: the newest year its title names', () => {
    expect(result.documents[0]).toMatchObject({ kind: 'plan-report', year: 2025, region: '天津' });
  });

  it('reads 第一条 … as the topic of its text, and a table row as a paragraph of its own', () => {
    const clause = result.clauses.find((c) => c.text.startsWith('全市地区生产总值增长5%左右'))!;
    expect(clause.path.slice(1)).toEqual(['二、2025年国民经济和社会发展的主要目标', '第一条', '经济增长']);
    expect(clause.taskTitle).toBe('经济增长');
    const rows = result.clauses.filter((c) => c.text.includes('\t'));
    expect(rows.map((c) => c.text)).toEqual([
      '指标\t2024年完成\t2025年目标',
      '地区生产总值增长（%）\t5.1\t5左右',
      '实际使用外资（亿美元）\t52.6\t55',
      '高标准农田建设（万亩）\t51\t45以上',
    ]);
    expect(new Set(rows.map((c) => c.paragraph)).size).toBe(rows.length);
  });

  it('gives the execution part’s figures as 2024 results and the targets as 2025 commitments', () => {
    const targets = withYears(result);
    expect(target(targets, '地区生产总值增长', 5.1)).toMatchObject({ kind: 'result', year: 2024 });
    expect(target(targets, '地区生产总值增长', 5)).toMatchObject({ kind: 'commitment', year: 2025 });
    expect(target(targets, '实际使用外资', 52.6)).toMatchObject({ kind: 'result', year: 2024 });
    expect(target(targets, '实际使用外资', 55)).toMatchObject({ kind: 'commitment', year: 2025 });
  });
});

describe('a national report in traditional script, cut into lines like a PDF copy', () => {
  const text = fixture('national-report-traditional.txt');
  let result: AnalysedText;
  beforeAll(async () => {
    result = await analyse(text, 'national.pdf');
  });

  it('is read in simplified characters, one for one, so spans point at the printed characters', () => {
    expect(isTraditional(text, traditional)).toBe(true);
    expect(result.documents[0]).toMatchObject({ title: '政府工作报告', region: '全国', year: 2025, author: '王某' });
    const clause = result.clauses.find((c) => c.text.includes('高质量发展扎实推进'))!;
    expect(clause.spans).toHaveLength(2);
    const printed = clause.spans.map(([s, e]) => text.slice(s, e)).join('');
    expect(printed).toContain('高質量發展扎');
    expect(simplifyScript(printed, traditional)).toBe(clause.text);
  });

  it('joins a figure cut by a line break and drops the page numbers', () => {
    expect(result.clauses.some((c) => c.text.includes('完成城镇老旧小区改造5万个'))).toBe(true);
    expect(result.clauses.some((c) => /—\s*\d\s*—/.test(c.text))).toBe(false);
  });

  it('finds simplified terms a simplified page matches, and targets by year', () => {
    expect(result.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['高效办成一件事', '高标准农田', '鲁班工坊']));
    const targets = withYears(result);
    const gdp = targets.filter((t) => t.metric === '国内生产总值增长');
    expect(gdp.map((t) => [t.year, t.kind, t.value, t.qualifier])).toEqual([
      [2024, 'result', 5, ''],
      [2025, 'commitment', 5, '左右'],
    ]);
  });
});

describe('reading rules', () => {
  const read = (text: string, title?: string) =>
    readDocuments(simplifyScript(text, traditional), { source: 'paste', mode: 'text', idPrefix: 'test', ...(title ? { title } : {}) });

  it('reads ASCII punctuation as it reads full-width punctuation', () => {
    const full = fixture('tianjin-2025-work-report.txt');
    const ascii = full.replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':').replace(/！/g, '!').replace(/（/g, '(').replace(/）/g, ')');
    const a = read(full);
    const b = read(ascii);
    expect(b.clauses.length).toBe(a.clauses.length);
    expect(b.documents[0]!.outline.map((p) => p.sections.length)).toEqual(a.documents[0]!.outline.map((p) => p.sections.length));
    expect(b.clauses.map((c) => c.taskTitle)).toEqual(a.clauses.map((c) => c.taskTitle));
  });

  it('reads full-width digits as ASCII, so figures are found', async () => {
    const result = await analyse('城市规划\n\n一、主要目标\n\n全年实际使用外资５５亿美元。新建高标准农田４．５万亩。完成改造１０００户。\n\n二、主要任务\n\n抓好落实。', 'digits');
    expect(result.targets.map((t) => [t.value, t.unit])).toEqual([
      [55, '亿美元'],
      [4.5, '万亩'],
      [1000, '户'],
    ]);
  });

  it('reads chapters and articles (第一章 … 第一条 …) as parts and sections', () => {
    const text = [
      '天津市促进数字经济发展条例',
      '第一章　总则',
      '第一条　为了促进数字经济发展，制定本条例。',
      '第二条　本条例适用于本市行政区域内的数字经济发展活动。',
      '第二章　数字基础设施',
      '第三条　市人民政府应当加快建设算力设施。',
      '第四条　推进公共数据开放共享。',
    ].join('\n');
    const { documents, clauses } = read(text);
    expect(documents[0]!.title).toBe('天津市促进数字经济发展条例');
    expect(documents[0]!.outline.map((p) => [p.label, p.heading, p.sections.map((s) => s.label)])).toEqual([
      ['第一章', '总则', ['第一条', '第二条']],
      ['第二章', '数字基础设施', ['第三条', '第四条']],
    ]);
    expect(clauses.map((c) => c.text)[2]).toBe('市人民政府应当加快建设算力设施。');
  });

  it('names the document with the reader’s title when one is given', () => {
    const { documents } = read(fixture('tianjin-2025-work-report.txt'), '天津2025报告（我的副本）');
    expect(documents[0]!.title).toBe('天津2025报告（我的副本）');
    expect(documents[0]!.year).toBe(2025);
  });

  it('refuses a text without clause structure, saying so', () => {
    const news = '本报讯 昨日，记者从市商务局获悉，今年以来我市消费市场持续回暖。多个商圈客流增长明显。业内人士表示，消费潜力正在释放。';
    expect(() => read(news)).toThrow(ReadError);
    try {
      read(news);
    } catch (error) {
      expect((error as ReadError).code).toBe('no-structure');
      expect((error as ReadError).message).toMatch(/no clause structure/);
    }
    expect(() => read('一、总体要求\n\n抓好落实。')).toThrow(/no clause structure: only 1 clause/);
  });
});
