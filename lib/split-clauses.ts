// Cuts a paragraph into clauses: sentences (。！!？?) and the clauses a
// semicolon separates (；;). A paragraph may be stitched from several seed
// ranges where a page break cut it, so every clause carries the seed ranges
// whose concatenation is its text.

import type { SeedSpan } from './model';

export interface Paragraph {
  /** The paragraph as read, page breaks joined. */
  text: string;
  /** The seed ranges the text is made of, in order. */
  segments: SeedSpan[];
}

export interface ClauseText {
  text: string;
  spans: SeedSpan[];
}

const TERMINATORS = new Set(['。', '！', '!', '？', '?', '；', ';']);
/** Marks that belong to the clause they follow: a closing quote after 。, a second !. */
const TRAILING = new Set(['”', '’', '」', '』', ')', '）', '》', '。', '！', '!', '？', '?', '…']);
/** A terminator inside these is part of a quotation or a title, not the end of the clause. */
const OPENERS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》' };
const CLOSING = new Set(Object.values(OPENERS));
const SPACE = /[\s\u3000\u00a0\u200b]/;

/** The seed ranges covering [from, to) of the paragraph text. */
function spansOf(paragraph: Paragraph, from: number, to: number): SeedSpan[] {
  const spans: SeedSpan[] = [];
  let offset = 0;
  for (const [start, end] of paragraph.segments) {
    const length = end - start;
    const lo = Math.max(from, offset);
    const hi = Math.min(to, offset + length);
    if (lo < hi) spans.push([start + lo - offset, start + hi - offset]);
    offset += length;
  }
  return spans;
}

export function splitClauses(paragraph: Paragraph): ClauseText[] {
  const { text } = paragraph;
  const clauses: ClauseText[] = [];
  const open: string[] = [];
  let start = 0;
  const emit = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && SPACE.test(text[from]!)) from++;
    while (to > from && SPACE.test(text[to - 1]!)) to--;
    if (from < to) clauses.push({ text: text.slice(from, to), spans: spansOf(paragraph, from, to) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const closer = OPENERS[ch];
    if (closer) {
      open.push(closer);
    } else if (CLOSING.has(ch)) {
      // A stray closing mark (the opening one lost to a damaged copy) is ignored
      // rather than left to swallow the rest of the paragraph.
      const at = open.lastIndexOf(ch);
      if (at !== -1) open.length = at;
    } else if (TERMINATORS.has(ch) && open.length === 0) {
      let end = i + 1;
      while (end < text.length && TRAILING.has(text[end]!)) end++;
      emit(end);
      i = end - 1;
    }
  }
  emit(text.length);
  return clauses;
}
