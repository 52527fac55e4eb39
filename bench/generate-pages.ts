// The benchmark's pages, generated from the seed so nothing is downloaded and
// every run measures the same bytes:
// - long: about 1,000,000 characters in about 6,000 paragraphs, one in eight
//   a run of real report sentences, the rest the same sentences with their
//   characters shuffled (text with the report's character mix but terms
//   sparse), with links and bold runs inside paragraphs;
// - article: about 5,000 characters of the report as a news page prints it;
// - no-match: the long page with every term occurrence broken.

import { toDisplayText } from '@/lib/display-text';
import { isSkippable, type FoldMap } from '@/lib/match/fold-text';
import { breakOccurrences, createTermFinder } from './break-terms';
import { randomInt, seededRandom, shuffle, type Random } from './seeded-random';

export type PageName = 'long' | 'article' | 'no-match';

export interface BenchPage {
  name: PageName;
  html: string;
  /** Characters of text in paragraphs and headings (what a reader reads). */
  textLength: number;
  paragraphs: number;
}

export interface PageOptions {
  /** Term forms as the index stores them (folded); the no-match page breaks them all. */
  forms: Iterable<string>;
  foldMap: FoldMap;
  longParagraphs?: number;
  longChars?: number;
  articleChars?: number;
}

const SEED = 0x5eed2024;
const REAL_SHARE = 1 / 8;

interface SeedText {
  /** Sentences of the seed's body paragraphs, in order, without whitespace. */
  sentences: string[];
  /** Body paragraphs in order, for the article. */
  paragraphs: string[];
  /** Headings: markdown headings and the report's numbered items. */
  headings: string[];
}

function stripSkippable(text: string): string {
  let out = '';
  for (const ch of text) if (!isSkippable(ch)) out += ch;
  return out;
}

