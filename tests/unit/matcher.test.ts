import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildMatcherTables, createMatcher, loadMatcher, type Match, type MatcherTerm } from '@/lib/match/matcher';

const terms: MatcherTerm[] = [
  { id: 'gbz', forms: ['高标准农田'] },
  { id: 'jzt', forms: ['津治通'] },
  { id: 'gxbc', forms: ['高效办成一件事'] },
  { id: 'bh', forms: ['冰壶'] },
  { id: 'zgbh', forms: ['中国冰壶联赛'] },
  { id: 'sl', forms: ['"三量"'] },
  { id: 'chx', forms: ['长期护理保险', '长护险'] },
  { id: 'v2x', forms: ['v2x'] },
];
// Traditional → simplified for the characters these terms use, as the term table's foldMap carries them.
const foldMap = { 標: '标', 準: '准', 農: '农', 辦: '办', 長: '长', 護: '护', 險: '险', 聯: '联', 賽: '赛', 國: '国', 壺: '壶', 畝: '亩', 資: '资' };

const matcher = createMatcher(terms, foldMap);
const painted = (text: string, matches: readonly Match[]) => matches.map(([s, e, id]) => `${text.slice(s, e)}:${id}`);

describe('createMatcher', () => {
  it('finds terms in simplified text with full-width punctuation', () => {
    const text = '今年将新建高标准农田50万亩以上，推广“津治通”，让“高效办成一件事”成为常态。';
    expect(painted(text, matcher.scan(text))).toEqual(['高标准农田:gbz', '津治通:jzt', '高效办成一件事:gxbc']);
  });

  it('folds traditional characters without moving offsets', () => {
    const text = '新建高標準農田，落實長期護理保險。';
    expect(painted(text, matcher.scan(text))).toEqual(['高標準農田:gbz', '長期護理保險:chx']);
  });

  it('lets the longest match win where terms overlap', () => {
    const text = '参加中国冰壶联赛的冰壶队';
    expect(painted(text, matcher.scan(text))).toEqual(['中国冰壶联赛:zgbh', '冰壶:bh']);
  });

  it('skips line breaks and spaces inside a term', () => {
    const text = '推广津\n  治通和高标准 农田';
    expect(painted(text, matcher.scan(text))).toEqual(['津\n  治通:jzt', '高标准 农田:gbz']);
  });

  it('matches a quoted form only in quotes and leaves the quotes out', () => {
    expect(painted('以“三量”为牵引', matcher.scan('以“三量”为牵引'))).toEqual(['三量:sl']);
    expect(painted('以「三量」为牵引', matcher.scan('以「三量」为牵引'))).toEqual(['三量:sl']);
    expect(matcher.scan('三量不足')).toEqual([]);
  });

  it('finds every form of a term, abbreviations included', () => {
    expect(painted('扩大长护险试点', matcher.scan('扩大长护险试点'))).toEqual(['长护险:chx']);
  });

  it('needs a word boundary around Latin forms, and folds full-width letters and case', () => {
    expect(painted('发展V2X车联网', matcher.scan('发展V2X车联网'))).toEqual(['V2X:v2x']);
    expect(painted('发展Ｖ２Ｘ', matcher.scan('发展Ｖ２Ｘ'))).toEqual(['Ｖ２Ｘ:v2x']);
    expect(matcher.scan('codev2xy')).toEqual([]);
  });

  it('marks a related form as related, and lets a term\'s own wording win over another term\'s related form', () => {
    const related = createMatcher(
      [
        { id: 'sfc', forms: ['乡村振兴示范村'], related: ['乡村振兴重点村', '冰壶联赛'] },
        { id: 'zgbh', forms: ['中国冰壶联赛'] },
        { id: 'zdc', forms: ['重点村'], related: ['乡村振兴示范村'] },
      ],
      foldMap,
    );
    const text = '新评选乡村振兴重点村，观看中国冰壶联赛和冰壶联赛直播，乡村振兴示范村';
    expect(related.scan(text).map(([s, e, id, rel]) => `${text.slice(s, e)}:${id}:${rel ?? false}`)).toEqual([
      '乡村振兴重点村:sfc:true',
      '中国冰壶联赛:zgbh:false',
      '冰壶联赛:sfc:true',
      '乡村振兴示范村:sfc:false',
    ]);
  });

  it('counts a local form only in a text that names a place, and a place word is never a match', () => {
    const local = createMatcher(
      [
        { id: 'tjm', forms: ['天津马拉松赛'], local: ['马拉松'] },
        { id: 'hh', forms: ['海河教育园'] },
      ],
      foldMap,
      ['天津', '海河'],
    );
    const seen = (text: string) => local.scan(text).map(([s, e, id, rel]) => `${text.slice(s, e)}:${id}:${rel ?? false}`);
    expect(seen('两万名跑者沿着海河跑完马拉松')).toEqual(['马拉松:tjm:true']);
    expect(seen('两万名跑者在厦门跑完马拉松')).toEqual([]);
    expect(seen('天津的秋天')).toEqual([]);
    // The place word inside a term does not take the term's place: 海河 of 海河教育园 still sets the text.
    expect(seen('海河教育园办马拉松')).toEqual(['海河教育园:hh:false', '马拉松:tjm:true']);
    expect(seen('天津马拉松赛开跑')).toEqual(['天津马拉松赛:tjm:false']);
    // Pieces fed one by one: the place in one piece, the form in another.
    const cursor = local.cursor();
    cursor.feed('天');
    cursor.feed('津举办');
    cursor.feed('马拉松');
    expect(cursor.finish().map(([s, e, id]) => `${s}-${e}:${id}`)).toEqual(['4-7:tjm']);
    // Shipped as tables, the places go with it; without places a local form never counts.
    const shipped = loadMatcher(structuredClone(buildMatcherTables([{ id: 'tjm', forms: ['天津马拉松赛'], local: ['马拉松'] }], foldMap, ['天津'])));
    expect(shipped.scan('天津马拉松开跑，马拉松').map(([s, e]) => `${s}-${e}`)).toEqual(['2-5', '8-11']);
    expect(createMatcher([{ id: 'tjm', forms: ['天津马拉松赛'], local: ['马拉松'] }], foldMap).scan('天津举办马拉松')).toEqual([]);
  });

  it('returns nothing for text without terms and for an empty term list', () => {
    expect(matcher.scan('主队在加时赛中以三比二险胜客队，球迷欢呼。')).toEqual([]);
    expect(createMatcher([]).scan('高标准农田')).toEqual([]);
  });

  it('finds repeated and adjacent occurrences', () => {
    const text = '津治通津治通';
    expect(matcher.scan(text)).toEqual([
      [0, 3, 'jzt'],
      [3, 6, 'jzt'],
    ]);
  });

  it('uses the failure links when a longer prefix breaks off', () => {
    const m = createMatcher([
      { id: 'a', forms: ['天津港保税区'] },
      { id: 'b', forms: ['津港'] },
      { id: 'c', forms: ['港保'] },
    ]);
    expect(painted('天津港口和天津港保税区', m.scan('天津港口和天津港保税区'))).toEqual(['津港:b', '天津港保税区:a']);
  });

  it('ignores forms too short to mean anything', () => {
    const m = createMatcher([{ id: 'x', forms: ['津', '""', '"a"'] }]);
    expect(m.patternCount).toBe(0);
    expect(m.scan('天津"a"')).toEqual([]);
  });
});

