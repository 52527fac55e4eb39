// The policy terms pages are searched for, found from the report's own
// signals: its quotation marks (“腾笼换鸟”, “光兆津门、数智惠民”行动计划), its
// enumerations (科技金融、绿色金融、普惠金融…; …等80余个标杆项目; a name
// listed with a programme), the heads its programmes, places and instruments
// end in (片区, 工坊, 试验区 …), the description before a quoted name, and the
// noun phrases built on a reviewed word that names print short or in full
// (医保待遇水平), with jieba for word boundaries. A generic word must never be
// a term: it would light up every Chinese page.
import type { Clause, Term, TermKind } from '../model';
import { foldText } from '../match/fold-text';
import { addWord, dictionaryTag, initJieba, isDictionaryWord, tag, type TaggedWord } from './jieba';
import { findQuotedPhrases, type QuotedPhrase } from './quoted-phrases';
import { findOrganisations, organisationForms } from './organisation-names';
import { termVariants, type SynonymGroup, type WordAbbreviation } from './term-variants';
import { FUNCTION_TAGS, LEADING_WORDS, NAMED_LABEL_SUFFIXES, RIGHT_TAGS, TERM_SUFFIXES, type TermSuffix } from './term-suffixes';
import { stableId } from './stable-id';

/** A reviewed fact the text cannot give: what an abbreviation stands for. */
export interface AbbreviationEntry {
  short: string;
  full: string[];
  /** What the entry names when the text gives no other signal: an instrument unless reviewed otherwise. */
  kind?: TermKind;
  /** Why the entry holds, for review. */
  note?: string;
}

export interface TermInputs {
  clauses: Omit<Clause, 'tokens'>[];
  abbreviations: AbbreviationEntry[];
  /** Reviewed near-synonyms inside programme names (seeds/synonyms.json): they make related forms. */
  synonyms?: SynonymGroup[];
  /** Reviewed words that names print short or in full (seeds/word-abbreviations.json). */
  wordAbbreviations?: WordAbbreviation[];
  /** Text of the documents that is no clause but names bodies (an article's byline). */
  bylines?: string[];
}

type Signal = 'quoted' | 'enumeration' | 'suffix' | 'reviewed-word' | 'abbreviation' | 'organisation';

/** Stronger signals decide a term's kind when several find it. */
const SIGNAL_RANK: Record<Signal, number> = { quoted: 0, enumeration: 1, suffix: 2, 'reviewed-word': 3, abbreviation: 4, organisation: 5 };

interface Candidate {
  term: string;
  kind: TermKind;
  signal: Signal;
  /** The term matches on a page only inside quotes (see Term.forms). */
  quotedOnly: boolean;
  /** Index of the clause it was found in, and its offset there. */
  clause: number;
  offset: number;
}

