// Han characters: every form of every term has one (check-bundle.ts holds
// the bundle to it), so a text without any can hold no term, and the content
// script does nothing on a page without them.

/** CJK Unified Ideographs, Extension A and the compatibility ideographs (which fold to them). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
