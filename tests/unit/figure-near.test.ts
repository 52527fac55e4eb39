import { describe, expect, it } from 'vitest';
import { figureNear, type FigureNear } from '@/lib/match/figure-near';
import { readFigureScope } from '@/lib/match/read-figure-scope';

/** figureNear on the first place `metric` is printed in `text`, as the matcher would report it. */
function near(text: string, metric: string, measures?: string[], nth = 0): FigureNear | undefined {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(metric, at + 1);
  if (at === -1) throw new Error(`${metric} is not in ${text}`);
  return figureNear(text, at, at + metric.length, measures && { accepts: (measure) => measures.includes(measure) });
}

const figureText = (found: FigureNear | undefined) => found?.figure.text;

describe('figureNear finds the figure of a metric', () => {
  it.each([
    ['after it', '今年全市实际使用外资41.2亿美元。', '实际使用外资', ['美元'], '41.2亿美元'],
    ['after a verb', '今年新建高标准农田55万亩，超额完成任务。', '高标准农田', ['亩'], '55万亩'],
    ['after its closing quote and a generic tail', '全年推出“高效办成一件事”场景160个。', '高效办成一件事', ['个'], '160个'],
    ['right before it', '新创建60个乡村振兴示范村。', '乡村振兴示范村', ['个'], '60个'],
    ['before it, with 的', '完成50万亩以上的高标准农田建设任务', '高标准农田', ['亩'], '50万亩以上'],
    ['before it, with its opening quote', '推出175个“高效办成一件事”场景', '高效办成一件事', ['个'], '175个'],
    ['after 稳定在, with its qualifier', '粮食播种面积稳定在560万亩左右。', '粮食播种面积', ['亩'], '560万亩左右'],
    ['in traditional script and Chinese numerals', '全年實際使用外資五十億美元。', '實際使用外資', ['美元'], '五十億美元'],
    ['in full-width digits', '实际使用外资５０亿美元，', '实际使用外资', ['美元'], '５０亿美元'],
    ['after a colon', '实际使用外资：41.2亿美元', '实际使用外资', ['美元'], '41.2亿美元'],
    ['with its qualifier in the gap', '实际使用外资超过40亿美元', '实际使用外资', ['美元'], '超过40亿美元'],
    ['past a year in the gap', '实际使用外资2023年达41.2亿美元', '实际使用外资', ['美元'], '41.2亿美元'],
    ['past a month range in the gap', '实际使用外资1-9月累计30亿美元', '实际使用外资', ['美元'], '30亿美元'],
    ['before it, with a duration after it', '完成800个经济薄弱村三年扶持任务', '经济薄弱村', ['个'], '800个'],
  ])('%s: %s', (_, text, metric, measures, figure) => {
    expect(figureText(near(text, metric, measures))).toBe(figure);
  });

  it('reads value, unit and qualifier of the figure', () => {
    expect(near('全年实际使用外资五十亿美元', '实际使用外资', ['美元'])?.figure).toMatchObject({
      value: 5_000_000_000,
      number: 50,
      unit: '亿美元',
      measure: '美元',
      qualifier: '',
    });
  });

  it('pairs a 分别 list in order', () => {
    const text = '粮食、蔬菜分别55万亩和76万亩。';
    expect(figureText(near(text, '蔬菜', ['亩']))).toBe('76万亩');
    expect(figureText(near(text, '粮食', ['亩']))).toBe('55万亩');
    expect(figureText(near('小麦、玉米、蔬菜播种面积分别为100万亩、80万亩和30万亩以上', '蔬菜播种面积', ['亩']))).toBe('30万亩以上');
  });

  it('takes a figure in another unit when it follows the metric directly', () => {
    expect(figureText(near('实际使用外资320亿元。', '实际使用外资', ['美元']))).toBe('320亿元');
    expect(figureText(near('实际使用外资达320亿元。', '实际使用外资', ['美元']))).toBe('320亿元');
    expect(figureText(near('实际使用外资折合人民币约355亿元。', '实际使用外资', ['美元']))).toBe('约355亿元');
    // A change of the metric is its figure, in a unit the card says does not convert.
    expect(figureText(near('实际使用外资同比增长12.5%。', '实际使用外资', ['美元']))).toBe('12.5%');
    expect(figureText(near('實際使用外資同比下降3.1%。', '實際使用外資', ['美元']))).toBe('3.1%');
    // A mirror site prints the link word in traditional script too (幣).
    expect(figureText(near('實際使用外資折合人民幣約355億元。', '實際使用外資', ['美元']))).toBe('約355億元');
  });

  it('accepts every measure when not told which', () => {
    expect(figureText(near('新增就业岗位3万个', '新增就业岗位'))).toBe('3万个');
  });
});

