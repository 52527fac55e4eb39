// The heads that make a phrase a term, and the words around a term that are
// not part of it. Reviewed against the 2024 Tianjin report; each list says
// why it exists. jieba tags the report's local names unreliably (天拖 → 天/q
// 拖/v, 棉三创意街区 → 创意/v), so boundaries come from these words and from
// function-word tags, never from "stop at the first verb".
import type { TermKind } from '../model';

export interface TermSuffix {
  suffix: string;
  kind: TermKind;
  /**
   * A weak head makes a term only inside a family: an enumeration whose
   * items share it (科技金融、绿色金融、普惠金融…). Alone, 实体经济 or
   * 民营经济 is everyday economic vocabulary.
   */
  weak?: true;
  /**
   * A verbal head takes a verb into its name (全民健身场地设施提升行动,
   * 水毁修复工程): only words before the name's start are cut, not those
   * right before the head.
   */
  verbal?: true;
}

/** Longest first, so 示范片区 (a designation) wins over 片区 (a place). */
export const TERM_SUFFIXES: readonly TermSuffix[] = [
  { suffix: '示范片区', kind: 'instrument' },
  { suffix: '马拉松赛', kind: 'named' },
  { suffix: '产业园', kind: 'named' },
  { suffix: '研究院', kind: 'named' },
  { suffix: '冠军赛', kind: 'named' },
  { suffix: '锦标赛', kind: 'named' },
  { suffix: '示范区', kind: 'named' },
  { suffix: '先导区', kind: 'named' },
  { suffix: '试验区', kind: 'instrument' },
  { suffix: '示范村', kind: 'instrument' },
  // A designation of towns and villages together: 乡村治理示范镇村.
  { suffix: '示范镇村', kind: 'instrument' },
  { suffix: '生产力', kind: 'instrument' },
  { suffix: '化改造', kind: 'instrument' },
  { suffix: '片区', kind: 'named' },
  { suffix: '街区', kind: 'named' },
  { suffix: '大厦', kind: 'named' },
  { suffix: '广场', kind: 'named' },
  { suffix: '工坊', kind: 'named' },
  { suffix: '故居', kind: 'named' },
  { suffix: '联赛', kind: 'named' },
  { suffix: '公园', kind: 'named' },
  { suffix: '农田', kind: 'instrument' },
  // A reform or opening a place is chosen to try: 要素市场化配置综合改革试点, 服务业扩大开放综合试点
  // (试点 alone heads 制度试点, 30年试点).
  { suffix: '改革试点', kind: 'instrument', verbal: true },
  { suffix: '综合试点', kind: 'instrument', verbal: true },
  // A census keeps its ordinal: 第五次全国经济普查.
  { suffix: '普查', kind: 'instrument', verbal: true },
  { suffix: '工程', kind: 'instrument', verbal: true },
  { suffix: '行动', kind: 'instrument', verbal: true },
  { suffix: '计划', kind: 'instrument', verbal: true },
  // 自贸试验区提升行动方案; a lone 解决方案 or 实施方案 is a dictionary word and never a term.
  { suffix: '行动方案', kind: 'instrument', verbal: true },
  { suffix: '运动', kind: 'instrument', verbal: true },
  // The city's campaigns are named 平安天津, 法治天津, 书香天津; 天津 alone is
  // cut by the length rule.
  { suffix: '天津', kind: 'slogan' },
  { suffix: '经济', kind: 'instrument', weak: true },
  { suffix: '金融', kind: 'instrument', weak: true },
  { suffix: '镇', kind: 'named' },
];

/**
 * Heads that only decide the kind of a quoted label (“5G应用安全创新示范中心”
 * is a body, not a slogan); unquoted they head too much ordinary prose.
 */
export const NAMED_LABEL_SUFFIXES: readonly string[] = [
  ...TERM_SUFFIXES.filter((s) => s.kind === 'named').map((s) => s.suffix),
  '中心',
  '论坛',
  '基地',
  '杯',
];

/**
 * Words that stand before a term in the report's sentences but are never
 * part of it: governance verbs (推动津湾广场, 深化鲁班工坊建设, 启动建设蓟州
 * 下营镇) and scope words (一批, 各类, 居家适老化改造). jieba tags several
 * of them as nouns (大力发展/nz, 深化/j, 高质量/n), so tags cannot find them.
 */
export const LEADING_WORDS: ReadonlySet<string> = new Set([
  '推动', '推进', '建设', '深化', '启动', '实施', '开展', '打造', '办好', '举办',
  '创建', '新创建', '发展', '大力发展', '培育', '完成', '出台', '落实', '全面落实',
  '加快', '纳入', '支持', '实行', '搭建', '学习', '运用', '深入', '提升', '强化',
  '加强', '完善', '优化', '改善', '促进', '积极', '着力', '持续', '做好', '做强',
  '做优', '抓好', '参与', '承接', '成立', '牵头', '获批', '融入', '共建', '把握',
  '布局', '拓展', '发放', '构建', '形成', '建立', '健全', '建立健全', '统筹', '聚焦',
  '助力', '引领', '扎实', '有序', '全力', '精心', '充分发挥', '新建', '增强', '争取',
  '一批', '新一轮', '各类', '全市', '居家', '高质量', '高水平', '全面', '累计', '先后', '落地',
  '深入开展', '深入推进', '深入实施',
  // 认真学习贯彻第五次全国经济普查: jieba tags 认真学习 a noun.
  '认真学习', '学习贯彻', '贯彻', '贯彻落实',
  // 建成高标准农田, 建成口袋公园: what is built, not its name.
  '建成',
]);

/**
 * jieba tags of words that end a term on its left: prepositions, conjunctions,
 * particles, pronouns, localisers, punctuation. Adverbs count only when longer
 * than one character: single-character ones are mis-tagged morphemes
 * (普惠金融 → 普/ad 惠/nr, 医共体 → 医/n 共/d 体/n).
 */
export const FUNCTION_TAGS: ReadonlySet<string> = new Set([
  'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'r', 'f', 'x', 'd', 'ad', 'vd', 't',
]);

/** Where a phrase stops on its right even though Chinese text follows (鲁班工坊建设). */
export const RIGHT_TAGS: ReadonlySet<string> = new Set([
  'v', 'vn', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'f', 'd', 'ad', 'm', 'x',
]);