export function readSeed(seed: string): SeedText {
  const paragraphs: string[] = [];
  const headings: string[] = [];
  for (const raw of seed.split('\n')) {
    const line = stripSkippable(raw.replace(/\(上接第\d+版\)/g, ''));
    if (!line) continue;
    if (line.startsWith('#')) headings.push(line.replace(/^#+/, ''));
    else if (/^\([一二三四五六七八九十]+\)|^[一二三四五六七八九十]+、/.test(line) && line.length < 100) headings.push(line);
    else if (paragraphs.length > 0 && !/[。!?;”]$/.test(paragraphs.at(-1)!)) {
      // A page break cut the paragraph (信 / 用环境): join it again, as the news page prints it.
      paragraphs[paragraphs.length - 1] += line;
    } else paragraphs.push(line);
  }
  const sentences = paragraphs.flatMap((p) => p.match(/[^。!?;]+[。!?;]?/g) ?? []);
  return { sentences, paragraphs, headings };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph's text with a few links and bold runs inside it, placed by the paragraph's own random stream. */
function paragraphHtml(text: string, index: number): string {
  const random = seededRandom(SEED ^ (index * 2654435761));
  const runs: { start: number; end: number; tag: 'a' | 'b' }[] = [];
  const wanted = randomInt(random, 1, 3);
  for (let tries = 0; runs.length < wanted && tries < 10 && text.length > 12; tries++) {
    const length = randomInt(random, 2, 8);
    const start = randomInt(random, 0, text.length - length - 1);
    const end = start + length;
    if (runs.some((r) => start < r.end + 1 && r.start < end + 1)) continue;
    runs.push({ start, end, tag: random() < 0.5 ? 'a' : 'b' });
  }
  runs.sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const run of runs) {
    html += escapeHtml(text.slice(at, run.start));
    const inner = escapeHtml(text.slice(run.start, run.end));
    html += run.tag === 'a' ? `<a href="#p${index}-${run.start}">${inner}</a>` : `<b>${inner}</b>`;
    at = run.end;
  }
  return `<p>${html}${escapeHtml(text.slice(at))}</p>`;
}

function pageHtml(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 0; font: 17px/1.8 "Noto Sans CJK SC", sans-serif; color: #222; background: #fff; }
header, footer { background: #f3f3f3; padding: 8px 24px; }
nav a { margin-right: 16px; }
main { max-width: 720px; margin: 0 auto; padding: 0 24px; }
a { color: #1d4ed8; }
</style>
</head>
<body>
<header><nav><a href="#">首页</a><a href="#">时政</a><a href="#">经济</a><a href="#">社会</a><a href="#">评论</a></nav></header>
<main>
${body}
</main>
<footer><p>本页由基准测试生成，仅用于测量。</p></footer>
</body>
</html>
`;
}

/** Sentences from the cursor on (wrapping) until the text is at least `length` long. */
function takeSentences(seed: SeedText, cursor: { at: number }, length: number): string {
  let text = '';
  while (text.length < length) {
    text += seed.sentences[cursor.at % seed.sentences.length]!;
    cursor.at++;
  }
  return text;
}

/** The same characters in random order; the closing mark stays last so the paragraph still reads as prose. */
function shuffleParagraph(random: Random, text: string): string {
  const last = text.at(-1) ?? '';
  const closes = /[。!?;]/.test(last);
  const body = shuffle(random, [...(closes ? text.slice(0, -1) : text)]).join('');
  return closes ? body + last : body;
}

interface LongText {
  blocks: { kind: 'h2' | 'p'; text: string }[];
}

function longText(seed: SeedText, paragraphs: number, chars: number): LongText {
  const random = seededRandom(SEED);
  const mean = chars / paragraphs;
  const realCursor = { at: 0 };
  const blocks: LongText['blocks'] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) blocks.push({ kind: 'h2', text: toDisplayText(seed.headings[(i / 50) % seed.headings.length]!) });
    const length = randomInt(random, Math.round(mean * 0.5), Math.round(mean * 1.5));
    let text: string;
    if (random() < REAL_SHARE) {
      text = takeSentences(seed, realCursor, length);
    } else {
      const from = { at: randomInt(random, 0, seed.sentences.length - 1) };
      text = shuffleParagraph(random, takeSentences(seed, from, length).slice(0, length));
    }
    blocks.push({ kind: 'p', text: toDisplayText(text) });
  }
  return { blocks };
}

function renderBlocks(title: string, blocks: LongText['blocks'], name: PageName): BenchPage {
  let paragraphIndex = 0;
  const body = blocks
    .map((b) => (b.kind === 'h2' ? `<h2>${escapeHtml(b.text)}</h2>` : paragraphHtml(b.text, paragraphIndex++)))
    .join('\n');
  return {
    name,
    html: pageHtml(title, `<article>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</article>`),
    textLength: title.length + blocks.reduce((n, b) => n + b.text.length, 0),
    paragraphs: paragraphIndex,
  };
}

function article(seed: SeedText, chars: number): BenchPage {
  const blocks: LongText['blocks'] = [];
  let length = 0;
  for (const paragraph of seed.paragraphs) {
    if (length >= chars) break;
    let text = paragraph;
    if (length + text.length > chars) {
      // End at the sentence that crosses the size, as an edited news piece would.
      const sentences = text.match(/[^。!?;]+[。!?;]?/g) ?? [text];
      text = '';
      for (const s of sentences) {
        text += s;
        if (length + text.length >= chars) break;
      }
    }
    blocks.push({ kind: 'p', text: toDisplayText(text) });
    length += text.length;
  }
  return renderBlocks(toDisplayText('2024年天津市政府工作报告（摘要）'), blocks, 'article');
}

export function generatePages(seedText: string, options: PageOptions): Record<PageName, BenchPage> {
  const seed = readSeed(seedText);
  const { blocks } = longText(seed, options.longParagraphs ?? 6000, options.longChars ?? 1_000_000);
  const title = '天津经济社会发展长篇综述';
  const finder = createTermFinder(options.forms);
  const random = seededRandom(SEED + 1);
  const broken = blocks.map((b) => ({ ...b, text: breakOccurrences(b.text, finder, options.foldMap, random) }));
  return {
    long: renderBlocks(title, blocks, 'long'),
    article: article(seed, options.articleChars ?? 5000),
    'no-match': renderBlocks(breakOccurrences(title, finder, options.foldMap, random), broken, 'no-match'),
  };
}