describe('figureNear leaves a number that belongs to something else', () => {
  it('stops at 的: the metric then describes another noun', () => {
    expect(near('实际使用外资的企业有300家。', '实际使用外资', ['美元'])).toBeUndefined();
    expect(near('实际使用外资的企业有300家。', '实际使用外资')).toBeUndefined();
  });

  it('takes no figure in another unit further on', () => {
    expect(near('实际使用外资企业新增300家。', '实际使用外资', ['美元'])).toBeUndefined();
    expect(near('实际使用外资的增速为12%。', '实际使用外资', ['美元'])).toBeUndefined();
  });

  it('stops at the end of the clause and at a list mark', () => {
    expect(near('新建高标准农田，粮食产量55万吨。', '高标准农田', ['亩'])).toBeUndefined();
    expect(near('粮食55万亩、蔬菜76万亩', '粮食', ['亩'])?.figure.text).toBe('55万亩');
    expect(near('新建高标准农田、蔬菜大棚55万亩', '高标准农田', ['亩'])).toBeUndefined();
  });

  it('stops at another number that is not the figure', () => {
    expect(near('经济薄弱村三年扶持任务全面完成，共800个', '经济薄弱村', ['个'])).toBeUndefined();
    expect(near('经济薄弱村第3批帮扶资金800万元', '经济薄弱村', ['元'])).toBeUndefined();
  });

  it('reads no duration right after a metric as its figure', () => {
    expect(near('经济薄弱村三年扶持任务全面完成', '经济薄弱村', ['个'])).toBeUndefined();
  });

  it('reads no number inside a quotation opened after the metric', () => {
    expect(near('实际使用外资“50亿美元目标”', '实际使用外资', ['美元'])).toBeUndefined();
  });

  it('takes a figure before the metric only when it ends right at it', () => {
    expect(near('新建60个省级乡村振兴示范村', '乡村振兴示范村', ['个'])).toBeUndefined();
    expect(near('建成60个，乡村振兴示范村', '乡村振兴示范村', ['个'])).toBeUndefined();
  });

  it('takes nothing too far after the metric', () => {
    expect(near('高标准农田建设与保护利用工作推进新建55万亩', '高标准农田', ['亩'])).toBeUndefined();
  });

  it('reads no label as a figure, quoted or not', () => {
    expect(near('形成“1+3+4”产业体系', '产业体系', ['个'])).toBeUndefined();
    expect(near('建成5G基站3万个', '5G基站', ['个'])?.figure.text).toBe('3万个');
    expect(near('建设5G基站，2023年12月20日投产', '5G基站', ['个'])).toBeUndefined();
  });

  it('reads Arabic digits only when asked', () => {
    const text = '全年實際使用外資五十億美元';
    const at = text.indexOf('實際使用外資');
    expect(figureNear(text, at, at + 6, { arabicOnly: true })).toBeUndefined();
  });

  it('finds nothing by a metric with no number near it', () => {
    expect(near('持续推进高标准农田建设，提升耕地质量。', '高标准农田', ['亩'])).toBeUndefined();
  });
});