describe('matcher properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom('高', '标', '准', '农', '田', '津', '治', '通', '“', '”', '三', '量', ' ', '\n', '\ud840', '\udc00', '𠮷', 'V', '2', 'x', '\u0301', '\u202e'), { maxLength: 300 }).map((a) => a.join('')),
  );

  it('keeps offsets in range, ordered and non-overlapping, and never throws', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const matches = matcher.scan(text);
        let last = 0;
        for (const [start, end, id] of matches) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(terms.some((t) => t.id === id)).toBe(true);
          last = end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a term planted anywhere in random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }), (before, after) => {
        // Keep the planted term from merging with random Latin letters or with a longer term.
        const text = `${before}。高标准农田。${after}`;
        const at = before.length + 1;
        expect(matcher.scan(text)).toContainEqual([at, at + 5, 'gbz']);
      }),
    );
  });

  it('matches as a naive search would on small alphabets', () => {
    const small: MatcherTerm[] = [
      { id: 'ab', forms: ['甲乙'] },
      { id: 'abc', forms: ['甲乙丙'] },
      { id: 'bcd', forms: ['乙丙丁'] },
      { id: 'cc', forms: ['丙丙'] },
    ];
    const m = createMatcher(small);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('甲', '乙', '丙', '丁', '1'), { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const matches = m.scan(text);
        // Every candidate occurrence is either kept or overlaps a kept match at least as long.
        for (const t of small) {
          const form = t.forms[0]!;
          for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + 1)) {
            const kept = matches.some(([s, , id]) => s === i && id === t.id);
            const beaten = matches.some(([s, e]) => s < i + form.length && i < e && e - s >= form.length);
            expect(kept || beaten).toBe(true);
          }
        }
      }),
    );
  });

  it('loaded from the tables the background sends (through a structured clone, as a message carries them), finds what the built one finds', () => {
    const shipped = loadMatcher(structuredClone(buildMatcherTables(terms, foldMap)));
    expect(shipped.patternCount).toBe(matcher.patternCount);
    expect(shipped.bytes).toBe(matcher.bytes);
    fc.assert(
      fc.property(anyText, (text) => {
        expect(shipped.scan(text)).toEqual(matcher.scan(text));
      }),
      { numRuns: 500 },
    );
    const planted = '津治通、中國冰壺聯賽和“三量”，ＶＸ v2x，長護險';
    expect(shipped.scan(planted)).toEqual(matcher.scan(planted));
    expect(shipped.scan(planted).length).toBeGreaterThan(4);
  });

  it('finds nothing in an empty text', () => {
    expect(matcher.scan('')).toEqual([]);
  });

  it('scans 10 MB of hostile text (lone quotes, surrogates, combining marks, bidi and control characters) with offsets in range', () => {
    const pieces = ['“三量', '「', '"', '\ud840', '\udc00高标', '𠮷', '\u0301', '\u202e', '\u200f', '\u0000', '\u001b', '\ufeff', '准农田', '高标准农田', 'V2', 'X', '\n', ' ', '長護險', '的'];
    const random = fc.sample(fc.array(fc.constantFrom(...pieces), { minLength: 5_000, maxLength: 5_000 }), { numRuns: 1, seed: 6 })[0]!.join('');
    const text = random.repeat(Math.ceil(10_000_000 / random.length));
    expect(text.length).toBeGreaterThan(10_000_000);
    const matches = matcher.scan(text);
    let last = 0;
    for (const [start, end] of matches) {
      if (start < last || end <= start || end > text.length) throw new Error(`bad match [${start}, ${end}) after ${last}`);
      last = end;
    }
    expect(matches.length).toBeGreaterThan(0);
    // A quote that never closes matches no quoted form and costs no more than any other character.
    expect(matcher.scan(`“${'三量'.repeat(2_000_000)}`).filter(([, , id]) => id === 'sl')).toEqual([]);
  }, 60_000);

  it('scans a 1,000,000-character text without hanging', () => {
    const text = '高标准农田'.padEnd(10, '的').repeat(100_000);
    expect(matcher.scan(text)).toHaveLength(100_000);
  });
});