/** Longer names exist (国家级非遗代表性传承人记录工程), longer runs are descriptions. */
const MAX_TERM_LENGTH = 16;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Labels that are plan periods or numbers: “十四五”, “八五”, “1+3+4”. */
const NUMERAL_LABEL = /^[0-9零〇一二三四五六七八九十百千万两+]+$/;
/** Tags of the word a numeral label names (“八五”普法, “1+3+4”产业体系); a time or place word (“十四五”期间) names nothing. */
const NAMED_BY_NUMERAL_TAGS = new Set(['n', 'vn', 'nz', 'v', 'l', 'j']);
/** How many characters of nouns after a numeral label name its programme. */
const NUMERAL_NAMED_MAX = 4;
/** The heads that make a quoted label a programme's name, longest first. */
const PROGRAMME_HEADS = ['行动计划', '行动方案', '专项行动', '行动', '工程', '计划', '方案'];
/** Labels of a dated award or event: “2023年度中国智能交通协会科技进步奖一等奖”. */
const DATED_LABEL = /^\d{2,4}年/;
/** Separators inside a quoted enumeration (“圈、街、楼、店、网”). */
const LIST_SEPARATOR = /[、,，;；。]/;
/** Function-word tags that make a short quoted label read as ordinary prose unquoted. */
const PROSE_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'r', 'f']);
/** Clause punctuation that ends an enumeration (the seed prints ASCII , ; : ! ( )). */
const RUN_BREAK = /[,，;；:：!！?？()（）。]/;
/** What ends a phrase: clause punctuation, an enumeration's 、, a quote. */
const PHRASE_BREAK = /[,，;；:：!！?？()（）。、“”"]/;
/** A figure the clause commits to: the clause that quantifies a term is its best. */
const QUANTITY = /\d[\d.]*\s*(?:万|亿)?\s*(?:个|项|亩|家|户|人|张|类|年|元|美元|平方米|台|场|支|条|%)/;

/** Measure words after a figure (12个乡村旅游示范片区, 20项民心工程). */
const MEASURE_WORD = /^[万亿]?[个项类家户张支条名台场批所座处亩]+$/;
const MEASURE_AFTER_NUMBER = /^[万亿]?[个项类家户张支条名台场批所座处亩]/;
/** 等 and a count closing an enumeration (等80余个标杆项目, 等一批, 等12个): its items are things the report counts. */
const COUNTED_CLOSE = /^等(?:[0-9]+|[一二两三四五六七八九十百几数]+)[余多]?[个项家所座处批类]/;
/** Generic nouns after a name that news leaves off (优化自由贸易账户功能, 天津高教科创园政务服务平台项目建设, 改革试点事项). */
const TRAILING_GENERIC: ReadonlySet<string> = new Set(['功能', '项目', '建设', '工作', '任务', '事项']);
/** The shortest policy phrase built on a reviewed word: four characters are the word and one more (国企改革). */
const MIN_REVIEWED_PHRASE = 5;
/** Tags of the verbs and adverbs that open a phrase before its name. */
const OPENING_TAGS: ReadonlySet<string> = new Set(['v', 'a', 'ad', 'd', 'vd', 'i']);
/** Words that join a verb phrase to an earlier one. */
const COORDINATORS = new Set(['与', '和', '及', '并', '以及']);

/** The report's city: every page the extension is for names it. */
const REGION = '天津';
/** Years are dates, not figures (2023年). */
const YEAR = /\d{4}年/g;

const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** Passes before extraction must have settled (it takes two on the seed). */
const MAX_PASSES = 4;

/**
 * Finds the terms, teaches them to jieba, and repeats until teaching changes
 * nothing: words taught change jieba's segmentation (出台|自|贸|试验区 becomes
 * 出台|自贸试验区), and the list must be the one a later run in the same
 * process, or the background's taught jieba, would find again.
 */
export async function extractTerms(inputs: TermInputs): Promise<Term[]> {
  await initJieba();
  let previous = '';
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const terms = extractOnce(inputs);
    teachTerms(terms);
    const key = JSON.stringify(terms);
    if (key === previous) return terms;
    previous = key;
  }
  throw new Error(`Term extraction did not settle after ${MAX_PASSES} passes`);
}

function extractOnce(inputs: TermInputs): Term[] {
  const { clauses, abbreviations } = inputs;
  const candidates: Candidate[] = [];
  clauses.forEach((clause, index) => {
    candidates.push(...quotedCandidates(clause.text, index));
    candidates.push(...labelledNameCandidates(clause.text, index));
    candidates.push(...suffixCandidates(clause.text, index));
    candidates.push(...countedItemCandidates(clause.text, index));
    candidates.push(...descriptorCandidates(clause.text, index));
    candidates.push(...ownedThingCandidates(clause.text, index));
  });
  clauses.forEach((clause, index) => {
    candidates.push(...coordinatedCandidates(clause.text, index, candidates));
  });
  clauses.forEach((clause, index) => {
    candidates.push(...reviewedWordCandidates(clause.text, index, inputs.wordAbbreviations ?? [], candidates));
  });
  const folded = clauses.map((clause) => foldText(clause.text, {}));
  candidates.push(...abbreviationCandidates(folded, abbreviations, candidates));
  candidates.push(...organisationCandidates([...(inputs.bylines ?? []), ...clauses.map((c) => c.text)], folded, candidates));

  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const seen = best.get(candidate.term);
    if (!seen || compareCandidates(candidate, seen) < 0) best.set(candidate.term, candidate);
  }
  const firstSeen = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const seen = firstSeen.get(candidate.term);
    if (!seen || compareReading(candidate, seen) < 0) firstSeen.set(candidate.term, candidate);
  }

  const chosen = [...best.values()].sort((a, b) => compareReading(firstSeen.get(a.term)!, firstSeen.get(b.term)!));
  const ownForms = chosen.map((candidate) => termForms(candidate, abbreviations));
  const taken = new Set(ownForms.flat());
  return chosen.map((candidate, i): Term => {
    const variants = termVariants(
      { term: candidate.term, kind: candidate.kind, forms: ownForms[i]! },
      { synonyms: inputs.synonyms ?? [], wordAbbreviations: inputs.wordAbbreviations ?? [] },
      taken,
    );
    const forms = [...ownForms[i]!, ...variants.forms];
    const definedIn = new Set(candidates.filter((c) => c.term === candidate.term).map((c) => c.clause));
    return {
      id: stableId('term', candidate.term),
      term: candidate.term,
      kind: candidate.kind,
      forms,
      ...(variants.related.length ? { related: variants.related } : {}),
      ...(variants.local.length ? { local: variants.local } : {}),
      clauseIds: clauseIdsFor(candidate.term, forms, clauses, folded, definedIn),
      signal: candidate.signal,
    };
  });
}

