// The ways news rewrites the report's terms, each checked on sentences
// written for the test against the index built from the real seed, through
// the matcher a page uses: what each rule must find, and what it must not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '@/lib/store/build-index';
import { createSnapshot, termTable } from '@/lib/store/index-snapshot';
import { loadMatcher, type Matcher } from '@/lib/match/matcher';
import { findOrganisations, organisationForms } from '@/lib/document/organisation-names';
import { initJieba } from '@/lib/document/jieba';
import type { IndexBundle } from '@/lib/model';

const SEED = '000_59795ae4144a4d73.txt';
let bundle: IndexBundle;
let matcher: Matcher;
let names: Map<string, string>;

beforeAll(async () => {
  const text = readFileSync(join(__dirname, '../../seeds', SEED), 'utf8');
  bundle = await buildIndex([{ name: SEED, text }]);
  const snapshot = createSnapshot(bundle);
  matcher = loadMatcher(termTable(snapshot).matcher);
  names = new Map(snapshot.terms.map((t) => [t.id, t.term]));
}, 60_000);

/** What a page holding the text shows: the report term of each match, `~` before a related one. */
const seen = (text: string) => matcher.scan(text).map(([, , id, related]) => `${related ? '~' : ''}${names.get(id)}`);
/** The page's own words each match covers. */
const covered = (text: string) => matcher.scan(text).map(([s, e]) => text.slice(s, e));

describe('generic tails and heads', () => {
  it('finds a programme written without its tail', () => {
    expect(seen('我市推进全民健身场地设施提升，新建一批口袋公园。')).toEqual(['全民健身场地设施提升行动']);
    expect(seen('今年启动行洪河道达标和蓄滞洪区安全建设。')).toEqual(['行洪河道达标工程', '蓄滞洪区安全建设工程']);
    expect(seen('开展安全生产治本攻坚，排查隐患。')).toEqual(['安全生产治本攻坚三年行动']);
    expect(seen('3万名跑者参加天津马拉松。')).toEqual(['天津马拉松赛']);
  });

  it('finds a name written without its scope head', () => {
    expect(seen('短道速滑冠军赛在津开赛。')).toEqual(['全国短道速滑冠军赛']);
    expect(seen('推进非遗代表性传承人记录工程。')).toEqual(['国家级非遗代表性传承人记录工程']);
  });

  it('leaves what a tail leaves when it is no longer specific', () => {
    expect(seen('学校开展强校行动，企业推进提升行动，社区举办健康提升活动。')).toEqual([]);
    expect(seen('冰壶爱好者、马拉松赛事和短道速滑比赛。')).toEqual([]);
  });
});

describe('words put into place names', () => {
  it('finds a district suffix or a 的 between the parts', () => {
    expect(seen('宁河区七里海镇湿地游人如织。')).toEqual(['宁河七里海镇']);
    expect(seen('游客来到宁河区的七里海镇。')).toEqual(['宁河七里海镇']);
    expect(seen('蓟州区下营镇的民宿。')).toEqual(['蓟州下营镇']);
    expect(seen('天津工业互联网研究院揭牌。')).toEqual(['天津市工业互联网研究院']);
  });

  it('does not make a place of its parts alone', () => {
    expect(seen('宁河区的稻田和蓟州区的山路。')).toEqual([]);
  });
});

describe('numerals', () => {
  it('reads digits for the numerals inside a name, and the numerals for digits', () => {
    expect(seen('开展安全生产治本攻坚3年行动。')).toEqual(['安全生产治本攻坚三年行动']);
    expect(seen('落实“10项行动”。')).toEqual(['十项行动']);
  });

  it('takes a quoted plan label with the word it names, quotes or not, never alone', () => {
    expect(seen('全面实施“八五”普法规划。')).toEqual(['“八五”普法']);
    expect(seen('八五普法验收。')).toEqual(['“八五”普法']);
    expect(seen('“十四五”期间，“八五”计划，5G网络，十项全能。')).toEqual([]);
  });
});

describe('one word swapped in a long name', () => {
  it('is a related mention', () => {
    expect(seen('新认定一批乡村振兴重点村。')).toEqual(['~乡村振兴示范村']);
    expect(seen('实施妇女儿童健康促进计划。')).toEqual(['~妇女儿童健康提升计划']);
    expect(seen('打造乡村旅游重点片区。')).toEqual(['~乡村旅游示范片区']);
  });

  it('needs the rest of the name', () => {
    expect(seen('评选重点村和示范村，实施健康促进计划。')).toEqual([]);
  });
});

