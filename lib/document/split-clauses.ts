// Cuts a paragraph into clauses: sentences (。！!？?) and the clauses a
// semicolon separates (；;). A paragraph may be stitched from several seed
// ranges where a page break cut it, so every clause carries the seed ranges
// whose concatenation is its text.

import type { SeedSpan } from '../model';

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

/**
 * Marks the positions inside a quotation or title: between an opening mark
 * and the closing mark that answers it. An opening mark never closed (a
 * damaged copy, a stray “) marks nothing, so it cannot hide every terminator
 * after it; a closing mark whose opening one is lost is ignored. One pass with
 * a stack per kind of mark, so hostile text (millions of marks) stays linear.
 */
function quotedPositions(text: string): Uint8Array {
  const depth = new Int32Array(text.length + 1);
  const stack: { closer: string; at: number }[] = [];
  const byCloser = new Map<string, number[]>();
  for (const closer of CLOSING) byCloser.set(closer, []);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const closer = OPENERS[ch];
    if (closer) {
      byCloser.get(closer)!.push(stack.length);
      stack.push({ closer, at: i });
      continue;
    }
    const waiting = byCloser.get(ch);
    const index = waiting?.[waiting.length - 1];
    if (index === undefined) continue;
    depth[stack[index]!.at + 1]!++;
    depth[i]!--;
    // Marks opened inside and never closed end with the quotation that holds them.
    while (stack.length > index) byCloser.get(stack.pop()!.closer)!.pop();
  }
  const inside = new Uint8Array(text.length);
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    level += depth[i]!;
    inside[i] = level > 0 ? 1 : 0;
  }
  return inside;
}

export function splitClauses(paragraph: Paragraph): ClauseText[] {
  const { text } = paragraph;
  const quoted = quotedPositions(text);
  const clauses: ClauseText[] = [];
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
    if (!TERMINATORS.has(text[i]!) || quoted[i]) continue;
    let end = i + 1;
    while (end < text.length && TRAILING.has(text[end]!)) end++;
    emit(end);
    i = end - 1;
  }
  emit(text.length);
  return clauses;
}
