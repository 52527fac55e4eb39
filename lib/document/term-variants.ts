// The other ways news writes a term, derived from the report's own wording:
// news drops a programme's generic tail (全民健身场地设施提升 for …提升行动),
// puts a district's 区 or a 的 into a place name (宁河区七里海镇), writes a
// digit for a numeral (治本攻坚3年行动), spells a numbered slogan out with
// other separators (政治意识、大局意识、核心意识和看齐意识), or swaps one word
// of a long name (乡村振兴重点村). The first kinds name the same thing and
// become forms of the term; a swapped word or a slogan with a part missing
// only points at it and becomes a related form. Every form goes into the one
// automaton: no pattern or second pass per term.

import type { TermKind } from '../model';
import { foldText } from '../match/fold-text';
import { dictionaryTag, isDictionaryWord, tag } from './jieba';

/** A reviewed group of words that stand for each other inside programme names (seeds/synonyms.json). */
export interface SynonymGroup {
  words: string[];
  note?: string;
}

/** A reviewed word that names print short or in full (seeds/word-abbreviations.json): 国企 / 国有企业. */
export interface WordAbbreviation {
  short: string;
  full: string;
  note?: string;
}

export interface VariantFacts {
  synonyms: readonly SynonymGroup[];
  wordAbbreviations: readonly WordAbbreviation[];
}

export interface VariantInput {
  term: string;
  kind: TermKind;
  /** The term's folded forms so far (its own, reviewed abbreviations and full names). */
  forms: readonly string[];
}

export interface Variants {
  forms: string[];
  related: string[];
  /** Related forms that count only in a paragraph naming the report's place (see Term.local). */
  local: string[];
}

/**
 * Generic tails a programme's name is written without: the whole word at the
 * end (a count of years before 行动 goes with it: 治本攻坚三年行动 → 治本攻坚).
 */
const GENERIC_TAIL = /(?:[一二两三四五六七八九十\d]+年)?(?:专项行动|行动计划|行动方案|行动|工程|计划|方案|活动|建设|提升|工作|改造)$/;
/** Scope words in front of a name that news leaves out (国家级非遗…, 全国短道速滑冠军赛, 全民健身…). */
const SCOPE_HEAD = /^(?:国家级|全国|中国|全市|市级|全民)/;
/** The head of an event's name after its sport (天津马拉松|赛, 全国短道速滑|冠军赛). */
const EVENT_HEAD = /(?:冠军赛|锦标赛|联赛|公开赛|邀请赛|赛)$/;
/** A campaign counted in years is named by the four characters before the count (安全生产|治本攻坚|三年行动). */
const YEARS_CAMPAIGN = /([\u4e00-\u9fff]{4})[一二两三四五六七八九十\d]+年(?:行动|计划|工程)$/;
/** A key word this short is an everyday word outside the report's place (适老化 of 适老化改造, 马拉松). */
const MIN_LOCAL = 3;
/** An ordinal in front (第四次文物普查): without it the name is the kind of thing, so only a related key word. */
const ORDINAL_HEAD = /^第[一二三四五六七八九十\d]+[次轮届批期](?:全国)?/;
/**
 * The shortest name left after a tail or head is dropped that still names the
 * programme. Measured on the team's ordinary news (tests/fixtures/recall/
 * ordinary, 24,481 characters; tests/fixtures/figures/ordinary, 13,059) and
 * its 68 near-miss sentences: at 3 or 4 characters, three more remainders
 * become the term's own wording (冰壶联赛, 水毁修复, 重要奖项), and 冰壶联赛
 * lights up once there (a league game in another city); at 5, none of the
 * forms this rule makes is found there. A four-character remainder that is
 * no dictionary word is kept as a related form instead: the key word of a
 * programme whose full name is not on the page, in the lighter style.
 */
const MIN_REMAINDER = 5;
const MIN_KEYWORD = 4;
/** What news puts between a place and the rest of a name: an administrative suffix, a 的, or both. */
const PLACE_INSERTS = ['区', '县', '市', '的', '区的', '县的', '市的'];
/** An administrative suffix a name may print after its place, which news drops (天津市工业互联网研究院 → 天津工业互联网研究院). */
const PLACE_SUFFIX = /[市区县]$/;
/** The Chinese name of a body before a project name that begins in Latin letters or digits (海油工程|5G智能工厂). */
const OWNER_BEFORE_LATIN = /^[\u3400-\u9fff]{2,}(?=[A-Za-z0-9])/;
/** Places that are no district of a city: nothing is inserted after them (中国冰壶联赛). */
const COUNTRY = new Set(['中国', '全国']);
/** A long name is one a swapped word still leaves recognisable. */
const MIN_SWAP_LENGTH = 6;
/** A related form shorter than this is too weak a hint. */
const MIN_RELATED = 6;
/** Separators of an enumeration's parts as the alias file prints them. */
const PART_BREAK = /[,，;；]/;
const ITEM_BREAK = /[、]/;