/**
 * Teaches jieba every term so that segmentation (search tokens, the popup's
 * query) keeps them whole. The background calls it on its own jieba with the
 * bundled terms.
 */
export function teachTerms(terms: readonly Pick<Term, 'term'>[]): void {
  for (const { term } of terms) addWord(term);
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return SIGNAL_RANK[a.signal] - SIGNAL_RANK[b.signal] || compareReading(a, b);
}

function compareReading(a: Candidate, b: Candidate): number {
  return a.clause - b.clause || a.offset - b.offset;
}

// ---- quoted labels ----

function quotedCandidates(text: string, clause: number): Candidate[] {
  const found: Candidate[] = [];
  for (const phrase of findQuotedPhrases(text)) {
    const label = phrase.text.trim();
    if (!isTermLabel(label)) continue;
    found.push({
      term: label,
      kind: quotedKind(label, text, phrase),
      signal: 'quoted',
      quotedOnly: readsAsProse(label),
      clause,
      offset: phrase.start + 1,
    });
  }
  return found;
}

/**
 * A quoted plan period or number names nothing alone (“十四五” is in every
 * paper), but with the word after it, it names a programme: “八五”普法,
 * “1+3+4”产业体系. Any quoted label followed by a programme's head is that
 * programme's name (“光兆津门、数智惠民”行动计划), even when the label itself
 * is an enumeration no term may be. The quotes stay in the term as the report
 * prints it.
 */
function labelledNameCandidates(text: string, clause: number): Candidate[] {
  const found: Candidate[] = [];
  for (const phrase of findQuotedPhrases(text)) {
    const label = phrase.text.trim();
    const named = NUMERAL_LABEL.test(label) ? numeralNamedLength(text, phrase.end) : programmeHeadLength(label, text, phrase.end);
    if (named < 2) continue;
    found.push({
      term: text.slice(phrase.start, phrase.end + named),
      kind: NUMERAL_LABEL.test(label) ? 'slogan' : 'instrument',
      signal: 'quoted',
      quotedOnly: false,
      clause,
      offset: phrase.start,
    });
  }
  return found;
}

/** The nouns right after a numeral label, up to a short name's length (产业 + 体系 of “1+3+4”产业体系). */
function numeralNamedLength(text: string, from: number): number {
  let stop = from;
  while (isHan(text[stop])) stop++;
  let named = 0;
  for (const word of tag(text.slice(from, stop))) {
    if (!NAMED_BY_NUMERAL_TAGS.has(word.tag) || named + word.word.length > NUMERAL_NAMED_MAX) break;
    named += word.word.length;
  }
  return named;
}

/** The programme head right after a quoted label (行动计划 of “光兆津门、数智惠民”行动计划), or 0. */
function programmeHeadLength(label: string, text: string, from: number): number {
  if (!HAN.test(label) || label.length > MAX_TERM_LENGTH || DATED_LABEL.test(label)) return 0;
  const head = PROGRAMME_HEADS.find((h) => text.startsWith(h, from));
  return head && endsPhrase(text, from + head.length) ? head.length : 0;
}

