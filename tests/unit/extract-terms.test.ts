import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTerms, type AbbreviationEntry } from '@/lib/document/extract-terms';
import { TERM_FACTS } from '@/lib/document/term-facts';
import { foldText } from '@/lib/match/fold-text';
import { cut } from '@/lib/document/jieba';
import type { Clause, Term, TermKind } from '@/lib/model';
import { parseSeed } from '@/lib/document/parse-seed';

const SEED = '000_59795ae4144a4d73.txt';
const ARTICLES = join(__dirname, '../fixtures/articles');

let clauses: Omit<Clause, 'tokens'>[];
let bylines: string[];
const { abbreviations, synonyms, wordAbbreviations } = TERM_FACTS;
let terms: Term[];
const byTerm = new Map<string, Term>();

beforeAll(async () => {
  const seed = readFileSync(join(__dirname, '../../seeds', SEED), 'utf8');
  const parsed = parseSeed(seed, SEED);
  clauses = parsed.clauses;
  bylines = parsed.documents.flatMap((d) => (d.byline ? [d.byline] : []));
  terms = await extractTerms({ clauses, abbreviations, synonyms, wordAbbreviations, bylines });
  for (const term of terms) byTerm.set(term.term, term);
});

/** Does a folded page text hold the form? A quoted form must stand in quotes. */
const holds = (foldedPage: string, form: string) => foldedPage.includes(form);

