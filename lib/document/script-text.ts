// An added document may print traditional characters (a Hong Kong or Taiwan
// copy, a national report reprinted) and full-width digits (５０万亩). The
// index holds simplified text with ASCII digits, as the seed does, because
// the terms, the figures and jieba's dictionary all work on it: such a text
// is read through simplifyScript, one UTF-16 unit for one, so every offset
// (and every clause's span) still points at the printed characters. The fold
// map the content script folds pages with (fold-text) is chosen from the same
// table for the characters the library's terms and clauses use.


/** Traditional or variant character → its simplified candidates, the preferred one first (traditional-table.ts builds it). */
export type TraditionalTable = Readonly<Record<string, string>>;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A text where more Han characters than this share convert is in traditional script; simplified text has a few (著, 乾, 於) that stay. */
const TRADITIONAL_SHARE = 0.05;

/** True when the text is printed in traditional characters. */
export function isTraditional(text: string, table: TraditionalTable): boolean {
  let han = 0;
  let converted = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!HAN.test(ch)) continue;
    han++;
    if (table[ch] !== undefined) converted++;
  }
  return han > 0 && converted / han > TRADITIONAL_SHARE;
}

/** ０-９ Ａ-Ｚ ａ-ｚ ％ → ASCII; ． between digits → '.' (４．５％). */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ％]|(?<=[0-9０-９])．(?=[0-9０-９])/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * The text as the index reads it: full-width digits and letters made ASCII,
 * and, when the text is traditional, each traditional character made its
 * preferred simplified one. Same length as the input, unit for unit.
 */
export function simplifyScript(text: string, table: TraditionalTable): string {
  const half = halfWidth(text);
  if (!isTraditional(half, table)) return half;
  let out = '';
  for (let i = 0; i < half.length; i++) {
    const ch = half[i]!;
    out += table[ch]?.[0] ?? ch;
  }
  return out;
}

