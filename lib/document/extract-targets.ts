// Turns the quantities of a clause into targets: what is counted (metric),
// how much (value, unit), how it is bounded (qualifier) and whether it is
// promised or already achieved (kind). Everything is read from the clause's
// own words; nothing here knows the seed's sentences.

import type { Clause, ReportDocument, Target } from '../model';
import { findFigures, quotedMask, type Figure } from './find-figures';
import { stableId } from './stable-id';

/** Where a phrase before a figure begins: the previous comma, semicolon or list mark. */
const PHRASE_BREAK = new Set([',', '，', '、', ';', '；', '。', ':', '：', '!', '！', '?', '？']);
/** Where the span a verb governs begins: a comma or stronger (a list mark does not cut it). */
const CLAUSE_BREAK = new Set([',', '，', ';', '；', '。', ':', '：', '!', '！', '?', '？']);
/** Words that bound a figure's scope in time or total: 全年实际使用外资, 累计出动. */
const SCOPE_WORDS = ['全年', '年内', '年底前', '汛前', '累计'];
/** Words that put a figure in the future: 总投资将达103亿元. The report is a plan throughout. */
const FUTURE_MARKERS = ['将', '计划', '力争', '预计', '拟', '争取', '目标'];
/** Verbs and adverbs that open a phrase without being what is counted (打造智慧养老服务机构10家). */
const LEADING_WORDS = [
  '进一步', '新创建', '有序', '稳定', '持续', '积极', '扎实', '大力', '着力', '加快', '全面', '深入', '已', '立即',
  '推进', '推动', '兜底', '帮扶', '打造', '完成', '发放', '出动', '承载', '荣获', '获得', '开展', '创建', '实施',
  '推出', '启动', '提供', '实现', '组建', '各类',
];
/** Verbs that stand between the counted thing and its figure (营业收入完成88.8亿元). */
const TRAILING_WORDS = ['将达到', '完成', '达到', '共计', '合计', '实现', '将达', '达', '为', '共', '了', '将'];
/** A noun phrase after the figure ends at a verb that starts the rest of the sentence. */
const STOP_VERBS = ['提供', '实现', '完成', '开展', '参与', '成为', '形成', '推动', '达到', '覆盖', '用于'];
/** Generic heads dropped from a metric: 50万亩以上高标准农田建设任务 counts 高标准农田建设. */
const GENERIC_TAILS = ['任务', '工作'];
/** Durations and rates describe the phrase before them (延长30年试点, 增幅5.3%), not the noun after. */
const MEASURES_OF_PHRASE_BEFORE = new Set(['年', '个月', '天', '%', '倍', '个百分点', '百分点']);
/** What an "A、B分别 V X和Y" figure measures, by its measure: 粮食播种面积. */
const DIMENSION: Record<string, string> = { 亩: '面积', 平方米: '面积', 平方公里: '面积', 人: '人数', 吨: '产量' };

function stripLeading(phrase: string, words: readonly string[]): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of words) {
      if (phrase.startsWith(word) && phrase.length > word.length + 1) {
        phrase = phrase.slice(word.length);
        changed = true;
      }
    }
  }
  return phrase;
}

