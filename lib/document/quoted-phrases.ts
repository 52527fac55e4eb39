// The report marks its own slogans and programmes with quotation marks
// (“腾笼换鸟”, “津治通”). The seed keeps the curly quotes while folding other
// punctuation to ASCII, so “ and ” are the signal here.

export interface QuotedPhrase {
  /** The text between the quotes. */
  text: string;
  /** Offset of the opening quote in the source text. */
  start: number;
  /** Offset just past the closing quote. */
  end: number;
}

/** Every “…” pair in the text, outermost first; an unclosed quote yields nothing. */
export function findQuotedPhrases(text: string): QuotedPhrase[] {
  const phrases: QuotedPhrase[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open = i;
    else if (ch === '”' && open >= 0) {
      phrases.push({ text: text.slice(open + 1, i), start: open, end: i + 1 });
      open = -1;
    }
  }
  return phrases;
}
