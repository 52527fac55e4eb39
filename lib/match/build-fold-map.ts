// The traditional → simplified half of folding, built once at build time so
// that the content script needs no converter: pages in traditional characters
// (全年實際使用外資50億美元) fold to the simplified forms the terms use.
// OpenCC's phrase tables are of no use here: folding is one unit for one unit
// (see fold-text), so only single-character conversions are kept.
import * as OpenCC from 'opencc-js';
import type { Term } from '../model';

/** Taiwan, Hong Kong and OpenCC's generic traditional standards; the first to give a wanted character wins. */
const SOURCES = ['t', 'tw', 'hk'] as const;

/** CJK Unified Ideographs, Extension A and the Compatibility Ideographs: the BMP blocks folding works in. */
const RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/**
 * Maps each traditional or variant character to its simplified character,
 * for every simplified character that some term form uses (and any the
 * optional texts use, such as clause text a search folds). Values are one
 * UTF-16 unit, as foldChar requires.
 */
export function buildFoldMap(terms: readonly Pick<Term, 'forms' | 'related'>[], texts: readonly string[] = []): Record<string, string> {
  const wanted = new Set<string>();
  for (const text of [...terms.flatMap((t) => [...t.forms, ...(t.related ?? [])]), ...texts]) {
    for (const ch of text) wanted.add(ch);
  }
  const converters = SOURCES.map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const map: Record<string, string> = {};
  for (const [first, last] of RANGES) {
    for (let code = first; code <= last; code++) {
      const ch = String.fromCharCode(code);
      if (wanted.has(ch)) continue;
      for (const convert of converters) {
        const simplified = convert(ch);
        if (simplified !== ch && simplified.length === 1 && wanted.has(simplified)) {
          map[ch] = simplified;
          break;
        }
      }
    }
  }
  return map;
}
