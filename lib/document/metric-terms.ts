// What each target counts becomes findable on a page: news cites the
// report's figures by their metric (实际使用外资41.2亿美元, 60个乡村振兴示范村,
// 完成800个经济薄弱村扶持), so every target's metric phrase and its short form
// (高标准农田建设 → 高标准农田, 经济薄弱村三年扶持 → 经济薄弱村) is a term
// whose matches read the figure beside them. A metric that already is a term
// (高标准农田) or holds one (居家适老化改造 holds 适老化改造) lends that term its
// targets. Everything comes from the targets' own words.

import type { FigureMode, ReportDocument, Target, Term } from '../model';
import { foldText } from '../match/fold-text';
import { dictionaryTag, isDictionaryWord } from './jieba';
import { stableId } from './stable-id';
import { isGenericMetric, normaliseMetric } from './metric-identity';
import { termVariants, type VariantFacts } from './term-variants';

/** Generic heads a metric is cited without: 高标准农田建设任务, 经济薄弱村三年扶持, 就业困难人员就业. */
const GENERIC_TAIL = /(?:[一二两三四五六七八九十\d]+年)?(?:建设|任务|工作|扶持|就业)$/;
/** A metric shorter than this names nothing on its own page (增幅, 收入). */
const MIN_METRIC = 3;
/**
 * A form this short, or one dictionary word, is an ordinary word: a mention
 * only with its figure. Four characters of two common words (服务企业, 城镇新增)
 * are as ordinary as one; the report's own metrics that stand alone are
 * longer (高标准农田, 经济薄弱村, 实际使用外资).
 */
const MIN_SPECIFIC = 5;
/** What a list of several things reads like: no one metric (个人、家庭和政企客户). */
const LIST = /[、,，;；]|和|及/;
/** An existing term lends its targets to a metric only when it is most of it (适老化改造 of 居家适老化改造). */
const MIN_SHARE = 0.6;
/**
 * Tags of a word a metric adds to the term it holds that still names the
 * thing (居家, 建设, 场景): nouns. jieba tags a verb such as 新建 a place (ns)
 * and 打造 a verb: neither is taken.
 */
const NAMING_TAGS = new Set(['n', 'vn', 'nz']);

/**
 * Whether a metric's form is the holding term's form with one naming word
 * around it (居家适老化改造, 高标准农田建设): then it becomes a form of the term,
 * so the highlight covers it. A verb (新建鲁班工坊) is not the term's name.
 */
function namesTheTerm(form: string, termForm: string): boolean {
  const extra = form.startsWith(termForm) ? form.slice(termForm.length) : form.endsWith(termForm) ? form.slice(0, -termForm.length) : '';
  if (!extra || extra.length > 2) return false;
  const words = dictionaryTag(extra);
  return words.length === 1 && NAMING_TAGS.has(words[0]!.tag);
}

/**
 * The forms a metric is cited by, folded: the phrase without quotes, with
 * quotes, and its core without a generic tail (高标准农田建设 → 高标准农田) and
 * without the words that only say how or when (metric-identity's
 * normaliseMetric: 粮食播种面积稳定在 → 粮食播种面积, 新增养老机构床位 →
 * 养老机构床位), the core last. None when the core names nothing alone: a
 * list (个人、家庭和政企客户), a word too short, or a total of whatever the
 * sentence is about (企业, 达到, 总产量), which with any figure would light up
 * every page.
 */
