// Every target of the real seed findable by what it counts, and the figure
// beside it read in the same pass, through the matcher a page uses: what a
// metric must find, and what an ordinary word or a company's figure must not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '@/lib/store/build-index';
import { createSnapshot, figureCard, termTable, type IndexSnapshot } from '@/lib/store/index-snapshot';
import { loadMatcher, type Matcher } from '@/lib/match/matcher';
import { metricForms } from '@/lib/document/metric-terms';
import { withFigureScope } from '@/lib/match/figure-near';
import type { IndexBundle } from '@/lib/model';

const SEED = '000_59795ae4144a4d73.txt';
let bundle: IndexBundle;
let snapshot: IndexSnapshot;
let matcher: Matcher;

beforeAll(async () => {
  bundle = await buildIndex([{ name: SEED, text: readFileSync(join(__dirname, '../../seeds', SEED), 'utf8') }]);
  snapshot = createSnapshot(bundle);
  matcher = loadMatcher(termTable(snapshot).matcher);
}, 60_000);

/** Each match as a reader sees it: the highlighted words, the term, and the figure read beside it. */
const seen = (text: string) =>
  matcher.scan(text).map(([s, e, id, , near]) => ({
    painted: text.slice(s, e),
    term: snapshot.termById.get(id)!.term,
    figure: near?.figure.text,
  }));

describe('metric forms', () => {
  it('are the phrase without quotes and without its generic tail', () => {
    expect(metricForms('高标准农田建设')).toEqual(['高标准农田建设', '高标准农田']);
    expect(metricForms('经济薄弱村三年扶持')).toEqual(['经济薄弱村三年扶持', '经济薄弱村']);
    expect(metricForms('“高效办成一件事”场景')).toEqual(['高效办成一件事场景', '"高效办成一件事"场景']);
  });

  it('drop the words that only say how or when, the core last', () => {
    expect(metricForms('粮食播种面积稳定在')).toEqual(['粮食播种面积稳定在', '粮食播种面积']);
    expect(metricForms('新增养老机构床位')).toEqual(['新增养老机构床位', '养老机构床位']);
  });

  it('are none for a list of several things, a word too short, or a total of whatever the sentence is about', () => {
    expect(metricForms('个人、家庭和政企客户')).toEqual([]);
    expect(metricForms('增幅')).toEqual([]);
    expect(metricForms('企业')).toEqual([]);
    expect(metricForms('达到')).toEqual([]);
  });
});

describe('every target of the seed', () => {
  it('is carried by a term, unless its metric is a list or a total of whatever its sentence is about', () => {
    const carried = new Set(bundle.terms.flatMap((t) => t.targetIds ?? []));
    const lost = bundle.targets.filter((t) => !carried.has(t.id)).map((t) => t.metric);
    expect(lost).toEqual(['个人、家庭和政企客户', '增幅', '总投资']);
  });

  it('lends an existing term its target rather than making a second term', () => {
    const farmland = bundle.terms.find((t) => t.term === '高标准农田')!;
    expect(farmland.targetIds!.map((id) => snapshot.targetById.get(id)!.text)).toEqual(['50万亩以上']);
    expect(farmland.figure).toBe('optional');
    expect(bundle.terms.filter((t) => t.kind === 'metric' && t.term.includes('高标准农田'))).toEqual([]);
  });
});