describe('numbered slogans spelled out', () => {
  it('finds the spelled-out slogan, joined with 、 or with 和 before the last item', () => {
    expect(seen('增强政治意识、大局意识、核心意识、看齐意识。')).toEqual(['四个意识']);
    expect(seen('增强政治意识、大局意识、核心意识和看齐意识。')).toEqual(['四个意识']);
    expect(seen('坚定道路自信、理论自信、制度自信、文化自信。')).toEqual(['四个自信']);
    expect(seen('推动产业振兴、人才振兴、文化振兴、生态振兴、组织振兴。')).toEqual(['五大振兴']);
  });

  it('is related when one part at either end is reworded', () => {
    expect(seen('增强政治意识、大局意识、核心意识、服务意识。')).toEqual(['~四个意识']);
    expect(seen('确立习近平新时代中国特色社会主义思想的指导地位。')).toEqual(['~两个确立']);
  });

  it('needs more than one part of a list', () => {
    expect(seen('增强政治意识和服务意识，推动产业振兴。')).toEqual([]);
  });
});

describe('abbreviations and full names, both ways', () => {
  it('finds each form for the one term', () => {
    expect(seen('长期护理保险扩面。')).toEqual(['长护险']);
    expect(seen('自由贸易试验区、自贸区和自贸试验区。')).toEqual(['自贸试验区', '自贸试验区', '自贸试验区']);
    expect(seen('组建医疗卫生共同体。')).toEqual(['医共体']);
  });
});

describe('organisations', () => {
  beforeAll(() => initJieba());

  it('finds the names a document prints and derives a branch\'s short names', () => {
    const names = findOrganisations(['副主任委员、中国联通天津市分公司党委书记', '天津联通成立了联通(天津)产业互联网有限公司、中国联通(天津)工业互联网研究院']);
    expect(names).toEqual(['中国联通天津市分公司', '联通(天津)产业互联网有限公司', '中国联通(天津)工业互联网研究院']);
    expect(organisationForms('中国联通天津市分公司')).toEqual(
      expect.arrayContaining(['天津联通', '联通天津分公司', '中国联通天津分公司']),
    );
    expect(organisationForms('联通(天津)产业互联网有限公司')).toEqual(['联通天津产业互联网有限公司', '联通天津产业互联网公司']);
  });

  it('finds the body by its full name and by the short name news uses', () => {
    expect(seen('记者从中国联通天津市分公司获悉。')).toEqual(['中国联通天津市分公司']);
    expect(seen('天津联通发布新套餐。')).toEqual(['中国联通天津市分公司']);
    expect(seen('中国联通（天津）工业互联网研究院成立一周年。')).toEqual(['中国联通(天津)工业互联网研究院']);
  });

  it('never lights up the brand alone', () => {
    expect(seen('中国联通、中国移动和中国电信发布财报。')).toEqual([]);
  });
});

describe('traditional script', () => {
  it('finds every kind of form', () => {
    expect(seen('寧河區七里海鎮濕地。')).toEqual(['宁河七里海镇']);
    expect(seen('增強政治意識、大局意識、核心意識和看齊意識。')).toEqual(['四个意识']);
    expect(seen('落實長期護理保險。')).toEqual(['长护险']);
    expect(seen('推進全民健身場地設施提升。')).toEqual(['全民健身场地设施提升行动']);
    expect(seen('新認定鄉村振興重點村。')).toEqual(['~乡村振兴示范村']);
    expect(seen('開展「八五」普法。')).toEqual(['“八五”普法']);
  });
});

describe('the key word of a programme', () => {
  it('is related where the full name is not printed', () => {
    expect(seen('冰壶联赛天津站开赛。')).toEqual(['~中国冰壶联赛']);
    expect(covered('中国冰壶联赛天津站开赛。')).toEqual(['中国冰壶联赛']);
  });
});

