// Folding makes page text and term forms comparable while keeping every
// position: each UTF-16 unit maps to exactly one unit, so an offset in the
// folded string is the same offset in the page's text node. The seed folds
// punctuation to ASCII (, ( ) !) while news pages print full-width (，（）！)
// and sometimes traditional characters; both sides are folded the same way.

/** Traditional or variant character → simplified; built from opencc at build time. */
export type FoldMap = Readonly<Record<string, string>>;

const QUOTES = new Set(['“', '”', '„', '‟', '「', '」', '『', '』', '〝', '〞', '＂']);
const SINGLE_QUOTES = new Set(['‘', '’', '‚', '‛', '＇']);
const DOTS = new Set(['•', '‧', '・', '･', '∙']);

/** Folds one UTF-16 unit. Exported for the content script's hot loop. */
export function foldChar(ch: string, map: FoldMap): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : ch;
  }
  if (code >= 0xff01 && code <= 0xff5e) {
    return foldChar(String.fromCharCode(code - 0xfee0), map);
  }
  if (code === 0x3000) return ' ';
  if (QUOTES.has(ch)) return '"';
  if (SINGLE_QUOTES.has(ch)) return "'";
  if (DOTS.has(ch)) return '·';
  return map[ch] ?? ch;
}

/**
 * Every UTF-16 unit that foldChar changes, with what it becomes (a few
 * hundred pairs): any unit not listed folds to itself. The matcher builds its
 * unit table from these, without calling foldChar for all 65,536 units.
 */
export function foldedUnits(map: FoldMap): Map<number, number> {
  const folded = new Map<number, number>();
  const add = (ch: string) => {
    const to = foldChar(ch, map);
    if (to.length > 0 && to !== ch) folded.set(ch.charCodeAt(0), to.charCodeAt(0));
  };
  for (let code = 0x41; code <= 0x5a; code++) add(String.fromCharCode(code));
  for (let code = 0xff01; code <= 0xff5e; code++) add(String.fromCharCode(code));
  add('\u3000');
  for (const ch of [...QUOTES, ...SINGLE_QUOTES, ...DOTS]) add(ch);
  // foldChar is called on one unit, so only one-unit keys ever apply; the rules above decide some
  // units before the map does. The rest fold by the map alone: no call of foldChar per key.
  for (const key of Object.keys(map)) {
    const value = map[key]!;
    const code = key.charCodeAt(0);
    if (key.length !== 1 || value.length === 0 || value === key || folded.has(code)) continue;
    if (code < 0x80 || code === 0x3000 || QUOTES.has(key) || SINGLE_QUOTES.has(key) || DOTS.has(key)) continue;
    folded.set(code, value.charCodeAt(0));
  }
  return folded;
}

/** Folds a string unit by unit; the result has the same length as the input. */
export function foldText(text: string, map: FoldMap): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!, map);
  return out;
}

/** True for the characters a term never contains and the scanner skips (spaces, line breaks). */
export function isSkippable(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u3000' || ch === '\u200b';
}