function isTermLabel(label: string): boolean {
  return (
    HAN.test(label) &&
    label.length <= MAX_TERM_LENGTH &&
    !LIST_SEPARATOR.test(label) &&
    !NUMERAL_LABEL.test(label) &&
    !DATED_LABEL.test(label)
  );
}

function quotedKind(label: string, text: string, phrase: QuotedPhrase): TermKind {
  // A label that classes firms (“专精特新”企业) is a qualification firms
  // apply for: a policy instrument, not a slogan.
  if (text.startsWith('企业', phrase.end)) return 'instrument';
  // “以客户为中心” ends like a body's name but is a sentence.
  if (!readsAsProse(label) && NAMED_LABEL_SUFFIXES.some((suffix) => label.endsWith(suffix))) return 'named';
  return 'slogan';
}

/**
 * True when a quoted label, met without its quotes, would be ordinary words:
 * two characters (八五折 holds 八五), one dictionary word (“绝大多数”), a
 * phrase with function words (“以客户为中心”, “边境后”), a count of things
 * (拖欠数千万工程款 holds 千万工程; “十项行动”, “两个确立”), the city and
 * one word (“天津方案”), or three
 * characters around a common word (欢庆丰收 holds 庆丰收).
 */
function readsAsProse(label: string): boolean {
  if (label.length <= 2 || isDictionaryWord(label)) return true;
  const words = dictionaryTag(label);
  if (words.some((w) => PROSE_TAGS.has(w.tag)) || isCount(words[0])) return true;
  // The city and one common word (“天津方案”, “留学天津”): Tianjin pages print
  // 天津方案出炉 or 赴海外留学天津学子 about anything.
  if (words.length === 2 && words.some((w) => w.word === REGION)) return true;
  return label.length <= 3 && words.some((w) => w.word.length >= 2);
}

/** A numeral word opening a label (千万, 两个, 十项), not an ordinal like 首 of 首店经济. */
function isCount(word: TaggedWord | undefined): boolean {
  return word?.tag === 'm' && /^[0-9零〇一二三四五六七八九十百千万亿两]/.test(word.word);
}

// ---- heads: suffixes, alone or shared by an enumeration ----

function suffixCandidates(text: string, clause: number): Candidate[] {
  const found: Candidate[] = [];
  const quotes = findQuotedPhrases(text);
  for (let end = 1; end <= text.length; end++) {
    const head = TERM_SUFFIXES.find(({ suffix }) => text.startsWith(suffix, end - suffix.length));
    if (!head || !endsPhrase(text, end)) continue;
    const start = phraseStart(text, end, head, quotes);
    if (start === undefined) continue;
    const term = text.slice(start, end);
    if (term.length < head.suffix.length + 2 || term.length > MAX_TERM_LENGTH) continue;
    const family = inFamily(text, start, end, head.suffix);
    if (head.weak ? !family : isDictionaryWord(term)) continue;
    found.push({
      term,
      kind: head.kind,
      signal: family || isEnumerationItem(text, start, end) ? 'enumeration' : 'suffix',
      quotedOnly: false,
      clause,
      offset: start,
    });
  }
  return found;
}

/** The head ends the phrase: punctuation follows, or a verb, particle, number or generic noun (鲁班工坊建设, 改造1000户, 改革试点事项). */
function endsPhrase(text: string, end: number): boolean {
  // 海油工程5G智能工厂: a name that runs on into Latin letters.
  if (/^[0-9]*[A-Za-z]/.test(text.slice(end))) return false;
  if (!isHan(text[end])) return true;
  let stop = end;
  while (isHan(text[stop])) stop++;
  const next = tag(text.slice(end, stop))[0];
  return next !== undefined && (RIGHT_TAGS.has(next.tag) || LEADING_WORDS.has(next.word) || TRAILING_GENERIC.has(next.word));
}

/**
 * Where the phrase ending at `end` begins, or undefined when it is only part
 * of a name or a description. The run of Chinese characters before the head
 * is cut after its last function word (在, 与, 等 …); then governance verbs
 * and scope words are cut: all of them before an ordinary head (在把握未来
 * 趋势发展|新质生产力), only those at the start before a verbal head (实施|
 * 全民健身场地设施提升行动).
 */
