// The benchmark's pages: sizes as the performance issue asks, and a no-match
// page that really has nothing to match (else its figure measures matching).

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '@/lib/match/fold-text';
import { breakOccurrences, createTermFinder } from '@/bench/break-terms';
import { generatePages, readSeed, type BenchPage, type PageName } from '@/bench/generate-pages';
import { seededRandom } from '@/bench/seeded-random';

const seedText = readFileSync('seeds/000_59795ae4144a4d73.txt', 'utf8');

/** Forms that certainly occur in the pages: 2- to 6-character pieces of the seed's sentences. */
function formsFromSeed(): string[] {
  const forms = new Set<string>();
  readSeed(seedText).sentences.forEach((sentence, i) => {
    const piece = sentence.slice(1, 3 + (i % 5));
    if (/^[\u4e00-\u9fff]+$/.test(piece)) forms.add(piece);
  });
  return [...forms];
}

function blockTexts(page: BenchPage): string[] {
  return [...page.html.matchAll(/<(p|h1|h2)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, ''));
}

describe('benchmark pages', () => {
  const forms = formsFromSeed();
  let pages: Record<PageName, BenchPage>;

  beforeAll(() => {
    pages = generatePages(seedText, { forms, foldMap: {} });
  });

  it('makes a long page of about a million characters in about 6,000 paragraphs with links and bold runs', () => {
    const long = pages.long;
    expect(long.paragraphs).toBe(6000);
    expect(long.textLength).toBeGreaterThan(950_000);
    expect(long.textLength).toBeLessThan(1_100_000);
    expect(blockTexts(long).join('').length).toBeGreaterThan(950_000);
    expect(long.html.match(/<p>[^<]*<a /g)?.length).toBeGreaterThan(1000);
    expect(long.html.match(/<p>[^<]*<b>/g)?.length).toBeGreaterThan(1000);
  });

  it('makes an article of about 5,000 characters with full-width punctuation', () => {
    expect(pages.article.textLength).toBeGreaterThan(4800);
    expect(pages.article.textLength).toBeLessThan(5400);
    const text = blockTexts(pages.article).join('');
    expect(text).toContain('，');
    expect(text).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
  });

  it('keeps the terms on the long page, sparse but present', () => {
    const text = blockTexts(pages.long).join('\n');
    const present = forms.filter((f) => text.includes(f));
    expect(present.length).toBeGreaterThan(forms.length * 0.9);
  });

  it('breaks every term occurrence on the no-match page, across inline elements too, and keeps its size and markup', () => {
    const noMatch = pages['no-match'];
    expect(noMatch.paragraphs).toBe(pages.long.paragraphs);
    expect(noMatch.textLength).toBe(pages.long.textLength);
    expect(noMatch.html.match(/<(a|b)[ >]/g)?.length).toBe(pages.long.html.match(/<(a|b)[ >]/g)?.length);
    const blocks = blockTexts(noMatch).map((t) => foldText(t, {}));
    const survivors = forms.filter((f) => blocks.some((b) => b.includes(f)));
    expect(survivors).toEqual([]);
  });

  it('breaks an occurrence by swapping characters, keeping the text otherwise', () => {
    const finder = createTermFinder(['"三量"', '高标准农田']);
    const text = '以“三量”为牵引，建设高标准农田50万亩。';
    const broken = breakOccurrences(text, finder, {}, seededRandom(1));
    expect(broken).not.toContain('三量');
    expect(broken).not.toContain('高标准农田');
    expect([...broken].sort()).toEqual([...text].sort());
    expect(broken.slice(-5)).toBe(text.slice(-5));
  });
});
