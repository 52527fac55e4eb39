// Finds the term under the pointer. Highlights receive no events, so pointer
// moves are read once per animation frame, mapped to a text position and
// looked up in the match index. After the reader's rest delay the card opens;
// moving away (and not onto the card) closes it. Only the reader's own
// pointer and keys count (trusted-input.ts).

import { getCursorPosition, rangeContainsPoint } from './get-cursor-position';
import type { MatchIndex, PageMatch } from './match-index';
import { trusted } from './trusted-input';

/** How long the pointer may be off both the term and the card before the card closes. */
const CLOSE_GRACE_MS = 300;
/** Elements under the pointer checked for text hidden by an overlay. */
const OVERLAY_DEPTH = 4;

export interface HoverOptions {
  index: MatchIndex;
  shadowRoots: () => ShadowRoot[];
  restDelayMs: () => number;
  /** True when the event target is the card. */
  isCard: (target: EventTarget | null) => boolean;
  isCardOpen: () => boolean;
  onHover: (match: PageMatch | null) => void;
  onRest: (match: PageMatch, x: number, y: number) => void;
  onLeave: () => void;
  onEscape: () => void;
  setTimeout: (fn: () => void, ms: number) => number;
  requestAnimationFrame: (fn: () => void) => number;
  signal: AbortSignal;
}

/** The match under a point: the caret position first, then under overlays that took the hit. */
export function matchAtPoint(index: MatchIndex, x: number, y: number, shadowRoots: ShadowRoot[]): PageMatch | undefined {
  const position = getCursorPosition(x, y, shadowRoots);
  if (position) return index.at(position.node, position.offset);
  const stack = document.elementsFromPoint(x, y).slice(0, OVERLAY_DEPTH);
  for (const el of stack.slice(1)) {
    // Below the overlay the page itself: the pointer is over no text.
    if (el === document.body || el === document.documentElement) break;
    const candidates = index.within(el);
    const hit = candidates.find((m) => rangeContainsPoint(m.range, x, y));
    if (hit) return hit;
    if (candidates.length) break;
  }
  return undefined;
}

export function watchHover(options: HoverOptions): void {
  const { index, signal } = options;
  let x = 0;
  let y = 0;
  let overCard = false;
  let framePending = false;
  let current: PageMatch | null = null;
  let restTimer = 0;
  let closeTimer = 0;

  const check = () => {
    framePending = false;
    if (signal.aborted) return;
    const match = overCard || index.size === 0 ? null : (matchAtPoint(index, x, y, options.shadowRoots()) ?? null);
    if (match === current && match) return;
    if (overCard) {
      clearTimeout(closeTimer);
      return;
    }
    if (match !== current) {
      current = match;
      options.onHover(match);
      clearTimeout(restTimer);
    }
    if (match) {
      clearTimeout(closeTimer);
      const at = { x, y };
      restTimer = options.setTimeout(() => {
        if (current === match) options.onRest(match, at.x, at.y);
      }, options.restDelayMs());
    } else if (options.isCardOpen()) {
      clearTimeout(closeTimer);
      closeTimer = options.setTimeout(() => {
        if (!overCard && !current) options.onLeave();
      }, CLOSE_GRACE_MS);
    }
  };

  window.addEventListener(
    'pointermove',
    // A page's made-up pointer moves would open cards (and ask the background) without the reader.
    trusted((event: PointerEvent) => {
      x = event.clientX;
      y = event.clientY;
      overCard = options.isCard(event.target);
      if (!framePending) {
        framePending = true;
        options.requestAnimationFrame(check);
      }
    }),
    { passive: true, capture: true, signal },
  );
  document.addEventListener(
    'pointerleave',
    trusted(() => {
      x = -1;
      y = -1;
      overCard = false;
      if (!framePending) {
        framePending = true;
        options.requestAnimationFrame(check);
      }
    }),
    { passive: true, signal },
  );
  window.addEventListener(
    'keydown',
    trusted((event: KeyboardEvent) => {
      if (event.key === 'Escape' && options.isCardOpen()) options.onEscape();
    }),
    { capture: true, signal },
  );
}
