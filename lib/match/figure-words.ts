// Matches the small vocabulary of figures (measures, qualifiers, linking verbs,
// year words) on text as the page prints it. The figure readers run in the
// content script on a few characters around a metric, before any fold map is
// at hand, and pages print full-width forms (５０，％) and traditional
// characters (億萬畝): folding the few units these words use here costs a
// string of ~60 pairs instead of the index's fold map, and a comparison
// allocates nothing.

/** Traditional (and variant) characters of the figure vocabulary, each over its simplified form in SIMPLIFIED. */
const TRADITIONAL = '億萬兩畝項個戶噸輛間場臺張條處種類頃餘約過於將達為實現穩計來歷積務設標準規額總數點貳參陸時棟筆門頭塊對組歲週節簽預鐘別際資幣';
const SIMPLIFIED = '亿万两亩项个户吨辆间场台张条处种类顷余约过于将达为实现稳计来历积务设标准规额总数点贰叁陆时栋笔门头块对组岁周节签预钟别际资币';
/** Built once: a lookup per unit must not walk the string (wordAt folds a unit for every word it tries). */
const FOLDS = new Map<number, number>();
for (let i = 0; i < TRADITIONAL.length; i++) FOLDS.set(TRADITIONAL.charCodeAt(i), SIMPLIFIED.charCodeAt(i));

/** A UTF-16 unit as the figure vocabulary spells it: full-width ASCII to ASCII, the traditional forms above to simplified. */
export function foldFigureChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code < 0x4e00 ? code : (FOLDS.get(code) ?? code);
}

/** Where `chars` holds the unit `code`, or -1; a loop over a short string, so no one-character string is made per call. */
export function codeIndex(chars: string, code: number): number {
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === code) return i;
  return -1;
}

export function includesCode(chars: string, code: number): boolean {
  return codeIndex(chars, code) !== -1;
}

/** Whether `word` (simplified) is printed in `text` from `pos`, in any of the forms foldFigureChar knows. */
export function printedAt(text: string, pos: number, word: string): boolean {
  if (pos < 0 || pos + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    const code = text.charCodeAt(pos + i);
    const want = word.charCodeAt(i);
    if (code !== want && foldFigureChar(code) !== want) return false;
  }
  return true;
}

/** The first of `words` printed at `pos` (list the longer of two words sharing a start first), or undefined. */
export function wordAt(text: string, pos: number, words: readonly string[]): string | undefined {
  if (pos >= text.length) return undefined;
  const first = foldFigureChar(text.charCodeAt(pos));
  // Indexed loops: a for-of iterator is an allocation where the interpreter runs this (most pages, few hits).
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.charCodeAt(0) === first && printedAt(text, pos, word)) return word;
  }
  return undefined;
}

/** The first of `words` printed so that it ends at `end` (longer words first), or undefined. */
export function wordBefore(text: string, end: number, words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) if (printedAt(text, end - words[i]!.length, words[i]!)) return words[i];
  return undefined;
}