describe('names found beyond the report\'s quotes and heads, with their variants', () => {
  it('finds the projects the report counts, and a 的 where the body ends and the Latin begins', () => {
    expect(seen('天津港的5G智慧港口建设走在前列。')).toEqual(['天津港5G智慧港口']);
    expect(seen('海油工程的5G智能工厂实现远程监控。')).toEqual(['海油工程5G智能工厂']);
    expect(seen('华电5G智慧电厂投运。')).toEqual(['华电5G智慧电厂']);
    expect(seen('中国联通的京津冀算力中心建成后可承载云服务器。')).toEqual(['中国联通京津冀算力中心']);
    expect(seen('天津市高教科创园政务服务平台上线。')).toEqual(['天津高教科创园政务服务平台']);
  });

  it('finds a phrase built on a reviewed word with the word written either way', () => {
    expect(seen('该公司积极履行中央企业社会责任。')).toEqual(['央企社会责任']);
    expect(seen('企业通过自贸账户完成结算。')).toEqual(['自由贸易账户']);
    expect(seen('持续完善科技创新服务生态。')).toEqual(['科创服务生态']);
    expect(seen('统筹提高医疗保障待遇水平。')).toEqual(['医保待遇水平']);
    expect(seen('文化和旅游四季主题活动春季篇启动。')).toEqual(['文旅四季主题活动']);
    expect(seen('海教园内的职业院校开设订单班。')).toEqual(['天津海河教育园']);
  });

  it('does not light up the reviewed word alone or a phrase the report does not print', () => {
    expect(seen('央企和民企同台竞技，医保和文旅消费都在回暖。')).toEqual([]);
    expect(seen('这家央企今年的社会招聘计划已经公布。')).toEqual([]);
  });

  it('finds a quoted programme without its head, and with another head as related', () => {
    expect(seen('围绕“光兆津门、数智惠民”，运营商升级宽带。')).toEqual(['“光兆津门、数智惠民”行动计划']);
    expect(seen('发布“光兆津门、数智惠民”行动方案。')).toEqual(['~“光兆津门、数智惠民”行动计划']);
  });

  it('finds the report\'s platform, designation, pilot and coordinated programme, and one word swapped as related', () => {
    expect(seen('数字治理综合服务平台迭代升级。')).toEqual(['~数字治理综合应用平台']);
    expect(seen('创建一批乡村治理试点镇村。')).toEqual(['~乡村治理示范镇村']);
    expect(seen('争取要素市场化配置综合改革示范事项落地。')).toEqual(['~要素市场化配置综合改革试点']);
    expect(seen('品牌高中培育将向远郊区倾斜。')).toEqual(['品牌高中培育工作']);
    expect(seen('品牌高中建设工作稳步推进。')).toEqual(['~品牌高中培育工作']);
  });

  it('finds a programme\'s key word without its scope head and tails, as related, but not what a tail alone leaves', () => {
    expect(seen('南开区新建一批健身场地设施。')).toEqual(['~全民健身场地设施提升行动']);
    expect(seen('社区讲座关注妇女儿童健康和自然灾害应急能力。')).toEqual([]);
  });
});

describe('a reviewed slogan spelled out', () => {
  it('finds 五育并举 as its five kinds of education are listed, or as 德智体美劳', () => {
    expect(seen('这所小学坚持德育、智育、体育、美育、劳动教育并举。')).toEqual(['五育并举']);
    expect(seen('学校推动学生德智体美劳全面发展。')).toEqual(['五育并举']);
    expect(seen('体育课和美术课都排满了。')).toEqual([]);
  });
});

describe('key words that count only where the paragraph is set in Tianjin', () => {
  it('finds the sport of the city\'s races and a three-character key word beside a Tianjin place, as related', () => {
    expect(seen('清晨，跑者沿着海河两岸跑完今年这场家门口的马拉松。')).toEqual(['~天津马拉松赛']);
    expect(seen('国内短道速滑顶尖选手本周齐聚天津。')).toEqual(['~全国短道速滑冠军赛']);
    expect(seen('河北区一户老人家里完成适老化后加装了扶手。')).toEqual(['~适老化改造']);
    expect(seen('滨海新区的短道速滑爱好者越来越多。')).toEqual(['~全国短道速滑冠军赛']);
  });

  it('leaves them alone in a paragraph set elsewhere or nowhere', () => {
    expect(seen('两万名跑者在厦门跑完了马拉松。')).toEqual([]);
    expect(seen('国家短道速滑队在北京集训。')).toEqual([]);
    expect(seen('这款手机推出了适老化模式。')).toEqual([]);
    expect(seen('天津的秋天来了。')).toEqual([]);
  });

  it('finds the slogan a years-long campaign is named by, anywhere, as related', () => {
    expect(seen('应急管理局表示，治本攻坚要在源头管控上下功夫。')).toEqual(['~安全生产治本攻坚三年行动']);
  });
});