const CHINESE_DIGITS = '零一二三四五六七八九';

/** 三 → 3, 十 → 10, 十二 → 12, 二十 → 20, 两 → 2 (the numerals a name uses: below a hundred). */
function chineseToNumber(run: string): number | undefined {
  const digit = (ch: string) => (ch === '两' ? 2 : CHINESE_DIGITS.indexOf(ch));
  if (run.length === 1) return run === '十' ? 10 : digit(run) >= 0 ? digit(run) : undefined;
  const ten = run.indexOf('十');
  if (ten < 0 || run.length > 3) return undefined;
  const tens = ten === 0 ? 1 : digit(run[0]!);
  const ones = ten === run.length - 1 ? 0 : digit(run[ten + 1]!);
  return tens >= 0 && ones >= 0 ? tens * 10 + ones : undefined;
}

function numberToChinese(value: number): string | undefined {
  if (value < 0 || value >= 100 || !Number.isInteger(value)) return undefined;
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return (tens === 1 ? '' : CHINESE_DIGITS[tens]) + '十' + (ones ? CHINESE_DIGITS[ones] : '');
}

/**
 * The name with each counted numeral written the other way (三年 ↔ 3年, 十项 ↔ 10项); 5G, 一带一路 and
 * 高效办成一件事 (one thing, not a count) are left alone.
 */
function numeralVariants(text: string): string[] {
  const out: string[] = [];
  const chinese = text.replace(/[零一二两三四五六七八九十]+(?=[年项个大类])/g, (run) => String(chineseToNumber(run) ?? run));
  if (chinese !== text) out.push(chinese);
  const digits = text.replace(/\d+(?=[年项个大类])/g, (run) => numberToChinese(Number(run)) ?? run);
  if (digits !== text) out.push(digits);
  return out;
}

/** The key word of a programme (水毁修复, 冰壶联赛): four characters that are no dictionary word, a related form. */
function isKeyword(remainder: string): boolean {
  return remainder.length === MIN_KEYWORD && !isDictionaryWord(remainder);
}

/** Still names the programme once a generic word is gone: long enough, not one dictionary word, more than one word. */
function isSpecific(remainder: string): boolean {
  return remainder.length >= MIN_REMAINDER && !isDictionaryWord(remainder) && tag(remainder).length >= 2;
}

/** The name with its generic tails dropped one after another (…提升行动 → …提升 → …), each remainder non-empty. */
function tailTrims(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  for (let tail = GENERIC_TAIL.exec(rest); tail && tail.index > 0; tail = GENERIC_TAIL.exec(rest)) {
    rest = rest.slice(0, tail.index);
    out.push(rest);
  }
  return out;
}

/**
 * The name without its generic tail or scope head. One word dropped leaves
 * the programme's name (a form, when specific); the scope head and tails
 * dropped leave its key word (健身场地设施 of 全民健身场地设施提升行动), a
 * related form, as is a four-character key word (冰壶联赛 of 中国冰壶联赛).
 */
function trimmedVariants(text: string, kind: TermKind): Variants {
  const forms: string[] = [];
  const related: string[] = [];
  const local: string[] = [];
  if (kind === 'organisation') return { forms, related, local };
  const tails = tailTrims(text);
  const head = SCOPE_HEAD.exec(text)?.[0] ?? '';
  const headless = head ? [text.slice(head.length), ...tails.map((t) => t.slice(head.length))] : [];
  const single = [tails[0], headless[0]];
  // Tails alone leave what a programme improves (妇女儿童健康 of …健康提升计划), too general
  // to point at it; without its scope head too, what is left is the programme's own matter.
  const keyWords = headless.slice(1);
  for (const remainder of single) {
    if (remainder === undefined) continue;
    if (isSpecific(remainder)) forms.push(remainder);
    else if (isKeyword(remainder)) related.push(remainder);
    else if (isLocalKeyword(remainder)) local.push(remainder);
  }
  for (const remainder of keyWords) if (isSpecific(remainder) || isKeyword(remainder)) related.push(remainder);
  // A race named by its sport (天津马拉松赛 → 天津马拉松); 冰壶联赛 and 冠军赛 are the event's kind, not a tail.
  const last = dictionaryTag(text).at(-1)?.word ?? '';
  if (last.length >= 4 && last.endsWith('赛') && isDictionaryWord(last.slice(0, -1))) forms.push(text.slice(0, -1));
  const ordinal = ORDINAL_HEAD.exec(text);
  if (ordinal && text.length - ordinal[0].length >= MIN_KEYWORD) related.push(text.slice(ordinal[0].length));
  const campaign = YEARS_CAMPAIGN.exec(text)?.[1];
  if (campaign && campaign !== tails.at(-1) && !isDictionaryWord(campaign)) related.push(campaign);
  const sport = sportOf(text, kind);
  if (sport) local.push(sport);
  return { forms, related, local };
}