function phraseStart(text: string, end: number, head: TermSuffix, quotes: QuotedPhrase[]): number | undefined {
  const headStart = end - head.suffix.length;
  let runStart = headStart;
  while (runStart > 0 && isHan(text[runStart - 1])) runStart--;
  // Inside quotes the quotes are the boundary (“京津冀协同发展走深走实行动”).
  if (quotes.some((q) => q.start < headStart && end < q.end)) return undefined;
  // A name that runs on from Latin letters, digits or brackets (海河教育园5G/V2X车联网
  // 先导示范区, 中国联通(天津)工业互联网研究院) is not whole here.
  if (/[A-Za-z0-9)）]/.test(text[runStart - 1] ?? '')) {
    if (!MEASURE_AFTER_NUMBER.test(text.slice(runStart))) return undefined;
  }
  const words: { word: TaggedWord; start: number; end: number }[] = [];
  let offset = runStart;
  for (const word of tag(text.slice(runStart, end))) {
    const wordEnd = offset + word.word.length;
    if (wordEnd > headStart) break;
    words.push({ word, start: offset, end: wordEnd });
    offset = wordEnd;
  }
  let first = 0;
  words.forEach((w, i) => {
    // A one-character preposition before another lone character is jieba not knowing the word
    // (出台|自|贸|试验区: 自 is no preposition there), not a boundary; a conjunction (工作|和|强|校) still is.
    const fragment = w.word.tag === 'p' && w.word.word.length === 1 && words[i + 1]?.word.word.length === 1;
    if ((isFunctionWord(w.word) && !fragment) || (!head.verbal && LEADING_WORDS.has(w.word.word))) first = i + 1;
  });
  // A verb coordinated with an earlier phrase (患者体验与改善护理服务专项行动):
  // the head belongs to the whole coordination, which is a description.
  const before = words[first - 1]?.word;
  if (before && COORDINATORS.has(before.word) && LEADING_WORDS.has(words[first]?.word.word ?? '')) return undefined;
  if (first === 0 && text[runStart - 1] === '”') return undefined;
  if (first === 0 && /[0-9]/.test(text[runStart - 1] ?? '')) {
    while (first < words.length && MEASURE_WORD.test(words[first]!.word.word)) first++;
  }
  while (first < words.length && (LEADING_WORDS.has(words[first]!.word.word) || (head.verbal && words[first]!.word.tag === 'v'))) first++;
  // Past the last whole word lies the word that runs into the head (会展经济).
  return words[first]?.start ?? offset;
}

/**
 * The items of an enumeration the report counts (华电5G智慧电厂、天津港5G智慧
 * 港口、海油工程5G智能工厂、中石化千兆光网等80余个标杆项目) are named
 * instances whatever their heads: the count says so. The first item loses
 * the verb phrase before it; an item that is one word or has a function word
 * inside (政务、科创 … 等六大服务) is no name.
 */
function countedItemCandidates(text: string, clause: number): Candidate[] {
  const found: Candidate[] = [];
  for (let close = text.indexOf('等'); close !== -1; close = text.indexOf('等', close + 1)) {
    if (!COUNTED_CLOSE.test(text.slice(close))) continue;
    let runStart = close;
    while (runStart > 0 && !RUN_BREAK.test(text[runStart - 1]!)) runStart--;
    const items = text.slice(runStart, close).split('、');
    if (items.length < 2) continue;
    let itemStart = runStart;
    items.forEach((item, i) => {
      const cut = i === 0 ? nameStartInPhrase(item) : 0;
      const name = item.slice(cut);
      if (isNameLike(name)) {
        found.push({ term: name, kind: 'named', signal: 'enumeration', quotedOnly: false, clause, offset: itemStart + cut });
      }
      itemStart += item.length + 1;
    });
  }
  return found;
}

/** Heads of a thing a quoted brand names (数字治理综合应用平台“津治通”) or a body owns (中国联通京津冀算力中心). */
const THING_HEADS = ['平台', '系统', '中心', '基地'];
/** A description shorter than this is a kind of thing (服务平台), not this one. */
const MIN_DESCRIPTOR = 6;

const endsInThingHead = (phrase: string) => THING_HEADS.some((head) => phrase.endsWith(head));

/** The phrase names a thing: a platform, a centre, a base, a park. */
function endsInThing(phrase: string): boolean {
  return endsInThingHead(phrase) || NAMED_LABEL_SUFFIXES.some((head) => phrase.endsWith(head));
}

