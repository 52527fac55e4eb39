// The organisations a document names (中国联通天津市分公司, 联通(天津)产业互联网
// 有限公司, 中国联通集团), found by the words a body's name ends in, and the
// short names news uses for them: a company's city branch goes by city +
// brand (天津联通), a bracketed city is printed without brackets, 有限公司 is
// shortened to 公司. All from the name's own parts: no list of companies.

import { tag, type TaggedWord } from './jieba';

/** What a body's name ends in (none is the end of another). */
const BODY_HEADS = ['有限公司', '分公司', '研究院', '集团', '协会', '联合会', '商会'];
/** A name holds at least this many characters before its head: 商会协会 is two heads, not a name. */
const MIN_BEFORE_HEAD = 3;
/** A name is at most this long; a longer run is a description. */
const MAX_NAME = 24;
/** Characters a name is made of: Chinese, and a bracketed place (联通(天津)…). */
const NAME_CHAR = /[\u3400-\u9fff()（）]/;
/** Tags that end a name on its left: verbs, function words, numbers, times (2023年度), punctuation. */
const LEFT_STOP_TAGS = new Set(['v', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'r', 'f', 'd', 'm', 'q', 'x', 'zg', 't']);
/** Prefix of a brand that the short name drops (中国联通 → 联通). */
const COUNTRY = '中国';
const BRACKETS = /[()（）]/g;

/** The name ending at `end` in `text`, or undefined when it is not a whole name. */
function nameEndingAt(text: string, end: number, head: string): string | undefined {
  let start = end - head.length;
  while (start > 0 && end - start < MAX_NAME && NAME_CHAR.test(text[start - 1]!)) start--;
  // 2023年度中国智能交通协会: the year before a name is a date, not part of it.
  if (/\d/.test(text[start - 1] ?? '')) start += /^(?:年度|年)/.exec(text.slice(start))?.[0].length ?? 0;
  const run = text.slice(start, end);
  const words = tag(run.replace(BRACKETS, (b) => (b === '(' || b === '（' ? '(' : ')')));
  // Cut after the last word that cannot be inside a name (成立了|联通(天津)…, 牵头成立|天津市…).
  let offset = 0;
  let from = 0;
  words.forEach((word: TaggedWord, i) => {
    offset += word.word.length;
    if (offset < run.length - head.length && LEFT_STOP_TAGS.has(word.tag) && word.word !== '(' && word.word !== ')') {
      from = offset;
    }
    if (i === 0 && word.word === '(') from = offset;
  });
  const name = run.slice(from);
  const named = name.slice(0, -head.length);
  const valid = named.length >= MIN_BEFORE_HEAD && !BODY_HEADS.some((h) => named.endsWith(h)) && !name.startsWith(')');
  return valid ? name : undefined;
}

/** Every body's name the texts print, in reading order, each once. */
export function findOrganisations(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (let end = 1; end <= text.length; end++) {
      const head = BODY_HEADS.find((h) => text.startsWith(h, end - h.length));
      if (!head) continue;
      const name = nameEndingAt(text, end, head);
      if (name && !found.includes(name)) found.push(name);
    }
  }
  return found;
}

/**
 * The other names news gives a body: brackets dropped, 有限公司 → 公司, and a
 * city branch (brand + city + 分公司) by city + brand, with or without 中国.
 */
export function organisationForms(name: string): string[] {
  const forms = new Set<string>();
  const plain = name.replace(BRACKETS, '');
  if (plain !== name) forms.add(plain);
  if (plain.endsWith('有限公司')) forms.add(`${plain.slice(0, -4)}公司`);
  if (plain.endsWith('集团') && plain.startsWith(COUNTRY) && plain.length - COUNTRY.length > 3) forms.add(plain.slice(COUNTRY.length));
  if (plain.endsWith('分公司')) {
    const words = tag(plain.slice(0, -3));
    const cityAt = words.findIndex((w) => w.tag === 'ns');
    if (cityAt > 0) {
      const brand = words.slice(0, cityAt).map((w) => w.word).join('');
      const city = words[cityAt]!.word.replace(/[市省]$/, '');
      const short = brand.startsWith(COUNTRY) && brand.length > COUNTRY.length + 1 ? brand.slice(COUNTRY.length) : brand;
      for (const b of new Set([brand, short])) forms.add(`${b}${city}分公司`).add(`${b}${city}公司`);
      forms.add(`${city}${short}`);
    }
  }
  forms.delete(name);
  return [...forms];
}