describe('a metric on a page', () => {
  it('is one highlight with the figure beside it, before or after', () => {
    expect(seen('今年全市实际使用外资41.2亿美元。')).toEqual([{ painted: '实际使用外资41.2亿美元', term: '实际使用外资', figure: '41.2亿美元' }]);
    expect(seen('新创建60个乡村振兴示范村。')).toEqual([{ painted: '60个乡村振兴示范村', term: '乡村振兴示范村', figure: '60个' }]);
    expect(seen('完成800个经济薄弱村扶持任务。')).toEqual([{ painted: '800个经济薄弱村', term: '经济薄弱村', figure: '800个' }]);
  });

  it('is found alone when it is no ordinary word', () => {
    expect(seen('加快推进经济薄弱村帮扶。')).toEqual([{ painted: '经济薄弱村', term: '经济薄弱村', figure: undefined }]);
  });

  it('that is an ordinary word counts only with its figure', () => {
    expect(seen('民心工程办到了群众心坎上。')).toEqual([]);
    expect(seen('今年实施20项民心工程。')).toEqual([{ painted: '20项民心工程', term: '民心工程', figure: '20项' }]);
  });

  it('of a company counts only beside a term of its document', () => {
    expect(seen('某上市公司营业收入达100亿元，增幅12%。')).toEqual([]);
    expect(seen('天津联通营业收入88.8亿元。').map((m) => m.painted)).toEqual(['天津联通', '营业收入88.8亿元']);
  });

  it('reads no figure of another thing, and an ordinary page of numbers lights nothing', () => {
    expect(seen('实际使用外资的企业有300家。')).toEqual([{ painted: '实际使用外资', term: '实际使用外资', figure: undefined }]);
    expect(seen('该片票房突破80亿元，观影人次达1.2亿，客服电话022-12345678。')).toEqual([]);
    expect(seen('主队以98比95获胜，全场比分3:1，气温25℃。')).toEqual([]);
  });

  it('reads traditional script and full-width digits', () => {
    expect(seen('全年實際使用外資５０億美元。')).toEqual([{ painted: '實際使用外資５０億美元', term: '实际使用外资', figure: '５０億美元' }]);
  });

  it('reads no figure from a malformed number', () => {
    expect(seen('实际使用外资1.2.3亿美元。')[0]?.figure).toBeUndefined();
    expect(seen('实际使用外资9999999999亿美元。')[0]?.figure).toBeUndefined();
  });
});

describe('the figure card', () => {
  // The page reads the figure's period when the card is asked for (withFigureScope), as the content script does.
  const card = (text: string) => {
    const [, , id, , found] = matcher.scan(text).find((m) => m[4])!;
    const near = withFigureScope(text, found!);
    return figureCard(snapshot, id, 0, { figure: near.figure, scope: near.scope, year: near.year, relativeYear: near.relativeYear })!;
  };

  it('sets the page figure against the target and says how they relate', () => {
    expect(card('今年新建高标准农田55万亩。')).toMatchObject({ target: { text: '50万亩以上' }, relation: { relation: 'same' } });
    expect(card('实际使用外资41.2亿美元。')).toMatchObject({
      target: { text: '50亿美元' },
      relation: { relation: 'differs', direction: 'below' },
    });
    expect(card('新建5500000亩粮食播种面积')).toMatchObject({ relation: { relation: 'same' } });
  });

  it('never claims agreement across scopes or units', () => {
    expect(card('累计完成高标准农田建设300万亩。').relation).toEqual({ relation: 'other-scope', reason: 'cumulative' });
    expect(card('到2027年实际使用外资将达到70亿美元。').relation).toEqual({ relation: 'other-scope', reason: 'until' });
    expect(card('2023年实际使用外资50亿美元。').relation).toEqual({ relation: 'other-scope', reason: 'year' });
    expect(card('实际使用外资320亿元。').relation).toEqual({ relation: 'other-scope', reason: 'unit' });
  });

  it('reads 今年 as the page\'s year when the page gives one', () => {
    const [, , id, , found] = matcher.scan('今年实际使用外资50亿美元。')[0]!;
    const near = withFigureScope('今年实际使用外资50亿美元。', found!);
    const page = { figure: near.figure, relativeYear: near.relativeYear, scope: near.scope };
    expect(figureCard(snapshot, id, 0, page, 2024)!.relation).toEqual({ relation: 'same' });
    expect(figureCard(snapshot, id, 0, page, 2025)!.relation).toEqual({ relation: 'other-scope', reason: 'year' });
  });
});
