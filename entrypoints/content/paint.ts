// Paints matches with the CSS Custom Highlight API: one Highlight for every
// match and one for the term under the pointer. The page's text nodes are
// never split or wrapped, so React, editors and the page's own scripts see the
// DOM they built. Where the API is missing (Firefox before 140, older
// Chromium), nothing is painted and the hover card still works from the match
// index.

export const HIGHLIGHT = 'policy-lens';
export const HOVER_HIGHLIGHT = 'policy-lens-hover';

export interface Painter {
  readonly supported: boolean;
  add(ranges: readonly AbstractRange[]): void;
  remove(ranges: readonly AbstractRange[]): void;
  hover(range: AbstractRange | null): void;
  clear(): void;
}

export function createPainter(): Painter {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry || typeof Highlight !== 'function') {
    return { supported: false, add() {}, remove() {}, hover() {}, clear() {} };
  }
  const all = new Highlight();
  const hovered = new Highlight();
  // The hovered term is painted above the underline of all terms.
  hovered.priority = 1;
  let registered = false;
  const register = () => {
    // The page shares this registry: set again in case it cleared it.
    if (registered && registry.get(HIGHLIGHT) === all) return;
    registry.set(HIGHLIGHT, all);
    registry.set(HOVER_HIGHLIGHT, hovered);
    registered = true;
  };
  return {
    supported: true,
    add(ranges) {
      for (const range of ranges) all.add(range);
      if (ranges.length) register();
    },
    remove(ranges) {
      for (const range of ranges) all.delete(range);
    },
    hover(range) {
      hovered.clear();
      if (range) {
        hovered.add(range);
        register();
      }
    },
    clear() {
      all.clear();
      hovered.clear();
      if (registry.get(HIGHLIGHT) === all) registry.delete(HIGHLIGHT);
      if (registry.get(HOVER_HIGHLIGHT) === hovered) registry.delete(HOVER_HIGHLIGHT);
      registered = false;
    },
  };
}
