import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractTargets } from '@/lib/document/extract-targets';
import type { ReportDocument, Target } from '@/lib/model';
import { parseSeed } from '@/lib/document/parse-seed';

const SOURCE = '000_59795ae4144a4d73.txt';
const seed = readFileSync(fileURLToPath(new URL(`../../seeds/${SOURCE}`, import.meta.url)), 'utf8');
const parsed = parseSeed(seed, SOURCE);
const [report, article] = parsed.documents as [ReportDocument, ReportDocument];
const targets = parsed.clauses.flatMap((clause) =>
  extractTargets(clause, clause.docId === report.id ? report : article),
);

type Expected = [text: string, value: number, unit: string, qualifier: string, kind: Target['kind'], metric: string];

const REPORT_TARGETS: Expected[] = [
  ['50亿美元', 50, '亿美元', '全年', 'commitment', '实际使用外资'],
  ['175个', 175, '个', '', 'commitment', '“高效办成一件事”场景'],
  ['50万亩以上', 50, '万亩', '以上', 'commitment', '高标准农田建设'],
  ['550万亩', 550, '万亩', '', 'commitment', '粮食播种面积'],
  ['75万亩以上', 75, '万亩', '以上', 'commitment', '蔬菜播种面积'],
  ['12个', 12, '个', '', 'commitment', '乡村旅游示范片区'],
  ['30年', 30, '年', '', 'commitment', '土地承包期延长'],
  ['40个', 40, '个', '', 'commitment', '乡村振兴示范村'],
  ['800个', 800, '个', '', 'commitment', '经济薄弱村三年扶持'],
  ['20项', 20, '项', '', 'commitment', '民心工程'],
  ['3万人', 3, '万人', '', 'commitment', '就业困难人员就业'],
  ['10家', 10, '家', '', 'commitment', '智慧养老服务机构'],
  ['1000户', 1000, '户', '', 'commitment', '居家适老化改造'],
  ['7类', 7, '类', '', 'commitment', '特殊困难老年人探访关爱服务'],
  ['5万张', 5, '万张', '', 'commitment', '数字惠民卡'],
  ['43项', 43, '项', '汛前', 'commitment', '水毁修复工程'],
];

const ARTICLE_TARGETS: Expected[] = [
  ['超过1500万', 1500, '万', '超过', 'result', '个人、家庭和政企客户'],
  ['88.8亿元', 88.8, '亿元', '全年', 'result', '营业收入'],
  ['5.3%', 5.3, '%', '', 'result', '增幅'],
  ['103亿元', 103, '亿元', '', 'commitment', '总投资'],
  ['50亿元', 50, '亿元', '', 'result', '项目整体投资'],
  ['117亩', 117, '亩', '', 'result', '总用地面积'],
  ['近20万平方米', 20, '万平方米', '近', 'result', '总建筑面积'],
  ['20万台', 20, '万台', '', 'result', '云服务器'],
  ['600余家', 600, '家', '余', 'result', '中小企业'],
  ['80余个', 80, '个', '累计 余', 'result', '标杆项目'],
  ['131个', 131, '个', '累计', 'result', '全国重要奖项'],
  ['4300个', 4300, '个', '累计', 'result', '平安社区建设'],
  ['10万个', 10, '万个', '累计', 'result', '技防网点建设'],
  ['236.6万人次', 236.6, '万人次', '全年', 'result', '人热线服务'],
  ['超过4200场', 4200, '场', '超过', 'result', '助老活动'],
  ['约41.5万人', 41.5, '万人', '约', 'result', '参与人数'],
  ['120万次', 120, '万次', '累计', 'result', '智家工程师上门服务'],
  ['361个', 361, '个', '累计', 'result', '示范村'],
  ['23支', 23, '支', '', 'result', '应急保障团队'],
  ['7900余人次', 7900, '人次', '累计 余', 'result', '保障人员'],
  ['1800余辆次', 1800, '辆次', '余', 'result', '保障车辆'],
  ['215条', 215, '条', '', 'result', '保障重要通信电路'],
  ['5万余名', 5, '万名', '余', 'result', '转移群众'],
];

function targetsOfDoc(doc: ReportDocument): Target[] {
  return targets.filter((t) => t.docId === doc.id);
}

