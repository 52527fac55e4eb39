// The seed is a newspaper page folded to Markdown-ish text: '#' headings for
// the report and the article, plain numbered headings inside the report
// (三、… and (四)…), page markers such as (上接第3版), and filler lines left
// where the page broke. This module reads it line by line and says what each
// line is, keeping every line's UTF-16 range in the seed so that clauses can
// point back at the exact text.

import type { SeedSpan } from '../model';

export type SeedLine =
  | { kind: 'heading'; level: number; text: string; span: SeedSpan }
  | { kind: 'numbered'; style: 'part' | 'section'; label: string; heading: string; printed: string; span: SeedSpan }
  | { kind: 'body'; text: string; span: SeedSpan; continued: boolean };

const NUMERAL = '[一二三四五六七八九十]+';
/** 三、努力提升政府治理效能和水平: a part of the report (or a section of the article). */
const PART_HEADING = new RegExp(`^(${NUMERAL})、(.+)$`);
/** (四)全力深化改革扩大开放,…: a numbered item inside a part. */
const SECTION_HEADING = new RegExp(`^([(（]${NUMERAL}[)）])(.+)$`);
/** (上接第3版) opens the continuation of a story on a later page. */
const CONTINUED_FROM = /^[(（]上接第[0-9０-９一二三四五六七八九十]+版[)）]/;
/** (下转第4版) ends the part of a story printed on this page. */
const CONTINUED_ON = /[(（]下转第[0-9０-９一二三四五六七八九十]+版[)）]$/;
const MARKDOWN_HEADING = /^(#{1,6})[ \t]*/;
/** A heading never runs longer than this; a longer numbered line is a paragraph that starts with a list label. */
const MAX_HEADING_LENGTH = 60;

const SPACE = /[\s\u3000\u00a0\u200b]/;
const SENTENCE_END = new Set(['。', '！', '!', '？', '?', '；', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', ')', '）', '》']);

/** True when the text ends a sentence, so the next line starts a new paragraph. */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  return i >= 0 && SENTENCE_END.has(text[i]!);
}

function trimmedSpan(text: string, start: number, end: number): SeedSpan {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

function classify(seed: string, span: SeedSpan): SeedLine | undefined {
  let [start, end] = span;
  const raw = seed.slice(start, end);
  const heading = MARKDOWN_HEADING.exec(raw);
  if (heading) {
    const [s, e] = trimmedSpan(seed, start + heading[0].length, end);
    return { kind: 'heading', level: heading[1]!.length, text: seed.slice(s, e), span: [s, e] };
  }
  let continued = false;
  const from = CONTINUED_FROM.exec(raw);
  if (from) {
    continued = true;
    [start, end] = trimmedSpan(seed, start + from[0].length, end);
  }
  const on = CONTINUED_ON.exec(seed.slice(start, end));
  if (on) [start, end] = trimmedSpan(seed, start, start + on.index);
  if (start === end) return undefined;
  const text = seed.slice(start, end);
  const numbered = continued ? undefined : numberedHeading(text);
  if (numbered) return { kind: 'numbered', ...numbered, printed: text, span: [start, end] };
  return { kind: 'body', text, span: [start, end], continued };
}

/**
 * Reads a numbered heading (三、… or (四)…) into its label and heading; undefined
 * for anything else, including a long line or a sentence that happens to start
 * with a list label.
 */
export function numberedHeading(text: string): { style: 'part' | 'section'; label: string; heading: string } | undefined {
  if (text.length > MAX_HEADING_LENGTH || endsSentence(text) || text.includes('。')) return undefined;
  const part = PART_HEADING.exec(text);
  if (part) return { style: 'part', label: part[1]!, heading: part[2]! };
  const section = SECTION_HEADING.exec(text);
  if (section) return { style: 'section', label: section[1]!, heading: section[2]! };
  return undefined;
}

/** The seed's meaningful lines in order; blank and space-only filler lines and page markers are left out. */
export function readSeedLines(seed: string): SeedLine[] {
  const lines: SeedLine[] = [];
  let start = 0;
  while (start <= seed.length) {
    let end = seed.indexOf('\n', start);
    if (end === -1) end = seed.length;
    const line = classify(seed, trimmedSpan(seed, start, end));
    if (line && (line.kind !== 'heading' || line.text !== '')) lines.push(line);
    start = end + 1;
  }
  return lines;
}
