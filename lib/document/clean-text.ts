// Text as the readers extract it (from a page's markup, a PDF's text items, a
// .txt file) carries what the document pipeline should not see: Windows line
// ends, zero-width and control characters, indentation by spaces or U+3000,
// runs of blank lines. Chinese text has no spaces between words, so a line
// break inside a paragraph joins two Han characters with nothing, and two
// Latin words with one space.

/** Han characters, CJK and full-width punctuation, kana, Hangul: scripts written without spaces between words. */
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/;

/** True when the character is written without spaces around it (see CJK). */
export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/** The character that starts at index (a surrogate pair kept whole); '' past the end. */
function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The character that ends just before index (a surrogate pair kept whole); '' at the start. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const code = text.charCodeAt(index - 1);
  return index >= 2 && code >= 0xdc00 && code <= 0xdfff ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

/**
 * What goes between two pieces of one paragraph that a line break or a
 * layout gap separated: nothing next to Chinese, a space between Latin words,
 * nothing after a hyphen or a space that is already there.
 */
export function joinSeparator(before: string, after: string): string {
  if (!before || !after) return '';
  const a = charBefore(before, before.length);
  const b = charAt(after, 0);
  if (/\s/.test(a) || /\s/.test(b)) return '';
  if (isCjk(a) || isCjk(b)) return '';
  return a === '-' ? '' : ' ';
}

/**
 * Collapses the white space of markup text as a browser lays it out: any run
 * of spaces, tabs and line breaks is one space, except a run with a line
 * break between two CJK characters, which is nothing (CSS Text 3's
 * segment-break rule; Chromium still draws a space there, but the break in
 * the source is the HTML author's line wrap, not the document's).
 */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, (run: string, offset: number) => {
    if (!/[\n\r]/.test(run)) return ' ';
    const before = charBefore(text, offset);
    const after = charAt(text, offset + run.length);
    return before && after && isCjk(before) && isCjk(after) ? '' : ' ';
  });
}

/** Zero-width spaces and joiners, word joiner, soft hyphen, byte-order mark: invisible, and they split terms. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Control characters other than tab and line feed. */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
/** Spaces inside a line: tab, no-break space, the typographic spaces. (U+3000 is kept inside a line: it can be meant.) */
const INLINE_SPACES = /[ \t\u00a0\u2000-\u200a\u202f\u205f]+/g;
const EDGE_SPACES = /^[\s\u3000]+|[\s\u3000]+$/g;

/**
 * Normalises extracted text for the pipeline: line ends to \n, form feeds
 * and Unicode line and paragraph separators to line breaks, invisible and
 * control characters removed, spaces inside a line collapsed to one, every
 * line trimmed (indentation included), at most one blank line between
 * paragraphs, none at the start or end.
 */
export function cleanText(text: string): string {
  const lines = text
    .replace(/\r\n?|[\f\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .split('\n')
    .map((line) => line.replace(INLINE_SPACES, ' ').replace(EDGE_SPACES, ''));
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