/** Where the run of a phrase that holds text[at] begins: after clause punctuation, a 、 or a quote. */
function phraseRunStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !PHRASE_BREAK.test(text[start - 1]!)) start--;
  return start;
}

/**
 * The description right before a quoted name is that thing's own name in the
 * report's words (数字治理综合应用平台“津治通”): news cites either. Only
 * descriptions that end in the head of a thing with a brand: a platform, a
 * system, a centre, a base.
 */
function descriptorCandidates(text: string, clause: number): Candidate[] {
  const found: Candidate[] = [];
  for (const phrase of findQuotedPhrases(text)) {
    const runStart = phraseRunStart(text, phrase.start);
    const start = runStart + afterLeadingVerbs(text.slice(runStart, phrase.start));
    const name = text.slice(start, phrase.start);
    if (!endsInThingHead(name) || name.length < MIN_DESCRIPTOR || !isNameLike(name)) continue;
    found.push({ term: name, kind: 'named', signal: 'suffix', quotedOnly: false, clause, offset: start });
  }
  return found;
}

/**
 * A thing a body owns, named after it (将成为|中国联通京津冀算力中心): the body
 * (an organisation to jieba) opens the name, a thing's head ends it.
 */
function ownedThingCandidates(text: string, clause: number): Candidate[] {
  const found: Candidate[] = [];
  for (const run of text.split(PHRASE_BREAK)) {
    if (!endsInThingHead(run)) continue;
    const name = run.slice(afterLeadingVerbs(run));
    if (name.length < MIN_DESCRIPTOR || dictionaryTag(name)[0]?.tag !== 'nt' || !isNameLike(name)) continue;
    found.push({ term: name, kind: 'named', signal: 'suffix', quotedOnly: false, clause, offset: text.indexOf(name) });
  }
  return found;
}

/**
 * A name coordinated with a programme the report names is a programme too
 * (扎实推进品牌高中培育工作和强校工程): the report lists like with like. The
 * item must be long enough to be specific on its own.
 */
function coordinatedCandidates(text: string, clause: number, found: readonly Candidate[]): Candidate[] {
  const programmes = new Set(found.filter((c) => c.clause === clause && c.kind === 'instrument').map((c) => c.term));
  const added: Candidate[] = [];
  for (const run of text.split(RUN_BREAK)) {
    const items = run.split(/[、和及]/);
    if (items.length < 2 || !items.some((item) => programmes.has(item))) continue;
    const first = items[0]!;
    const named = [first.slice(afterLeadingVerbs(first)), ...items.slice(1)];
    for (const name of named) {
      if (programmes.has(name) || name.length < MIN_DESCRIPTOR || !isNameLike(name)) continue;
      added.push({ term: name, kind: 'instrument', signal: 'enumeration', quotedOnly: false, clause, offset: text.indexOf(name) });
    }
  }
  return added;
}

/**
 * Where a name begins after the verbs and adverbs that open its phrase
 * (加快|数字治理综合应用平台, 扎实推进|品牌高中培育工作): a name may hold verbs of
 * its own (治理, 应用, 培育), so only those before its first noun are cut.
 */
function afterLeadingVerbs(phrase: string): number {
  let start = 0;
  for (const word of tag(phrase)) {
    if (!LEADING_WORDS.has(word.word) && !OPENING_TAGS.has(word.tag) && !isFunctionWord(word)) break;
    start += word.word.length;
  }
  return start;
}

/** Where a name begins in a phrase: after its last verb, idiom, function word or governance word (累计打造了|华电5G智慧电厂, 积极参与|天津高教…). */
function nameStartInPhrase(item: string): number {
  let offset = 0;
  let start = 0;
  for (const word of tag(item)) {
    offset += word.word.length;
    if (word.tag === 'v' || word.tag === 'i' || isFunctionWord(word) || LEADING_WORDS.has(word.word)) start = offset;
  }
  return start;
}

