// A reader may search the report's figures the way they say them (五十亿,
// 八百个, 两千户), while the report prints digits (50亿, 800个, 2000户). The
// query is also searched with such numerals written in digits: only a numeral
// followed by a magnitude or a measure is a figure (三量 and 一带一路 stay as
// they are), read by the figure reader the page uses.

import { readNumber } from '../match/read-number';
import { MEASURE_WORDS } from '../match/figure-units';

const CHINESE_NUMERAL = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟兩萬億]/;

/** The query with each Chinese-numeral figure written in digits; the query itself when it holds none. */
export function arabicFigures(query: string): string {
  let out = '';
  for (let i = 0; i < query.length; ) {
    const read = CHINESE_NUMERAL.test(query[i]!) ? readNumber(query, i) : undefined;
    if (read && !/\d/.test(query.slice(i, read.end))) {
      const rest = query.slice(read.end);
      if (read.magnitude || MEASURE_WORDS.some((m) => rest.startsWith(m))) {
        out += `${read.number}${read.magnitude}`;
        i = read.end;
        continue;
      }
    }
    out += query[i]!;
    i++;
  }
  return out;
}