/** Three characters that are no dictionary word (适老化): a key word, but only where the page is set in the place. */
function isLocalKeyword(remainder: string): boolean {
  return remainder.length === MIN_LOCAL && !isDictionaryWord(remainder);
}

/**
 * The sport of an event named by its place or scope, the sport and the kind
 * of event (天津马拉松赛 → 马拉松, 全国短道速滑冠军赛 → 短道速滑): every sports
 * page prints it, so it points at the event only where the page is set in
 * the report's place. 冰壶 of 中国冰壶联赛 is too short to point at anything.
 */
function sportOf(text: string, kind: TermKind): string | undefined {
  const event = EVENT_HEAD.exec(text);
  if (kind !== 'named' || !event) return undefined;
  const scope = SCOPE_HEAD.exec(text)?.[0];
  const first = dictionaryTag(text)[0];
  const head = scope ?? (first?.tag === 'ns' ? first.word : undefined);
  if (!head) return undefined;
  const sport = text.slice(head.length, event.index);
  return sport.length >= MIN_LOCAL ? sport : undefined;
}

/**
 * Place names with what news puts after the place (宁河七里海镇 → 宁河区七里海镇,
 * 宁河的七里海镇) and without a suffix the report prints (天津市工业互联网研究院
 * → 天津工业互联网研究院); a body's project with a 的 after the body
 * (中国联通的京津冀数字科技产业园). Only names of places and bodies: a slogan
 * such as 平安天津 has no place part to separate.
 */
function placeVariants(text: string, kind: TermKind): string[] {
  if (kind !== 'named') return [];
  // The dictionary's segmentation: the extraction has taught jieba the whole name as one word.
  const words = dictionaryTag(text);
  const place = words[0]?.word;
  if (!place || words.length < 2) return [];
  const rest = text.slice(place.length);
  if (rest.length < 2) return [];
  if (words[0]!.tag === 'nt') return [`${place}的${rest}`];
  // A body's project named from Latin letters on (海油工程5G智能工厂): the body ends where they begin.
  const owner = OWNER_BEFORE_LATIN.exec(text)?.[0];
  if (owner && words[0]!.tag !== 'ns') return [`${owner}的${text.slice(owner.length)}`];
  if (words[0]!.tag !== 'ns' || COUNTRY.has(place)) return [];
  if (PLACE_SUFFIX.test(place) && place.length >= 3) return [place.slice(0, -1) + rest];
  return PLACE_INSERTS.map((insert) => place + insert + rest);
}

/** The name with a reviewed word printed the other way (国企 ↔ 国有企业): the same name. */
function wordAbbreviationVariants(text: string, words: readonly WordAbbreviation[]): string[] {
  const out: string[] = [];
  for (const { short, full } of words) {
    if (text.includes(full)) out.push(text.replaceAll(full, short));
    else if (text.includes(short)) out.push(text.replaceAll(short, full));
  }
  return out.filter((form) => form.length >= MIN_KEYWORD);
}

/** A word of the group right after (行动|计划): the head is the last of the two, only it is swapped (行动方案). */
function beforeGroupWord(text: string, at: number, length: number, words: readonly string[]): boolean {
  return words.some((w) => text.startsWith(w, at + length));
}

/** One word of a long name replaced by a reviewed near-synonym: related, never the same. */
function swappedVariants(text: string, synonyms: readonly SynonymGroup[]): string[] {
  if (text.length < MIN_SWAP_LENGTH) return [];
  const out: string[] = [];
  for (const { words } of synonyms) {
    for (const word of words) {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
        if (word.length === text.length || beforeGroupWord(text, at, word.length, words)) continue;
        for (const other of words) {
          // 行动计划 → 行动行动 is no name.
          if (other !== word && !text.slice(0, at).endsWith(other)) out.push(text.slice(0, at) + other + text.slice(at + word.length));
        }
      }
    }
  }
  return out;
}