/** Long enough, more than one word, no dictionary word and no function word inside: a name, not a phrase of prose. */
function isNameLike(name: string): boolean {
  if (name.length < 4 || name.length > MAX_TERM_LENGTH || !HAN.test(name) || /[“”"]/.test(name)) return false;
  // The dictionary's tagging: a name taught on an earlier pass is one word to tag().
  const words = dictionaryTag(name);
  return words.length >= 2 && !isDictionaryWord(name) && !words.some(isFunctionWord);
}

function isFunctionWord({ word, tag: pos }: TaggedWord): boolean {
  if (!FUNCTION_TAGS.has(pos)) return false;
  return word.length > 1 || (pos !== 'd' && pos !== 'ad');
}

/** The enumeration around a phrase: the items of its run between clause punctuation, split at 、 and a final 和/及. */
function enumerationItems(text: string, start: number, end: number): string[] {
  let runStart = start;
  while (runStart > 0 && !RUN_BREAK.test(text[runStart - 1]!)) runStart--;
  let runEnd = end;
  while (runEnd < text.length && !RUN_BREAK.test(text[runEnd]!)) runEnd++;
  return text
    .slice(runStart, runEnd)
    .split(/[、和及]/)
    .map((item) => item.replace(/[“”]/g, '').replace(/等.*$/, ''));
}

function isEnumerationItem(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return before === '、' || after === '、' || text.startsWith('等', end);
}

/** At least two items of the phrase's enumeration end in the same head (科技金融、绿色金融 …). */
function inFamily(text: string, start: number, end: number, suffix: string): boolean {
  if (!isEnumerationItem(text, start, end) && text[start - 1] !== '和' && text[end] !== '和') return false;
  return enumerationItems(text, start, end).filter((item) => item.endsWith(suffix)).length >= 2;
}

// ---- policy phrases built on reviewed words ----

/**
 * The report's noun phrases built on a word that names print short or in
 * full (持续完善|科创服务生态, 统筹提高|医保待遇水平, 践行|央企社会责任,
 * 推出|文旅四季主题活动): news reprints them with the word the other way, so
 * they are names a page cites. The phrase runs from after the last verb,
 * function word or governance word before the reviewed word to the first one
 * after it, within the run between punctuation, without a generic noun at its
 * end, and the word must modify a head of its own. Phrases inside a name already found are that name; companies' legal
 * names are organisations' business, not phrases.
 */
function reviewedWordCandidates(
  text: string,
  clause: number,
  words: readonly WordAbbreviation[],
  found: readonly Candidate[],
): Candidate[] {
  const added: Candidate[] = [];
  for (const entry of words) {
    if (entry.full.endsWith('公司')) continue;
    for (const word of [entry.full, entry.short]) {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
        const phrase = phraseAround(text, at, word.length);
        if (!phrase || found.some((c) => c.term.includes(phrase.text)) || added.some((c) => c.term === phrase.text)) continue;
        const kind = endsInThing(phrase.text) ? 'named' : 'instrument';
        added.push({ term: phrase.text, kind, signal: 'reviewed-word', quotedOnly: false, clause, offset: phrase.start });
      }
    }
  }
  return added;
}

/** The noun phrase around text[at, at + length), or undefined when it is no specific name. */
function phraseAround(text: string, at: number, length: number): { text: string; start: number } | undefined {
  const runStart = phraseRunStart(text, at);
  let runEnd = at + length;
  while (runEnd < text.length && !PHRASE_BREAK.test(text[runEnd]!)) runEnd++;
  const start = runStart + nameStartInPhrase(text.slice(runStart, at));
  const after = tag(text.slice(at, runEnd));
  // A run that ends in the head of a thing is one name, verbs and all (纳入|自贸试验区联动创新基地).
  const named = endsInThing(text.slice(at, runEnd));
  let end = at;
  for (const [i, word] of after.entries()) {
    if (named) {
      if (isFunctionWord(word)) return undefined;
      end += word.word.length;
      continue;
    }
    // A verb or an adjective after the word begins what is said of it (金融类国企|稳健经营).
    if (end >= at + length && (word.tag === 'v' || word.tag === 'a' || isFunctionWord(word) || LEADING_WORDS.has(word.word))) break;
    if (i > 0 && end < at + length && isFunctionWord(word)) return undefined;
    end += word.word.length;
  }
  let name = text.slice(start, end);
  for (let last = tag(name).at(-1); last && TRAILING_GENERIC.has(last.word); last = tag(name).at(-1)) {
    name = name.slice(0, -last.word.length);
  }
  // The word must modify a head of its own (医保|待遇水平): 金融类国企 is only the word, qualified.
  if (name.length < MIN_REVIEWED_PHRASE || start + name.length <= at + length || !isNameLike(name)) return undefined;
  return { text: name, start };
}

// ---- the reviewed abbreviation table ----

/** Abbreviations the text uses without any other signal (长护险, 医共体) are instruments, or what the review says (工商联). */
function abbreviationCandidates(
  folded: string[],
  abbreviations: AbbreviationEntry[],
  found: Candidate[],
): Candidate[] {
  const known = new Set(found.map((c) => c.term));
  const added: Candidate[] = [];
  for (const entry of abbreviations) {
    const forms = [entry.short, ...entry.full];
    if (forms.some((form) => known.has(form))) continue;
    let first: Candidate | undefined;
    for (const form of forms) {
      const key = foldText(form, {});
      const clause = folded.findIndex((text) => text.includes(key));
      if (clause < 0) continue;
      const candidate: Candidate = {
        term: form,
        kind: entry.kind ?? 'instrument',
        signal: 'abbreviation',
        quotedOnly: form.length <= 2,
        clause,
        offset: folded[clause]!.indexOf(key),
      };
      if (!first || compareReading(candidate, first) < 0) first = candidate;
    }
    if (first) added.push(first);
  }
  return added;
}

// ---- bodies the documents name ----

/** Organisations named in a byline or a clause, placed at the first clause that prints any of their names. */
function organisationCandidates(texts: string[], folded: string[], found: Candidate[]): Candidate[] {
  const known = new Set(found.map((c) => c.term));
  const added: Candidate[] = [];
  for (const name of findOrganisations(texts)) {
    if (known.has(name)) continue;
    const keys = [name, ...organisationForms(name)].map((form) => foldText(form, {}));
    let first: Candidate | undefined;
    folded.forEach((text, clause) => {
      if (first) return;
      const at = keys.map((key) => text.indexOf(key)).filter((i) => i >= 0);
      if (at.length) {
        first = { term: name, kind: 'organisation', signal: 'organisation', quotedOnly: false, clause, offset: Math.min(...at) };
      }
    });
    if (first) added.push(first);
  }
  return added;
}

function termForms(candidate: Candidate, abbreviations: AbbreviationEntry[]): string[] {
  const own = foldText(candidate.term, {});
  const forms = [candidate.quotedOnly ? `"${own}"` : own];
  if (candidate.kind === 'organisation') {
    for (const form of organisationForms(candidate.term)) forms.push(foldText(form, {}));
  }
  for (const entry of abbreviations) {
    const entryForms = [entry.short, ...entry.full];
    if (!entryForms.includes(candidate.term)) continue;
    for (const form of entryForms) {
      if (form === candidate.term) continue;
      const key = foldText(form, {});
      // A two-character form is as ambiguous as a two-character slogan.
      const variant = form.length <= 2 ? `"${key}"` : key;
      if (!forms.includes(variant)) forms.push(variant);
    }
  }
  return forms;
}

// ---- clauses ----

/** A figure stands beside the term, in the same stretch between commas (完成居家适老化改造1000户). */
function quantifies(folded: string, forms: string[]): boolean {
  return folded
    .split(/[,;:!?。]/)
    .some((part) => forms.some((form) => part.includes(form)) && QUANTITY.test(part.replace(YEAR, '')));
}

/**
 * Every clause whose folded text holds a form, best first: the clauses the
 * term was found in that also quantify it, then the others it was found in,
 * then the remaining mentions, each group in reading order.
 */
function clauseIdsFor(
  term: string,
  forms: string[],
  clauses: Omit<Clause, 'tokens'>[],
  folded: string[],
  definedIn: Set<number>,
): string[] {
  const ranked: { index: number; rank: number }[] = [];
  folded.forEach((text, index) => {
    if (!forms.some((form) => text.includes(form))) return;
    const defined = definedIn.has(index);
    const rank = defined && quantifies(text, forms) ? 0 : defined ? 1 : 2;
    ranked.push({ index, rank });
  });
  if (ranked.length === 0) throw new Error(`Term ${term} has no clause that mentions it`);
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ index }) => clauses[index]!.id);
}
