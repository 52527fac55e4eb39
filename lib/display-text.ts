// The seed prints ASCII punctuation (, ( ) ! ; :) inside Chinese text, where
// a Chinese reader expects full-width marks. Shown text is converted; stored
// clause text stays exactly as printed so offsets into the seed hold.

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '(': '（',
  ')': '）',
  '!': '！',
  ';': '；',
  ':': '：',
  '?': '？',
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff“”‘’（）《》、，。]/;

/**
 * Converts ASCII punctuation to full-width where it stands next to Chinese
 * text; leaves it alone between Latin letters or digits (1+3+4, V2X, 5.3%).
 */
export function toDisplayText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const full = FULL_WIDTH[ch];
    if (full && (CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? ''))) out += full;
    else out += ch;
  }
  return out;
}
