// A PDF's text items to paragraphs. pdf.js gives each page's text as runs
// placed on the page (a word, a line, or part of a line), in the order the
// file draws them, with hasEOL where it saw a line end. A PDF has no
// paragraphs: they are read off the layout as a reader's eye does. A line
// that stops short of the right edge ends its paragraph; a line indented past
// the left edge (Chinese documents indent each paragraph by two characters),
// a wider gap than the page's usual line spacing, a change of font size or a
// jump back up the page starts a new one. Chinese has no spaces between runs,
// so runs and lines are joined by joinSeparator. Page numbers alone on the
// first or last line of a page (- 3 -, 第3页) are dropped, and a paragraph
// cut by a page break is joined again.

import { isCjk, joinSeparator } from './clean-text';
import { endsSentence } from './document-lines';

/** One text run of a page, in the page's viewport coordinates (y grows down the page, units are points). */
export interface PdfTextRun {
  text: string;
  /** Left end of the run's baseline. */
  x: number;
  /** The baseline's height on the page, from the top. */
  y: number;
  /** Length of the run along its baseline. */
  width: number;
  /** Font size: the height of the run's text. */
  size: number;
  /** pdf.js saw the line end after this run. */
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

interface PageParagraphs {
  paragraphs: string[];
  /** The page's first line starts at the left edge: it may continue the previous page's last paragraph. */
  firstLineFlush: boolean;
  /** The page's last line runs to the right edge: its paragraph may go on over the page. */
  lastLineFull: boolean;
}

/** Gap between runs of one line, in font sizes, above which two Latin runs are separate words. */
const WORD_GAP = 0.2;
/** Gap between runs of one line, in font sizes, above which even Chinese runs are separate (table cells). */
const CELL_GAP = 1;
/** Baselines closer than this (in font sizes) are one line. */
const SAME_LINE = 0.4;
/** A line ending within this many font sizes of the right edge is full (Chinese is justified; the rest is ragged). */
const FULL_LINE_CJK = 2;
const FULL_LINE_RAGGED = 6;
/** A line starting this many font sizes right of the left edge is indented; more than MAX_INDENT, it is set apart (centred). */
const INDENT = 0.8;
const MAX_INDENT = 3;
/** Pages with fewer lines than this show too little of the text's edges: the document's usual edges are used instead. */
const LINES_FOR_MARGINS = 3;
/** Line spacing this many times the page's usual one (its lower quartile) is a paragraph gap. */
const PARAGRAPH_GAP = 1.6;
/** Font sizes this far apart (as a share) are a heading next to body text. */
const SIZE_CHANGE = 0.15;

const PAGE_NUMBER = /^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/** The value below which the given share of the values lie (0.5: the median); 0 for none. */
function quantile(values: number[], share: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * share)]!;
}

/** The page's runs grouped into lines, each run placed after the previous with the separator its gap calls for. */
function readLines(runs: readonly PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  for (const run of runs) {
    const size = run.size > 0 ? run.size : 1;
    if (run.text !== '') {
      const sameLine = line && Math.abs(run.y - line.y) <= SAME_LINE * Math.max(size, line.size);
      if (line && sameLine) {
        const gap = run.x - line.end;
        const separator = gap > CELL_GAP * size ? ' ' : gap > WORD_GAP * size ? joinSeparator(line.text, run.text) : '';
        line.text += separator + run.text;
        line.end = Math.max(line.end, run.x + run.width);
        line.size = Math.max(line.size, size);
      } else {
        line = { text: run.text, x: run.x, end: run.x + run.width, y: run.y, size };
        lines.push(line);
      }
    }
    if (run.hasEOL) line = undefined;
  }
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text !== '');
}

/** True when the text ends in a CJK character or CJK punctuation (Chinese lines are justified to the edge). */
function endsCjk(text: string): boolean {
  return isCjk([...text.slice(-2)].pop() ?? '');
}

interface Margins {
  left: number;
  right: number;
}

/** The page's text edges: where its lines start and end furthest out. */
function pageMargins(lines: readonly Line[]): Margins {
  return { left: Math.min(...lines.map((l) => l.x)), right: Math.max(...lines.map((l) => l.end)) };
}

function pageParagraphs(lines: readonly Line[], margins: Margins): PageParagraphs {
  const { left, right } = margins;
  // Most gaps on a page are between the lines of a paragraph; the few wider ones separate paragraphs and headings.
  const spacing = quantile(lines.slice(1).map((l, i) => l.y - lines[i]!.y).filter((gap) => gap > 0), 0.25);
  const isIndented = (l: Line) => l.x > left + INDENT * l.size;
  // A full line starts at the left edge or the indent (a centred line does not) and runs to the right edge.
  const isFull = (l: Line) =>
    l.x <= left + MAX_INDENT * l.size && l.end >= right - (endsCjk(l.text) ? FULL_LINE_CJK : FULL_LINE_RAGGED) * l.size;

  const paragraphs: string[] = [];
  let current = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1]!;
    const line = lines[i]!;
    const gap = line.y - above.y;
    const breaks =
      !isFull(above) ||
      isIndented(line) ||
      gap <= 0 ||
      (spacing > 0 && gap > PARAGRAPH_GAP * spacing) ||
      Math.abs(line.size - above.size) > SIZE_CHANGE * Math.max(line.size, above.size);
    if (breaks) {
      paragraphs.push(current);
      current = line.text;
    } else {
      current += joinSeparator(current, line.text) + line.text;
    }
  }
  paragraphs.push(current);
  return {
    paragraphs,
    firstLineFlush: !isIndented(lines[0]!),
    lastLineFull: isFull(lines[lines.length - 1]!),
  };
}

/**
 * The text of a PDF from its pages' runs: one paragraph a line, a blank line
 * between paragraphs; '' when no page has text (a scan).
 */
export function pdfText(pages: readonly (readonly PdfTextRun[])[]): string {
  const pageLines = pages.map((runs) => {
    const lines = readLines(runs);
    // Page numbers are printed apart from the text, on the first or last line.
    if (lines.length && PAGE_NUMBER.test(lines[lines.length - 1]!.text)) lines.pop();
    if (lines.length && PAGE_NUMBER.test(lines[0]!.text)) lines.shift();
    return lines;
  });
  const measured = pageLines.filter((lines) => lines.length >= LINES_FOR_MARGINS).map(pageMargins);
  const usual: Margins | undefined = measured.length
    ? { left: quantile(measured.map((m) => m.left), 0.5), right: quantile(measured.map((m) => m.right), 0.5) }
    : undefined;

  const paragraphs: string[] = [];
  let openAtPageEnd = false;
  for (const lines of pageLines) {
    if (!lines.length) continue;
    const page = pageParagraphs(lines, lines.length < LINES_FOR_MARGINS && usual ? usual : pageMargins(lines));
    const [first, ...rest] = page.paragraphs;
    const last = paragraphs[paragraphs.length - 1];
    if (openAtPageEnd && last !== undefined && page.firstLineFlush && !endsSentence(last)) {
      paragraphs[paragraphs.length - 1] = last + joinSeparator(last, first!) + first!;
    } else {
      paragraphs.push(first!);
    }
    paragraphs.push(...rest);
    openAtPageEnd = page.lastLineFull;
  }
  return paragraphs.join('\n\n');
}