/** Targets of a clause written for the test, read as if it stood in the given document. */
function targetsIn(text: string, doc: ReportDocument): Target[] {
  const clause = { ...parsed.clauses.find((c) => c.docId === doc.id)!, id: 'test-clause', text, spans: [] };
  return extractTargets(clause, doc);
}

describe('the report', () => {
  it.each(REPORT_TARGETS)('has the commitment %s', (text, value, unit, qualifier, kind, metric) => {
    const found = targetsOfDoc(report).filter((t) => t.text === text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value, unit, qualifier, kind, metric });
  });

  it('has no target beyond its numbered commitments', () => {
    expect(targetsOfDoc(report).map((t) => t.text)).toEqual(REPORT_TARGETS.map(([text]) => text));
  });
});

describe('the article', () => {
  it.each(ARTICLE_TARGETS)('has the figure %s', (text, value, unit, qualifier, kind, metric) => {
    const found = targetsOfDoc(article).filter((t) => t.text === text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value, unit, qualifier, kind, metric });
  });

  it('has no target beyond its figures', () => {
    expect(targetsOfDoc(article).map((t) => t.text)).toEqual(ARTICLE_TARGETS.map(([text]) => text));
  });
});

describe('every target', () => {
  it('points at its text inside its clause, in order', () => {
    for (const clause of parsed.clauses) {
      const own = targets.filter((t) => t.clauseId === clause.id);
      own.forEach((target, order) => {
        expect(target.order).toBe(order);
        expect(clause.text.slice(target.offset, target.offset + target.text.length)).toBe(target.text);
        expect(target.docId).toBe(clause.docId);
      });
    }
  });

  it('has a unique id that a rebuild reproduces', () => {
    const again = parseSeed(seed, SOURCE).clauses.flatMap((clause) =>
      extractTargets(clause, clause.docId === report.id ? report : article),
    );
    expect(again.map((t) => t.id)).toEqual(targets.map((t) => t.id));
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
  });

  it('is absent from clauses without numbers', () => {
    const withTargets = new Set(targets.map((t) => t.clauseId));
    for (const clause of parsed.clauses) {
      if (!/\d/.test(clause.text)) expect(withTargets.has(clause.id)).toBe(false);
    }
  });
});

describe('numbers that are not targets', () => {
  it.each([
    ['a date', '于2023年12月20日顺利加电投产。'],
    ['a year', '2023年,天津联通成立了产业互联网有限公司。'],
    ['a year at its start', '于2023年初发布了行动计划。'],
    ['a year inside a prize name', '获得“2023年度中国智能交通协会科技进步奖一等奖”。'],
    ['a label in quotes', '形成“1+3+4”产业体系。'],
    ['5G and V2X', '天津海河教育园5G/V2X车联网先导示范区,持续以“5G+”引领千行百业。'],
    ['an age', '为65岁以上老年客户提供热线服务。'],
    ['an ordinal', '开展第4次文物普查,见第3版。'],
  ])('%s', (_, text) => {
    expect(targetsIn(text, article)).toEqual([]);
  });
});

describe('rules, not cases', () => {
  it('pairs "A、B分别 V X和Y" figures with their subjects', () => {
    const found = targetsIn('小麦、玉米分别种植100万亩和80万亩左右。', report);
    expect(found.map((t) => [t.metric, t.value, t.unit, t.qualifier])).toEqual([
      ['小麦种植面积', 100, '万亩', ''],
      ['玉米种植面积', 80, '万亩', '左右'],
    ]);
  });

  it('reads a future marker in the article as a commitment', () => {
    expect(targetsIn('预计明年营业收入将达到100亿元。', article)[0]).toMatchObject({ kind: 'commitment', qualifier: '' });
    expect(targetsIn('营业收入达到100亿元。', article)[0]).toMatchObject({ kind: 'result', metric: '营业收入' });
  });

  it('reads rates and percentage points as measures of the phrase before them', () => {
    const found = targetsIn('研发投入强度提高0.2个百分点,地区生产总值增长5%左右。', report);
    expect(found.map((t) => [t.metric, t.value, t.unit, t.qualifier])).toEqual([
      ['研发投入强度提高', 0.2, '个百分点', ''],
      ['地区生产总值增长', 5, '%', '左右'],
    ]);
  });

  it('takes the counted noun after the figure and the phrase before a duration', () => {
    expect(targetsIn('新建3个社区食堂,试点期限延长2年。', report).map((t) => t.metric)).toEqual(['社区食堂', '试点期限延长']);
  });
});
