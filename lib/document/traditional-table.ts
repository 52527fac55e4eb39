// Traditional and variant characters → their simplified candidates, for every
// character of the BMP's CJK blocks that OpenCC converts to one other
// character. Built by the build script (opencc-js is a build-time package)
// and shipped with the background, which reads added documents in
// traditional script and folds their terms with it (script-text.ts). About
// 3,400 entries, 27 KB of JSON.
import * as OpenCC from 'opencc-js';
import type { TraditionalTable } from './script-text';

/** OpenCC's generic traditional, Taiwan and Hong Kong standards, in the order buildFoldMap tries them. */
const SOURCES = ['t', 'tw', 'hk'] as const;

/** CJK Unified Ideographs, Extension A and the Compatibility Ideographs: the BMP blocks folding works in. */
const RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

export function buildTraditionalTable(): TraditionalTable {
  const converters = SOURCES.map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const table: Record<string, string> = {};
  for (const [first, last] of RANGES) {
    for (let code = first; code <= last; code++) {
      const ch = String.fromCharCode(code);
      let candidates = '';
      for (const convert of converters) {
        const simplified = convert(ch);
        if (simplified !== ch && simplified.length === 1 && !candidates.includes(simplified)) candidates += simplified;
      }
      if (candidates) table[ch] = candidates;
    }
  }
  return table;
}
