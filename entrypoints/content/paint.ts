// Paints matches with the CSS Custom Highlight API: one Highlight for the
// matches near the viewport and one for the term under the pointer. The
// page's text nodes are never split or wrapped, so React, editors and the
// page's own scripts see the DOM they built. Where the API is missing
// (Firefox before 140, older Chromium), nothing is painted and the hover
// card still works from the match index.
//
// Only matches whose block is within three viewports' height of the view
// are in the Highlight (a news article is painted whole; a fast scroll or a
// jump to the next term finds its terms painted already). Chromium rebuilds the markers of every range of every
// registered Highlight on the first frame after any change to the DOM or to
// style anywhere in the document (HighlightRegistry::ValidateHighlightMarkers
// compares the document's DOM tree and style versions), so the cost of each
// page mutation grows with the number of ranges: with the 8,792 matches of a
// 10 MB page all registered, a clock ticking in a fixed corner of the page
// made frames of 150-790 ms (none without the extension). An
// IntersectionObserver on the blocks that hold matches keeps the Highlight to
// what the reader can scroll to next.

export const HIGHLIGHT = 'policy-lens';
/** Related mentions (a swapped word, a programme's key word) in a lighter style of their own. */
export const RELATED_HIGHLIGHT = 'policy-lens-related';
export const HOVER_HIGHLIGHT = 'policy-lens-hover';

/** Blocks within this many viewport heights above and below the viewport are painted. */
const NEAR_SCREENS = 3;
const NEAR_VIEW = `${NEAR_SCREENS * 100}% 0px`;

export interface Paintable {
  /** The block the match's text belongs to: painted while it is near the view. */
  readonly owner: Element;
  /** Read only when the match is painted: it may be made on demand. */
  readonly range: AbstractRange;
  /** Painted in the related highlight, and only while related mentions are shown. */
  readonly related: boolean;
}

export interface Painter {
  readonly supported: boolean;
  /**
   * `placeNow`: the blocks' boxes are read at once to paint those near the
   * view without waiting for the observer's first report (call it only where
   * the layout is fresh, or the read forces one).
   */
  add(matches: readonly Paintable[], placeNow?: boolean): void;
  remove(matches: readonly Paintable[]): void;
  hover(range: AbstractRange | null): void;
  /** Shows or hides the related mentions (the reader's setting). */
  showRelated(show: boolean): void;
  clear(): void;
}

/** Whether the element's box is within the painted band around the viewport (what the observer's margin says). */
function isNearView(el: Element): boolean {
  const box = el.getBoundingClientRect();
  const band = NEAR_SCREENS * window.innerHeight;
  return box.bottom >= -band && box.top <= window.innerHeight + band && (box.width > 0 || box.height > 0);
}

/**
 * `matchesOf` gives a block's matches as the match index holds them: the
 * painter keeps no list of its own, only which blocks are near the view.
 */
export function createPainter(matchesOf: (owner: Element) => readonly Paintable[]): Painter {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!registry || typeof Highlight !== 'function' || typeof IntersectionObserver !== 'function') {
    return { supported: false, add() {}, remove() {}, hover() {}, showRelated() {}, clear() {} };
  }
  const all = new Highlight();
  const related = new Highlight();
  const hovered = new Highlight();
  // The hovered term is painted above the underline of all terms.
  hovered.priority = 1;
  const highlightOf = (match: Paintable) => (match.related ? related : all);
  const near = new Set<Element>();
  let registered = false;
  let relatedShown = true;
  const register = () => {
    // The page shares this registry: set again in case it cleared it.
    if (registered && registry.get(HIGHLIGHT) === all) return;
    registry.set(HIGHLIGHT, all);
    if (relatedShown) registry.set(RELATED_HIGHLIGHT, related);
    registry.set(HOVER_HIGHLIGHT, hovered);
    registered = true;
  };
  const observer = new IntersectionObserver(
    (entries) => {
      let added = false;
      for (const entry of entries) {
        const matches = matchesOf(entry.target);
        // A report queued before the block's matches were dropped.
        if (matches.length === 0) continue;
        if (entry.isIntersecting) {
          near.add(entry.target);
          for (const match of matches) highlightOf(match).add(match.range);
          added = true;
        } else if (near.delete(entry.target)) {
          for (const match of matches) highlightOf(match).delete(match.range);
        }
      }
      if (added) register();
    },
    { rootMargin: NEAR_VIEW },
  );

  return {
    supported: true,
    add(matches, placeNow = false) {
      let added = false;
      let last: Element | undefined;
      for (const match of matches) {
        const owner = match.owner;
        // A block's matches come together; observing a block already observed does nothing.
        if (owner !== last) {
          observer.observe(owner);
          if (placeNow && isNearView(owner)) near.add(owner);
          last = owner;
        }
        if (near.has(owner)) {
          highlightOf(match).add(match.range);
          added = true;
        }
      }
      if (added) register();
    },
    remove(matches) {
      for (const match of matches) if (near.has(match.owner)) highlightOf(match).delete(match.range);
      for (const owner of new Set(matches.map((match) => match.owner))) {
        if (matchesOf(owner).length) continue;
        near.delete(owner);
        observer.unobserve(owner);
      }
    },
    hover(range) {
      hovered.clear();
      if (range) {
        hovered.add(range);
        register();
      }
    },
    showRelated(show) {
      relatedShown = show;
      if (!show && registry.get(RELATED_HIGHLIGHT) === related) registry.delete(RELATED_HIGHLIGHT);
      else if (show && registered) registry.set(RELATED_HIGHLIGHT, related);
    },
    clear() {
      observer.disconnect();
      near.clear();
      all.clear();
      related.clear();
      hovered.clear();
      if (registry.get(HIGHLIGHT) === all) registry.delete(HIGHLIGHT);
      if (registry.get(RELATED_HIGHLIGHT) === related) registry.delete(RELATED_HIGHLIGHT);
      if (registry.get(HOVER_HIGHLIGHT) === hovered) registry.delete(HOVER_HIGHLIGHT);
      registered = false;
    },
  };
}