describe('extractTerms on the real seed', () => {
  const mustHave: [string, TermKind][] = [
    // Quoted slogans and programmes.
    ['首发经济', 'slogan'],
    ['首店经济', 'slogan'],
    ['腾笼换鸟', 'slogan'],
    ['津治通', 'slogan'],
    ['高效办成一件事', 'slogan'],
    ['枫桥经验', 'slogan'],
    ['浦江经验', 'slogan'],
    ['三量', 'slogan'],
    ['五育并举', 'slogan'],
    ['三变', 'slogan'],
    ['三医', 'slogan'],
    ['四风', 'slogan'],
    ['三不腐', 'slogan'],
    ['证照联办', 'slogan'],
    ['单一窗口', 'slogan'],
    ['千万工程', 'slogan'],
    ['周末经济', 'slogan'],
    ['后备箱经济', 'slogan'],
    ['大思政课', 'slogan'],
    ['一带一路', 'slogan'],
    ['融资租赁+保税维修', 'slogan'],
    ['留学天津', 'slogan'],
    ['两个确立', 'slogan'],
    ['平安天津', 'slogan'],
    ['书香天津', 'slogan'],
    // Places, bodies, projects.
    ['津湾广场', 'named'],
    ['天拖片区', 'named'],
    ['棉三创意街区', 'named'],
    ['国际航运大厦', 'named'],
    ['鲁班工坊', 'named'],
    ['蓟州下营镇', 'named'],
    ['宁河七里海镇', 'named'],
    ['梁启超故居', 'named'],
    ['中国冰壶联赛', 'named'],
    ['天津马拉松赛', 'named'],
    ['全国短道速滑冠军赛', 'named'],
    ['中国联通京津冀数字科技产业园', 'named'],
    ['大运河国家文化公园', 'named'],
    ['天津海河教育园', 'named'],
    // Counted in an enumeration (…等80余个标杆项目), described before a quoted name.
    ['华电5G智慧电厂', 'named'],
    ['天津港5G智慧港口', 'named'],
    ['海油工程5G智能工厂', 'named'],
    ['中石化千兆光网', 'named'],
    ['数字治理综合应用平台', 'named'],
    ['中国联通京津冀算力中心', 'named'],
    ['自贸试验区联动创新基地', 'named'],
    ['天津高教科创园政务服务平台', 'named'],
    // Policy instruments and fields.
    ['高标准农田', 'instrument'],
    ['自贸试验区', 'instrument'],
    ['专精特新', 'instrument'],
    ['新质生产力', 'instrument'],
    ['长护险', 'instrument'],
    ['医共体', 'instrument'],
    ['适老化改造', 'instrument'],
    ['科技金融', 'instrument'],
    ['普惠金融', 'instrument'],
    ['绿色金融', 'instrument'],
    ['国企改革深化提升行动', 'instrument'],
    ['安全生产治本攻坚三年行动', 'instrument'],
    ['爱国卫生运动', 'instrument'],
    ['“光兆津门、数智惠民”行动计划', 'instrument'],
    ['乡村治理示范镇村', 'instrument'],
    ['要素市场化配置综合改革试点', 'instrument'],
    ['服务业扩大开放综合试点', 'instrument'],
    // Coordinated with 强校工程.
    ['品牌高中培育工作', 'instrument'],
    // Built on a reviewed word that names print short or in full.
    ['科创服务生态', 'instrument'],
    ['医保待遇水平', 'instrument'],
    ['央企社会责任', 'instrument'],
    ['文旅四季主题活动', 'instrument'],
    ['自由贸易账户', 'instrument'],
  ];

  it.each(mustHave)('finds %s as %s', (text, kind) => {
    expect(byTerm.get(text)?.kind).toBe(kind);
  });

  const generic = [
    '发展', '建设', '推进', '服务', '质量', '企业', '城市', '政策', '工作', '加快', '提升',
    '充分利用', '大力发展', '央企', '民企', '物流', '能源', '规划', '产权', '股权合作',
    '项目合作', '行业头部企业', '实体经济', '民营经济', '数字经济', '集体经济', '特色金融',
    '民心工程', '人工智能', '中小企业', '智慧城市', '融资平台', '科技平台', '示范村', '工程', '天津', '天津联通', '深入开展爱国卫生运动',
    // Plan periods, numbers and quoted enumerations are not terms as wholes.
    '十四五', '八五', '1+3+4', '5G+', '圈、街、楼、店、网', '好网络、好产品、好服务',
    // Descriptions around a name, not names.
    '综合改革试验区', '走深走实行动', '护理服务专项行动', '车联网先导示范区', '工业互联网研究院',
    // A reviewed word qualified, or with what is said of it: no policy phrase.
    '金融类国企', '金融类国企稳健经营', '竞争性经营类国企', '国企改革', '自由贸易账户功能',
    // Items of a counted enumeration that are single words; a programme's own verb phrase.
    '政务', '科创', '光兆津门、数智惠民', '自贸试验区对接国际高标准推进制度型开放试点任务',
    '新一轮服务业扩大开放综合试点', '中国联通京津冀',
  ];

  it.each(generic)('never makes %s a term', (word) => {
    expect(byTerm.has(word)).toBe(false);
  });

  it('quotes every form shorter than three characters', () => {
    for (const term of terms) {
      for (const form of term.forms.filter((f) => !f.startsWith('"'))) {
        expect(form.length, term.term).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('links every term to clauses that exist and mention it', () => {
    const ids = new Map(clauses.map((c) => [c.id, foldText(c.text, {})]));
    for (const term of terms) {
      expect(term.clauseIds.length, term.term).toBeGreaterThan(0);
      for (const id of term.clauseIds) {
        const text = ids.get(id);
        expect(text, `${term.term} → ${id}`).toBeDefined();
        expect(term.forms.some((form) => text!.includes(form)), `${term.term} in ${text}`).toBe(true);
      }
    }
  });

  it('puts the clause that quantifies a term first', () => {
    const clause = clauses.find((c) => c.id === byTerm.get('高标准农田')!.clauseIds[0]);
    expect(clause?.text).toContain('50万亩以上高标准农田');
  });

  it('does not rank a clause first for figures unrelated to the term', () => {
    // The article's clause on “两个确立” also reports 88.8亿元, but not about it:
    // the report's clause comes first, in reading order.
    const [first, second] = byTerm.get('两个确立')!.clauseIds.map((id) => clauses.find((c) => c.id === id)!);
    expect(first?.text).toContain('深刻领悟“两个确立”');
    expect(second?.text).toContain('88.8亿元');
  });

  it('folds every form and quotes the two-character slogans', () => {
    for (const term of terms) {
      for (const form of term.forms) expect(foldText(form, {}), term.term).toBe(form);
    }
    for (const slogan of ['三量', '三变', '三医', '四风']) {
      expect(byTerm.get(slogan)!.forms[0]).toBe(`"${slogan}"`);
    }
    expect(byTerm.get('中国联通京津冀数字科技产业园')!.forms[0]).toBe('中国联通京津冀数字科技产业园');
  });

  it('keeps labels that open with a count to their quoted form', () => {
    // Unquoted, 千万工程 would light up 拖欠数千万工程款.
    expect(byTerm.get('千万工程')!.forms[0]).toBe('"千万工程"');
    expect(byTerm.get('十项行动')!.forms[0]).toBe('"十项行动"');
    const page = foldText('一家建筑公司被指拖欠数千万工程款，十项行动计划尚未公布。', {});
    expect(terms.flatMap((t) => t.forms).filter((form) => page.includes(form))).toEqual([]);
    expect(byTerm.get('首店经济')!.forms[0]).toBe('首店经济');
  });

  it('carries the reviewed abbreviation and full forms', () => {
    expect(byTerm.get('长护险')!.forms).toContain('长期护理保险');
    expect(byTerm.get('三不腐')!.forms).toContain('不敢腐、不能腐、不想腐');
    expect(byTerm.get('三量')!.forms).toContain('盘活存量、培育增量、提升质量');
    expect(byTerm.get('自贸试验区')!.forms).toEqual(expect.arrayContaining(['自贸区', '自由贸易试验区']));
    expect(byTerm.get('医共体')!.forms).toContain('医疗卫生共同体');
  });

  it('gives stable ids and the same list when run again (jieba has been taught meanwhile)', async () => {
    const again = await extractTerms({ clauses, abbreviations, synonyms, wordAbbreviations, bylines });
    expect(again).toEqual(terms);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
  });

  it('teaches jieba the terms, so segmentation keeps them whole', () => {
    expect(cut('推动津湾广场和天拖片区提升')).toEqual(expect.arrayContaining(['津湾广场', '天拖片区']));
  });

  it('prints the list for review', () => {
    const perKind: Record<TermKind, number> = { slogan: 0, named: 0, instrument: 0, organisation: 0, metric: 0 };
    for (const term of terms) perKind[term.kind]++;
    console.log(`terms: ${terms.length}`, perKind);
    console.log(
      terms
        .map((t) => `${t.kind}\t${t.signal}\t${t.forms.join(' | ')}\t${(t.related ?? []).join(' | ')}\t${t.clauseIds.length}`)
        .join('\n'),
    );
    // Metric terms come from targets (lib/document/metric-terms.ts), not from here.
    expect(perKind.metric).toBe(0);
    expect(terms.length).toBe(perKind.slogan + perKind.named + perKind.instrument + perKind.organisation);
  });
});

describe('extractTerms on news written for the test', () => {
  const article = (name: string) => foldText(readFileSync(join(ARTICLES, name), 'utf8'), {});
  const formsIn = (page: string) =>
    terms.flatMap((term) => term.forms.filter((form) => holds(page, form)).map((form) => `${term.term}: ${form}`));

  it.each(['sports-basketball.txt', 'entertainment-film.txt', 'weather-traffic.txt', 'tech-phone-review.txt'])(
    '%s holds no form of any term',
    (name) => {
      expect(formsIn(article(name))).toEqual([]);
    },
  );

  it('finds the programmes a Tianjin local story mentions', () => {
    const page = article('tianjin-local.txt');
    const found = new Set(terms.filter((term) => term.forms.some((form) => holds(page, form))).map((t) => t.term));
    console.log(`tianjin-local.txt: ${[...found].join(', ')}`);
    expect([...found].sort()).toEqual(
      [
        '津湾广场', '腾笼换鸟', '首发经济', '首店经济', '天拖片区', '棉三创意街区', '高效办成一件事',
        '适老化改造', '长护险', '津治通', '天津马拉松赛',
      ].sort(),
    );
  });

  it('lists the fixtures it measured', () => {
    expect(readdirSync(ARTICLES).filter((name) => name.endsWith('.txt')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('extractTerms rules on sentences written for the test', () => {
  const clausesOf = (...texts: string[]): Omit<Clause, 'tokens'>[] =>
    texts.map((text, order) => ({
      id: `c${order}`,
      docId: 'd',
      partId: 'p',
      sectionId: 's',
      paragraph: 0,
      order,
      text,
      spans: [[0, text.length]],
      taskTitle: '',
      path: [],
    }));
  const extract = async (texts: string[], table: AbbreviationEntry[] = []) =>
    new Map((await extractTerms({ clauses: clausesOf(...texts), abbreviations: table })).map((t) => [t.term, t]));

  it('takes enumerated names whole and strips the verb before the first', async () => {
    const found = await extract(['推动海河广场、北塘片区等一批存量资源“提质换新”,建设一批楼宇。']);
    expect([...found.keys()].sort()).toEqual(['北塘片区', '提质换新', '海河广场']);
    expect(found.get('海河广场')?.kind).toBe('named');
    expect(found.get('提质换新')?.kind).toBe('slogan');
  });

  it('takes a quoted plan period or number only with the word it names, never alone or with a time word', async () => {
    const found = await extract(['开展“九五”普法,形成“1+2+3”体系,打造“吃、住、行”格局,“十五五”期间实现。']);
    expect([...found.keys()].sort()).toEqual(['“1+2+3”体系', '“九五”普法']);
    expect(found.get('“九五”普法')?.forms).toEqual(['"九五"普法', '九五普法']);
  });

  it('keeps short or prose-like quoted labels to their quoted form', async () => {
    const found = await extract(['落实“五量”要求,以“关键少数”带动“绝大多数”,坚持“以客户为中心”。']);
    expect(found.get('五量')?.forms).toEqual(['"五量"']);
    expect(found.get('绝大多数')?.forms).toEqual(['"绝大多数"']);
    expect(found.get('以客户为中心')?.forms).toEqual(['"以客户为中心"']);
    expect(found.get('关键少数')?.forms).toEqual(['关键少数']);
  });

  it('needs a family for a weak head: 文化金融、体育金融 yes, 实体经济 alone no', async () => {
    const found = await extract(['积极发展文化金融、体育金融和海洋金融,聚焦服务实体经济。']);
    expect([...found.keys()].sort()).toEqual(['体育金融', '文化金融', '海洋金融']);
    expect(found.get('文化金融')?.signal).toBe('enumeration');
  });

  it('keeps the verb inside a programme name and drops the one before it', async () => {
    const found = await extract(['深入实施城市更新提升行动。']);
    expect([...found.keys()]).toEqual(['城市更新提升行动']);
  });

  it('leaves the description after a quoted name alone', async () => {
    const found = await extract(['推进“大思政课”综合改革试验区建设。']);
    expect([...found.keys()]).toEqual(['大思政课']);
  });

  it('makes a quoted class of firms an instrument', async () => {
    expect((await extract(['支持“瞪羚”企业上市。'])).get('瞪羚')?.kind).toBe('instrument');
  });

  it('takes the items of an enumeration the report counts, not single words nor an uncounted list', async () => {
    const found = await extract([
      '近年来,累计建成滨海5G智慧码头、西青AI质检工厂、东丽千兆园区等30余个标杆项目,提供宣传、政务、金融等六大服务,导入文旅、研学、康养等资源。',
    ]);
    expect([...found.keys()].sort()).toEqual(['东丽千兆园区', '滨海5G智慧码头', '西青AI质检工厂']);
    expect(found.get('西青AI质检工厂')?.kind).toBe('named');
  });

  it('takes a quoted label with the programme head after it, quotes and all', async () => {
    const found = await extract(['发布“云上津门、智享生活”行动计划,启动“津彩”品牌。']);
    expect(found.get('“云上津门、智享生活”行动计划')).toMatchObject({ kind: 'instrument', signal: 'quoted' });
    expect(found.has('云上津门、智享生活')).toBe(false);
  });

  it('takes the description before a quoted name when it is long enough to be that thing', async () => {
    const found = await extract(['加快城市治理综合指挥平台“津城通”迭代升级,上线服务平台“津心办”。']);
    expect(found.get('城市治理综合指挥平台')?.kind).toBe('named');
    expect(found.has('服务平台')).toBe(false);
  });

  it('takes a name coordinated with a programme, when long enough to stand alone', async () => {
    const found = await extract(['扎实推进特色高中培育工作和强基工程,推进午餐和强基工程。']);
    expect([...found.keys()].sort()).toEqual(['强基工程', '特色高中培育工作']);
  });

  it('takes a thing a body owns, named after the body, but not one a place or nobody owns', async () => {
    const found = await extract(['将成为中国联通华北算力中心,建设区级工业互联网信息平台,打造数据中心。']);
    expect([...found.keys()]).toEqual(['中国联通华北算力中心']);
    expect(found.get('中国联通华北算力中心')?.forms).toContain('中国联通的华北算力中心');
  });

  it('takes designated towns and villages, and a reform pilot before a generic noun', async () => {
    const found = await extract(['高水平创建生态文明示范镇村,争取数据要素综合改革试点事项落地,争取新一轮数字贸易扩大开放综合试点。']);
    expect([...found.keys()].sort()).toEqual(['数字贸易扩大开放综合试点', '数据要素综合改革试点', '生态文明示范镇村']);
  });

  it('takes the noun phrase built on a reviewed word, with the word the other way as a form', async () => {
    const clauses = clausesOf('统筹提高医保门诊待遇,推动金融类国企稳健经营,深化国企改革,优化医疗保障经办网点功能。');
    const found = new Map(
      (
        await extractTerms({
          clauses,
          abbreviations: [],
          wordAbbreviations: [
            { short: '医保', full: '医疗保障' },
            { short: '国企', full: '国有企业' },
          ],
        })
      ).map((t) => [t.term, t]),
    );
    expect([...found.keys()].sort()).toEqual(['医保门诊待遇', '医疗保障经办网点']);
    expect(found.get('医保门诊待遇')?.forms).toEqual(['医保门诊待遇', '医疗保障门诊待遇']);
    expect(found.get('医疗保障经办网点')?.forms).toEqual(['医疗保障经办网点', '医保经办网点']);
    expect(found.get('医保门诊待遇')?.kind).toBe('instrument');
  });

  it('takes a reviewed word\'s thing whole, verbs and all, as a named thing', async () => {
    const clauses = clausesOf('推进示范园区纳入医保支付改革创新基地。');
    const [term] = await extractTerms({ clauses, abbreviations: [], wordAbbreviations: [{ short: '医保', full: '医疗保障' }] });
    expect(term).toMatchObject({ term: '医保支付改革创新基地', kind: 'named' });
  });

  it('adds a reviewed abbreviation the text uses in either form', async () => {
    const found = await extract(['扩大长期护理保险覆盖面。'], [{ short: '长护险', full: ['长期护理保险'] }]);
    expect(found.get('长期护理保险')).toMatchObject({
      kind: 'instrument',
      signal: 'abbreviation',
      forms: ['长期护理保险', '长护险'],
      clauseIds: ['c0'],
    });
  });
});