function stripTrailing(phrase: string, words: readonly string[]): string {
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of words) {
      if (phrase.endsWith(word) && phrase.length > word.length + 1) {
        phrase = phrase.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return phrase;
}

/** Start of the phrase that ends at `end`: just after the nearest break outside quotes. */
function phraseStart(text: string, end: number, breaks: ReadonlySet<string>, quoted: boolean[]): number {
  let i = end;
  while (i > 0 && !(breaks.has(text[i - 1]!) && !quoted[i - 1])) i--;
  return i;
}

/** The noun phrase printed after a figure: 175个“高效办成一件事”场景 → “高效办成一件事”场景. */
function phraseAfter(text: string, figure: Figure, quoted: boolean[]): string {
  let end = figure.end;
  while (end < text.length) {
    const ch = text[end]!;
    if (!quoted[end]) {
      if (CLAUSE_BREAK.has(ch) || '()（）'.includes(ch)) break;
      // 4300个平安社区建设和10万个技防网点建设: the next figure starts another phrase.
      if ('、和及与'.includes(ch) && /\d/.test(text[end + 1] ?? '')) break;
      if (STOP_VERBS.some((verb) => text.startsWith(verb, end))) break;
    }
    end++;
  }
  return stripTrailing(text.slice(figure.end, end), GENERIC_TAILS);
}

/** The phrase printed before a figure, back to the previous comma or list mark, with verbs and scope words removed. */
function phraseBefore(text: string, figure: Figure, quoted: boolean[]): string {
  let phrase = text.slice(phraseStart(text, figure.start, PHRASE_BREAK, quoted), figure.start);
  for (const word of SCOPE_WORDS) phrase = phrase.replaceAll(word, '');
  // “绽放杯”等全国重要奖项: what follows 等 names the kind, what precedes it gives examples.
  const etc = phrase.lastIndexOf('等');
  if (etc !== -1 && etc < phrase.length - 1) phrase = phrase.slice(etc + 1);
  phrase = phrase
    .replace(/第[一二三四五六七八九十\d]+[轮次批届期]/g, '')
    .replace(/^.*?(?:期间|以来|年来)/, '')
    .replace(/^在.{1,8}?[市区县省镇村]/, '')
    .replace(/^[该此这其]/, '');
  return stripTrailing(stripLeading(stripTrailing(phrase, TRAILING_WORDS), LEADING_WORDS), TRAILING_WORDS);
}

/**
 * "粮食、蔬菜分别稳定播种550万亩和75万亩以上": the figures after 分别 pair
 * with the subjects before it in order, and each metric is subject + verb
 * (+ what the measure measures): 粮食播种面积, 蔬菜播种面积.
 */
function respectivelyMetric(text: string, figure: Figure, figures: Figure[], quoted: boolean[]): string | undefined {
  const start = phraseStart(text, figure.start, CLAUSE_BREAK, quoted);
  const span = text.slice(start, figure.start);
  const at = span.indexOf('分别');
  if (at === -1) return undefined;
  const listStart = start + at + 2;
  const listed = figures.filter((f) => f.start >= listStart);
  const index = listed.indexOf(figure);
  const subjects = stripLeading(span.slice(0, at), LEADING_WORDS).split(/[、和及与]/).filter(Boolean);
  const subject = subjects[index];
  const first = listed[0];
  if (!subject || !first) return undefined;
  const verb = stripLeading(text.slice(listStart, first.start), LEADING_WORDS);
  return subject + verb + (DIMENSION[figure.measure] ?? '');
}

function metricOf(text: string, figure: Figure, figures: Figure[], quoted: boolean[]): string {
  const respectively = respectivelyMetric(text, figure, figures, quoted);
  if (respectively) return respectively;
  if (!MEASURES_OF_PHRASE_BEFORE.has(figure.measure)) {
    const after = phraseAfter(text, figure, quoted);
    if (after) return after;
  }
  return phraseBefore(text, figure, quoted);
}

function qualifierOf(text: string, figure: Figure, quoted: boolean[]): string {
  const governed = text.slice(phraseStart(text, figure.start, CLAUSE_BREAK, quoted), figure.start);
  const scope = SCOPE_WORDS.filter((word) => governed.includes(word));
  return [...scope, figure.qualifier].filter(Boolean).join(' ');
}

function kindOf(text: string, figure: Figure, doc: ReportDocument, quoted: boolean[]): Target['kind'] {
  if (doc.kind === 'work-report') return 'commitment';
  const governed = text.slice(phraseStart(text, figure.start, CLAUSE_BREAK, quoted), figure.end);
  return FUTURE_MARKERS.some((marker) => governed.includes(marker)) ? 'commitment' : 'result';
}

export function extractTargets(clause: Omit<Clause, 'tokens'>, doc: ReportDocument): Target[] {
  const { text } = clause;
  const quoted = quotedMask(text);
  const figures = findFigures(text);
  return figures.map((figure, order) => ({
    id: stableId(clause.id, String(figure.start)),
    clauseId: clause.id,
    docId: clause.docId,
    metric: metricOf(text, figure, figures, quoted),
    value: figure.number,
    unit: figure.unit,
    qualifier: qualifierOf(text, figure, quoted),
    kind: kindOf(text, figure, doc, quoted),
    text: text.slice(figure.start, figure.end),
    offset: figure.start,
    order,
  }));
}
