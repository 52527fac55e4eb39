// A figure mention is found wherever the page's inline elements cut it: the
// content script feeds a block's text nodes one by one to the matcher's
// cursor (<strong>41.2</strong>亿美元, 實際使用<a>外資</a>…), so any split of a
// sentence into pieces must give the matches and the figures read that the
// whole sentence gives, at the page's own offsets. The index is built from
// the real seed; the sentences are written for the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '@/lib/store/build-index';
import { createSnapshot, termTable } from '@/lib/store/index-snapshot';
import { loadMatcher, type Match, type Matcher } from '@/lib/match/matcher';

const SEED = '000_59795ae4144a4d73.txt';
let matcher: Matcher;
let names: Map<string, string>;

beforeAll(async () => {
  const text = readFileSync(join(__dirname, '../../seeds', SEED), 'utf8');
  const snapshot = createSnapshot(await buildIndex([{ name: SEED, text }]));
  matcher = loadMatcher(termTable(snapshot).matcher);
  names = new Map(snapshot.terms.map((t) => [t.id, t.term]));
}, 60_000);

/** Sentences citing one of the report's targets, with the figure a reader takes from each (as printed, its number and unit). */
const SENTENCES: [sentence: string, term: string, figure: { text: string; number: number; unit: string }][] = [
  ['据市商务局介绍，今年实际使用外资41.2亿美元，同比有所下降。', '实际使用外资', { text: '41.2亿美元', number: 41.2, unit: '亿美元' }],
  ['今年全市新建高标准农田55万亩，超额完成任务。', '高标准农田', { text: '55万亩', number: 55, unit: '万亩' }],
  ['全市已推出“高效办成一件事”场景160个。', '高效办成一件事', { text: '160个', number: 160, unit: '个' }],
  ['全市累计创建60个乡村振兴示范村。', '乡村振兴示范村', { text: '60个', number: 60, unit: '个' }],
  ['南开区今年完成居家适老化改造一千户。', '适老化改造', { text: '一千户', number: 1000, unit: '户' }],
  ['今年天津實際使用外資43.5億美元。', '实际使用外资', { text: '43.5億美元', number: 43.5, unit: '亿美元' }],
  ['受天气影响，蔬菜播种面积达到76万亩以上。', '蔬菜播种面积', { text: '76万亩以上', number: 76, unit: '万亩' }],
  ['全年发放数字惠民卡５万张，可在多家场馆使用。', '数字惠民卡', { text: '５万张', number: 5, unit: '万张' }],
  ['今年安排的20项民心工程进展顺利。', '民心工程', { text: '20项', number: 20, unit: '项' }],
  ['兜底帮扶就业困难人员实现就业2.6万人。', '就业困难人员', { text: '2.6万人', number: 2.6, unit: '万人' }],
  ['汛前完成43项水毁修复工程，堤防均已加固。', '水毁修复工程', { text: '43项', number: 43, unit: '项' }],
  ['全年實際使用外資約四十六億美元。', '实际使用外资', { text: '約四十六億美元', number: 46, unit: '亿美元' }],
  ['记者看到，新建的高标准\n    农田55万亩已经完工。', '高标准农田', { text: '55万亩', number: 55, unit: '万亩' }],
];

/** The text cut at the given offsets (in any order, repeats giving empty pieces, as empty text nodes do). */
function cut(text: string, at: number[]): string[] {
  const points = [0, ...[...at].sort((a, b) => a - b), text.length];
  return points.slice(1).map((end, i) => text.slice(points[i]!, end));
}

/** The matches of a text fed in pieces through one cursor, as the content script reads a block. */
function fed(pieces: string[]): readonly Match[] {
  const cursor = matcher.cursor();
  for (const piece of pieces) cursor.feed(piece);
  return cursor.finish();
}

describe('a figure mention split across text nodes', () => {
  it('is read from each whole sentence as a reader reads it', () => {
    for (const [sentence, term, figure] of SENTENCES) {
      const withFigure = matcher.scan(sentence).filter((m) => m[4]);
      expect(withFigure.map((m) => names.get(m[2])), sentence).toEqual([term]);
      const near = withFigure[0]![4]!;
      expect({ text: near.figure.text, number: near.figure.number, unit: near.figure.unit }, sentence).toEqual(figure);
    }
  });

  it('gives the same matches and figures however the sentence is cut, at the page’s own offsets', () => {
    const split = fc
      .constantFrom(...SENTENCES.map(([sentence]) => sentence))
      .chain((sentence) => fc.tuple(fc.constant(sentence), fc.array(fc.nat({ max: sentence.length }), { maxLength: 12 })));
    fc.assert(
      fc.property(split, ([sentence, at]) => {
        const whole = matcher.scan(sentence);
        const pieces = cut(sentence, at);
        const matches = fed(pieces);
        expect(matches).toEqual(whole);
        for (const [start, end, , , near] of matches) {
          if (!near) continue;
          // The figure is the page's text at its offsets, and the one highlight covers the metric and its figure.
          expect(sentence.slice(near.figure.start, near.figure.end)).toBe(near.figure.text);
          expect(start <= near.figure.start && near.figure.end <= end).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads each figure the same in a block of several sentences, fed a character at a time', () => {
    const block = SENTENCES.map(([sentence]) => sentence).join('');
    expect(fed([...block])).toEqual(matcher.scan(block));
    expect(matcher.scan(block).filter((m) => m[4]).map((m) => m[4]!.figure.text)).toEqual(SENTENCES.map(([, , f]) => f.text));
  });
});
