import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as jieba from 'jieba-wasm';
import * as OpenCC from 'opencc-js';
import { bigrams, clauseSearchTokens, queryTokens } from '@/lib/search/search-tokens';
import { createSearchIndex, mergeRanges, type SearchableClause, type SearchIndex } from '@/lib/search/search';
import { buildIndex } from '@/lib/store/build-index';
import type { Clause, IndexBundle } from '@/lib/model';

// The corpus is the real seed cut into sentences and semicolon clauses; the
// terms are its quoted phrases, with one reviewed abbreviation pair, the way
// the build script derives them. The fold map covers every character of the
// seed, as the bundle's must for traditional queries to find clauses.
const seed = readFileSync('seeds/000_59795ae4144a4d73.txt', 'utf8');
const cut = (text: string) => jieba.cut_for_search(text, true);

const sentences = seed
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .flatMap((line) => line.match(/[^。;!?]+[。;!?]?/g) ?? []);

const quoted = [...new Set([...seed.matchAll(/“([^”]+)”/g)].map((m) => m[1]!))];

const clauses: (SearchableClause & { terms: string[] })[] = sentences.map((text, order) => ({
  id: `c${order}`,
  text,
  order,
  terms: quoted.filter((q) => text.includes(q)),
  tokens: [],
}));
for (const c of clauses) c.tokens = clauseSearchTokens(c.text, cut, c.terms);

const terms = [
  ...quoted.map((term) => ({
    term,
    forms: [term],
    clauseIds: clauses.filter((c) => c.terms.includes(term)).map((c) => c.id),
  })),
  { term: '三不腐', forms: ['三不腐', '不敢腐、不能腐、不想腐'], clauseIds: clauses.filter((c) => c.text.includes('三不腐')).map((c) => c.id) },
];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const foldMap: Record<string, string> = {};
for (const ch of new Set(seed)) {
  const t = toTraditional(ch);
  if (t !== ch && t.length === 1) foldMap[t] = ch;
}

const targets = [{ clauseId: clauses.find((c) => c.text.includes('50亿美元'))!.id, metric: '实际使用外资', text: '50亿美元' }];
const index = createSearchIndex({ clauses, terms, targets, foldMap });

function marked(text: string, marks: [number, number][]): string[] {
  return marks.map(([s, e]) => text.slice(s, e));
}