export function metricForms(metric: string): string[] {
  const plain = metric.replace(/[“”"「」]/g, '');
  if (LIST.test(plain)) return [];
  const tail = GENERIC_TAIL.exec(plain);
  const untailed = tail && tail.index >= MIN_SPECIFIC - 1 ? plain.slice(0, tail.index) : plain;
  const core = normaliseMetric(untailed);
  if (core.length < MIN_METRIC || isGenericMetric(core)) return [];
  return [...new Set([plain, metric, untailed, core])].map((form) => foldText(form, {}));
}

/**
 * How a figure beside the metric counts. A report's metric that is no
 * ordinary word is a mention alone; an ordinary word (民心工程, 营业收入) only
 * with its figure. The figures of a document about one body (a company's
 * article) are that body's: they count only where the page also names
 * something of that document, or every company's 营业收入 would be linked.
 */
function figureMode(form: string, doc: ReportDocument | undefined): FigureMode {
  if (doc?.kind !== 'work-report') return 'anchored';
  const plain = form.replaceAll('"', '');
  // The dictionary's own segmentation: the extraction has taught jieba every term as one word.
  const ordinary = plain.length < MIN_SPECIFIC || isDictionaryWord(plain) || dictionaryTag(plain).length < 2;
  return ordinary ? 'required' : 'optional';
}

/** Of two modes for one term, the one that asks less of a page: a term alone is already a mention. */
const MODE_RANK: Record<FigureMode, number> = { optional: 0, required: 1, anchored: 2 };
const looser = (a: FigureMode | undefined, b: FigureMode): FigureMode => (a && MODE_RANK[a] <= MODE_RANK[b] ? a : b);

export interface MetricInputs {
  targets: readonly Target[];
  documents: readonly ReportDocument[];
  terms: readonly Term[];
  /** The reviewed facts variants are derived with: a metric is written in other ways too (探访关怀服务). */
  facts: VariantFacts;
}

/**
 * The term list with every target made findable: existing terms that name a
 * target carry its id, the other metrics become terms of kind 'metric'.
 * Targets are listed on a term in reading order; a target's clause not yet
 * among a term's clauses comes after those it has (best first).
 */
export function withMetricTerms({ targets, documents, terms, facts }: MetricInputs): Term[] {
  const docById = new Map(documents.map((d) => [d.id, d]));
  const out = terms.map((term) => ({ ...term }));
  const ownForm = (term: Term) => term.forms.map((form) => form.replaceAll('"', ''));
  const byForm = new Map<string, Term>();
  for (const term of out) for (const form of ownForm(term)) if (!byForm.has(form)) byForm.set(form, term);

  const attach = (term: Term, target: Target, mode: FigureMode) => {
    term.targetIds = [...new Set([...(term.targetIds ?? []), target.id])];
    term.figure = looser(term.figure, mode);
    if (!term.clauseIds.includes(target.clauseId)) term.clauseIds = [...term.clauseIds, target.clauseId];
  };

  for (const target of targets) {
    const forms = metricForms(target.metric);
    if (!forms.length) continue;
    const doc = docById.get(target.docId);
    const mode = figureMode(forms[forms.length - 1]!, doc);
    const plainForms = forms.map((f) => f.replaceAll('"', ''));
    // A term that is the metric or most of it (the longest such) takes the target.
    const holder = [...byForm]
      .filter(([form]) => plainForms.some((f) => f === form || (f.includes(form) && form.length >= MIN_SHARE * f.length)))
      .sort((a, b) => b[0].length - a[0].length)[0]?.[1];
    if (holder) {
      // A term found alone already is a mention alone, whatever its metric's words.
      attach(holder, target, holder.kind === 'metric' ? mode : 'optional');
      for (const form of forms) {
        const plain = form.replaceAll('"', '');
        if (holder.forms.includes(form) || byForm.has(plain) || !ownForm(holder).some((own) => namesTheTerm(plain, own))) continue;
        holder.forms.push(form);
      }
      continue;
    }
    const core = plainForms[plainForms.length - 1]!;
    const term: Term = {
      id: stableId('metric', target.docId, core),
      // The short form names it on the card: 经济薄弱村, not 经济薄弱村三年扶持.
      term: core,
      kind: 'metric',
      forms,
      clauseIds: [],
      signal: 'metric',
    };
    attach(term, target, mode);
    out.push(term);
    for (const form of plainForms) byForm.set(form, term);
  }
  // The new metrics get the variants the named terms got in extraction (swapped words, key words).
  const taken = new Set(out.flatMap((t) => t.forms));
  for (const term of out) {
    if (term.kind !== 'metric') continue;
    const variants = termVariants(term, facts, taken);
    term.forms = [...term.forms, ...variants.forms];
    if (variants.related.length) term.related = variants.related;
    if (variants.local.length) term.local = variants.local;
  }
  return out;
}