describe('figureNear reads the period of the figure', () => {
  it.each([
    ['今年', '今年新建高标准农田55万亩', { scope: 'year', relativeYear: 'this' }],
    ['全年', '全年实际使用外资41.2亿美元', { scope: 'year', relativeYear: 'this' }],
    ['本年', '本年实际使用外资41.2亿美元', { scope: 'year', relativeYear: 'this' }],
    ['去年', '去年新建高标准农田55万亩', { scope: 'year', relativeYear: 'last' }],
    ['上年', '上年新建高标准农田55万亩', { scope: 'year', relativeYear: 'last' }],
    ['明年', '明年新建高标准农田55万亩', { scope: 'year', relativeYear: 'next' }],
    ['an explicit year', '2023年，全市新建高标准农田55万亩', { scope: 'year', year: 2023 }],
    ['a year and 全年', '2023年全年实际使用外资41.2亿美元', { scope: 'year', year: 2023, relativeYear: 'this' }],
    ['a year and 累计 in it', '2023年累计新建高标准农田55万亩', { scope: 'year', year: 2023 }],
    ['since a year began', '2024年以来实际使用外资20亿美元', { scope: 'part-year', year: 2024 }],
    ['this year so far', '今年以来实际使用外资20亿美元', { scope: 'part-year', relativeYear: 'this' }],
    ['到2025年', '到2025年新建高标准农田300万亩', { scope: 'until', year: 2025 }],
    ['至2025年', '至2025年新建高标准农田300万亩', { scope: 'until', year: 2025 }],
    ['2025年前', '2025年前新建高标准农田300万亩', { scope: 'until', year: 2025 }],
    ['截至2023年底', '截至2023年底，累计建成高标准农田300万亩', { scope: 'until', year: 2023 }],
    ['累计', '全市累计建成高标准农田300万亩', { scope: 'cumulative' }],
    ['三年来', '三年来新建高标准农田150万亩', { scope: 'cumulative' }],
    ['近年来', '近年来新建高标准农田150万亩', { scope: 'cumulative' }],
    ['五年来', '五年来新建高标准农田150万亩', { scope: 'cumulative' }],
    ['历年', '历年新建高标准农田150万亩', { scope: 'cumulative' }],
    ['前三季度', '前三季度实际使用外资30亿美元', { scope: 'part-year' }],
    ['前三季度累计', '今年前三季度，实际使用外资累计30亿美元', { scope: 'part-year', relativeYear: 'this' }],
    ['上半年', '上半年实际使用外资20亿美元', { scope: 'part-year' }],
    ['一季度', '一季度实际使用外资10亿美元', { scope: 'part-year' }],
    ['1-9月', '1-9月实际使用外资30亿美元', { scope: 'part-year' }],
    ['1至9月', '1至9月实际使用外资30亿美元', { scope: 'part-year' }],
    ['前10个月', '前10个月实际使用外资35亿美元', { scope: 'part-year' }],
    ['full-width and traditional', '２０２３年，全市實際使用外資41.2億美元', { scope: 'year', year: 2023 }],
    ['no period named', '实际使用外资41.2亿美元', {}],
  ])('%s', (_, text, scope) => {
    const metric = text.includes('實際') ? '實際使用外資' : text.includes('外资') ? '实际使用外资' : '高标准农田';
    const found = near(text, metric, ['亩', '美元']);
    expect(found).toBeDefined();
    const { figure: _figure, ...read } = found!;
    expect(read).toEqual(scope);
  });

  it('takes the period word nearest the figure, within its sentence', () => {
    const text = '去年新建高标准农田50万亩，今年新建高标准农田55万亩。明年计划新建高标准农田60万亩';
    expect(near(text, '高标准农田', ['亩'], 0)).toMatchObject({ figure: { text: '50万亩' }, relativeYear: 'last' });
    expect(near(text, '高标准农田', ['亩'], 1)).toMatchObject({ figure: { text: '55万亩' }, relativeYear: 'this' });
    expect(near(text, '高标准农田', ['亩'], 2)).toMatchObject({ figure: { text: '60万亩' }, relativeYear: 'next' });
  });

  it('reads no period from a quoted title', () => {
    const text = '据《2023年农业报告》，高标准农田新增55万亩';
    expect(near(text, '高标准农田', ['亩'])).toMatchObject({ figure: { text: '55万亩' } });
    expect(near(text, '高标准农田', ['亩'])?.year).toBeUndefined();
  });

  it('reads periods from a bounded stretch of the sentence only', () => {
    const long = `2023年，${'推进'.repeat(40)}，高标准农田新增55万亩`;
    expect(near(long, '高标准农田', ['亩'])).toMatchObject({ figure: { text: '55万亩' } });
    expect(near(long, '高标准农田', ['亩'])?.year).toBeUndefined();
    expect(near(`2023年，${'推进'.repeat(20)}，高标准农田新增55万亩`, '高标准农田', ['亩'])?.year).toBe(2023);
  });

  it('reads a stretch of text for its period', () => {
    const text = '2023年，全市累计';
    expect(readFigureScope(text, 0, text.length)).toEqual({ scope: 'year', year: 2023 });
    expect(readFigureScope(text, 5, text.length)).toEqual({ scope: 'cumulative' });
  });
});