/** The parts of a spelled-out slogan: its clauses (两个确立) or, for one clause, its items (四个意识). */
function partsOf(form: string): { parts: string[]; separator: string } | undefined {
  for (const [pattern, separator] of [[PART_BREAK, ','], [ITEM_BREAK, '、']] as const) {
    const parts = form.split(pattern).filter(Boolean);
    if (parts.length >= 2 && parts.every((p) => p.length >= 2)) return { parts, separator };
  }
  return undefined;
}

/**
 * A spelled-out slogan as news joins it: items with 、 or with 和 before the
 * last (政治意识、大局意识、核心意识和看齐意识), and, as related forms, the
 * run of all parts but one at either end (one part reworded).
 */
function enumerationVariants(form: string): Variants {
  const forms: string[] = [];
  const related: string[] = [];
  const split = partsOf(form);
  if (!split) return { forms, related, local: [] };
  const { parts, separator } = split;
  const head = parts.slice(0, -1).join(separator);
  const last = parts[parts.length - 1]!;
  // 和 joins the last item of a list, not the last of two clauses, nor an item that holds a 和 itself.
  if (separator === '、' && !last.includes('和')) forms.push(`${head}和${last}`);
  // The runs left when one part is reworded: every run of consecutive parts short of the whole
  // (of two parts, each part alone).
  for (let from = 0; from < parts.length; from++) {
    for (let to = from + (parts.length === 2 ? 1 : 2); to <= parts.length; to++) {
      if (to - from < parts.length) related.push(parts.slice(from, to).join(separator));
    }
  }
  return { forms, related: related.filter((r) => r.length >= MIN_RELATED), local: [] };
}

/**
 * The variant, related and local forms of one term, folded, without its own forms
 * and without any form in `taken` (the forms of every term: another term's
 * own wording is never a variant of this one).
 */
export function termVariants(input: VariantInput, facts: VariantFacts, taken: ReadonlySet<string>): Variants {
  const own = new Set(input.forms);
  const forms = new Set<string>();
  const related = new Set<string>();
  const local = new Set<string>();
  for (const form of input.forms) {
    const quoted = form.startsWith('"') && form.endsWith('"') && form.length > 2;
    const text = quoted ? form.slice(1, -1) : form;
    const wrap = (variant: string) => (quoted ? `"${variant}"` : variant);
    for (const variant of numeralVariants(text)) forms.add(wrap(variant));
    for (const variant of wordAbbreviationVariants(text, facts.wordAbbreviations)) forms.add(wrap(variant));
    // A numeral label with the word it names (“八五”普法) is printed without its quotes as often as with them.
    if (!quoted && text.includes('"') && text.replaceAll('"', '').length >= MIN_REMAINDER - 1) forms.add(text.replaceAll('"', ''));
    // A quoted enumeration is a label (“光兆津门、数智惠民”行动计划), not a slogan to spell out.
    const enumeration = text.includes('"') ? { forms: [], related: [], local: [] } : enumerationVariants(text);
    enumeration.forms.forEach((v) => forms.add(v));
    enumeration.related.forEach((v) => related.add(v));
    // Tails, places and swaps concern the name itself, not its alias forms.
    if (foldText(input.term, {}) !== text) continue;
    const trimmed = trimmedVariants(text, input.kind);
    trimmed.forms.forEach((v) => forms.add(v));
    trimmed.related.forEach((v) => related.add(v));
    trimmed.local.forEach((v) => local.add(v));
    for (const variant of placeVariants(text, input.kind)) forms.add(wrap(variant));
    for (const variant of swappedVariants(text, facts.synonyms)) related.add(wrap(variant));
  }
  const keep = (form: string) => !own.has(form) && !taken.has(form);
  const formList = [...forms].map((f) => foldText(f, {})).filter(keep);
  const formSet = new Set(formList);
  const relatedList = [...related].map((f) => foldText(f, {})).filter((f) => keep(f) && !formSet.has(f));
  const relatedSet = new Set(relatedList);
  return {
    forms: formList,
    related: relatedList,
    local: [...local].map((f) => foldText(f, {})).filter((f) => keep(f) && !formSet.has(f) && !relatedSet.has(f)),
  };
}