describe('search tokens', () => {
  it('treats a digit run as one unit, so 50亿 is a bigram', () => {
    expect(bigrams('50亿美元')).toEqual(['50', '50亿', '亿美', '美元']);
  });

  it('indexes jieba tokens, bigrams and term forms, folded and each once', () => {
    const tokens = clauseSearchTokens('推出175个“高效办成一件事”场景', cut, ['“高效办成一件事”']);
    expect(tokens).toContain('高效办成一件事');
    expect(tokens).toContain('办成');
    expect(tokens).toContain('效办');
    expect(tokens).not.toContain('“');
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('cuts a query without jieba into index words and bigrams', () => {
    const q = queryTokens('實際使用外資', new Set(['实际', '外资', '实际使用']), foldMap);
    expect(q.folded).toBe('实际使用外资');
    expect(q.tokens.map((t) => t.token)).toEqual(expect.arrayContaining(['实际', '实际使用', '外资', '际使']));
  });

  it('merges overlapping and touching marks', () => {
    expect(mergeRanges([[5, 7], [0, 2], [1, 3], [7, 9]])).toEqual([[0, 3], [5, 9]]);
  });
});

describe('search', () => {
  it('finds 全年实际使用外资50亿美元 for 外资, with 外资 marked and the target clause first', () => {
    const { hits } = index.search('外资', 10);
    expect(hits[0]!.clause.text).toContain('全年实际使用外资50亿美元');
    expect(hits[0]!.match).toBe('phrase');
    expect(marked(hits[0]!.clause.text, hits[0]!.marks)).toEqual(['外资']);
  });

  it('finds the 175个“高效办成一件事”场景 clause for 高效办成', () => {
    const { hits } = index.search('高效办成', 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.clause.text).toContain('推出175个“高效办成一件事”场景');
  });

  it('finds the 50亿美元 target for 50亿 and ranks it above 50亿元', () => {
    const { hits } = index.search('50亿', 10);
    expect(hits.map((h) => h.clause.text)).toEqual([
      expect.stringContaining('50亿美元'),
      expect.stringContaining('50亿元'),
    ]);
  });

  it('finds 津治通', () => {
    const { hits } = index.search('津治通', 10);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.clause.text).toContain('数字治理综合应用平台“津治通”迭代升级');
  });

  it('gives a traditional or full-width query the same hits as the simplified one', () => {
    const simplified = index.search('实际使用外资', 5).hits.map((h) => h.clause.id);
    expect(simplified.length).toBeGreaterThan(0);
    expect(index.search('實際使用外資', 5).hits.map((h) => h.clause.id)).toEqual(simplified);
    expect(index.search('５０億', 5).hits.map((h) => h.clause.id)).toEqual(index.search('50亿', 5).hits.map((h) => h.clause.id));
  });

  it('finds a clause by a term form it does not print (不敢腐、不能腐、不想腐 → 三不腐)', () => {
    const { hits } = index.search('不敢腐、不能腐、不想腐', 5);
    expect(hits[0]!.match).toBe('term');
    expect(marked(hits[0]!.clause.text, hits[0]!.marks)).toContain('三不腐');
  });

  it('finds words in any order: a query jieba would cut differently still meets its clause', () => {
    const { hits } = index.search('使用外资 全年', 5);
    expect(hits[0]!.match).toBe('words');
    expect(hits[0]!.clause.text).toContain('全年实际使用外资50亿美元');
    expect(marked(hits[0]!.clause.text, hits[0]!.marks)).toEqual(expect.arrayContaining(['全年', '使用外资']));
  });

  it('ranks a phrase above word overlap', () => {
    const { hits } = index.search('智慧城市', 20);
    const tiers = hits.map((h) => h.match);
    expect(tiers[0]).toBe('phrase');
    expect(tiers.lastIndexOf('phrase')).toBeLessThan(Math.max(tiers.indexOf('words'), tiers.length));
    for (let i = 1; i < tiers.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('cuts every indexed word jieba would cut from a query, so jieba is not needed at query time', () => {
    const vocabulary = new Set(clauses.flatMap((c) => c.tokens));
    const queries = [...quoted, '实际使用外资', '全年实际使用外资50亿美元', '高标准农田建设任务', '推出175个高效办成一件事场景'];
    for (const c of clauses) for (let at = 0; at + 6 <= c.text.length; at += 5) queries.push(c.text.slice(at, at + 6));
    for (const query of queries) {
      const folded = query.toLowerCase();
      const ours = new Set(queryTokens(query, vocabulary, {}).tokens.map((t) => t.token));
      // jieba cuts 88.8 and 1+3+4 apart where the cutter keeps a figure whole; such a
      // query still finds its clause in the phrase tier, so only word tokens count here.
      const words = cut(folded).filter((token) => /^[\u3400-\u9fff]+$|^[a-z]+$/.test(token));
      const missing = words.filter((token) => vocabulary.has(token) && !ours.has(token));
      expect(missing, query).toEqual([]);
    }
  });

  it('says nothing hit and suggests close terms', () => {
    const result = index.search('枫林经验', 10);
    expect(result.hits).toEqual([]);
    expect(result.suggestions).toContain('枫桥经验');
  });

  it('answers an empty or blank query with nothing', () => {
    expect(index.search('  ', 10)).toEqual({ query: '  ', hits: [], suggestions: [] });
  });

  it('keeps every mark inside the clause text', () => {
    for (const query of ['外资', '高效办成', '经济', '5G', '天津联通', '實際']) {
      for (const hit of index.search(query, 50).hits) {
        for (const [s, e] of hit.marks) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(hit.clause.text.length);
          expect(e).toBeGreaterThan(s);
        }
      }
    }
  });

  it('answers a keystroke in well under a millisecond on the whole seed', () => {
    const started = performance.now();
    for (const q of ['外', '外资', '外资5', '外资50', '外资50亿']) index.search(q, 20);
    // Not a timing assertion of the budget (the benchmark measures that): a guard against a quadratic regression.
    expect((performance.now() - started) / 5).toBeLessThan(20);
  });
});

describe('search on the built index (the bundle the extension ships)', () => {
  let bundle: IndexBundle;
  let real: SearchIndex<Clause>;

  beforeAll(async () => {
    bundle = await buildIndex([{ name: '000_59795ae4144a4d73.txt', text: seed }]);
    real = createSearchIndex(bundle);
  });

  it("finds every term's first clause when the term is typed", () => {
    const missed = bundle.terms.filter((term) => {
      const ids = real.search(term.term, 20).hits.map((h) => h.clause.id);
      return !ids.includes(term.clauseIds[0]!);
    });
    expect(missed.map((t) => t.term)).toEqual([]);
  });

  it('finds 长护险 when the reader types its full form 长期护理保险, and marks 长护险', () => {
    const { hits } = real.search('长期护理保险', 10);
    expect(hits[0]?.match).toBe('term');
    expect(marked(hits[0]!.clause.text, hits[0]!.marks)).toContain('长护险');
  });

  it('finds 全年实际使用外资50亿美元 first for 外资 and for 實際使用外資', () => {
    for (const query of ['外资', '實際使用外資', '实际使用外资50亿美元']) {
      expect(real.search(query, 5).hits[0]?.clause.text).toContain('全年实际使用外资50亿美元');
    }
  });

  it('finds the 175个“高效办成一件事”场景 clause for 高效办成 and 50亿美元 first for 50亿', () => {
    expect(real.search('高效办成', 5).hits[0]?.clause.text).toContain('推出175个“高效办成一件事”场景');
    expect(real.search('50亿', 5).hits[0]?.clause.text).toContain('50亿美元');
  });
});
