// Finds the quantities a clause states (近20万平方米, 600余家, 50万亩以上) with
// the reader the page side uses (lib/match/read-figure), so that a figure is
// read the same way in the report and on a news page. The report's own rules
// on top: Arabic digits only (its Chinese numerals are idioms: 一体推进,
// 三年行动) and nothing inside quotation marks or titles (“1+3+4”产业体系).

import { readFigure, type Figure } from '../match/read-figure';
import { quoteDepthChange } from '../match/quote-depth';

export type { Figure };

const REPORT_NUMBERS = { arabicOnly: true };

/** For each position of the text, whether it stands inside quotation marks or a title (the marks included). */
export function quotedMask(text: string): boolean[] {
  const mask: boolean[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const change = quoteDepthChange(text.charCodeAt(i));
    const inside = depth > 0 || change > 0;
    depth = Math.max(0, depth + change);
    mask.push(inside);
  }
  return mask;
}

export function findFigures(text: string): Figure[] {
  const quoted = quotedMask(text);
  const figures: Figure[] = [];
  for (let i = 0; i < text.length; i++) {
    const figure = quoted[i] ? undefined : readFigure(text, i, REPORT_NUMBERS);
    if (figure) figures.push(figure);
  }
  return figures;
}
