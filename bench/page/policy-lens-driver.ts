// Runs in the benchmark's page (bundled as an IIFE by bench/page-bundle.ts):
// the content script's own matcher, scanner, match index and painter, driven
// the way its session drives them, so the figure is PolicyLens's code on the
// page and not a copy of it. Also times the matcher alone on the page's text.

import { createMatcher, loadMatcher, type MatcherTerm } from '@/lib/match/matcher';
import type { FoldMap } from '@/lib/match/fold-text';
import type { TermTable } from '@/lib/messages';
import { isInSkippedTree, ownerBlock } from '@/entrypoints/content/collect-text';
import { MatchIndex } from '@/entrypoints/content/match-index';
import { createPainter, HIGHLIGHT, type Painter } from '@/entrypoints/content/paint';
import { nextTask, Scanner } from '@/entrypoints/content/scan';

export interface ScanAndPaintResult {
  /** From the start (loading the matcher the background built, as the content script does) to the end of the last slice: every match found and handed to the painter. */
  ms: number;
  /** Matches found (the match index's size). */
  count: number;
  /**
   * Highlights registered under 'policy-lens' once the painter's
   * IntersectionObserver has reported (a frame later, not timed): the painter
   * registers only the matches near the view.
   */
  painted: number;
  /** Time spent inside the scanner's slices (the rest is the page's turn between slices). */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
}

/** The last run's painter, so the page can be cleared of it before a second run (a content script has one). */
let previous: Painter | undefined;

function clearPainted(): void {
  previous?.clear();
  previous = undefined;
}

function scanAndPaint(table: TermTable): Promise<ScanAndPaintResult> {
  return new Promise((done) => {
    const started = performance.now();
    const matcher = loadMatcher(table.matcher);
    const index = new MatchIndex(ownerBlock);
    const painter = createPainter((owner) => index.ofOwner(owner));
    previous = painter;
    let busyMs = 0;
    let slices = 0;
    let longestSliceMs = 0;
    let finished = false;
    const timed = (fn: () => void) => {
      const sliceStart = performance.now();
      fn();
      const sliceMs = performance.now() - sliceStart;
      busyMs += sliceMs;
      slices++;
      longestSliceMs = Math.max(longestSliceMs, sliceMs);
      if (scanner.busy || finished) return;
      finished = true;
      const ms = performance.now() - started;
      // IntersectionObserver reports in a task after a rendering update: two frames and a pause, untimed.
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const painted = CSS.highlights.get(HIGHLIGHT)?.size ?? 0;
            done({ ms, count: index.size, painted, busyMs, slices, longestSliceMs });
          }, 50),
        ),
      );
    };
    const scanner: Scanner = new Scanner({
      matcher,
      index,
      painter,
      onShadowRoot: (root) => scanner.scanTree(root),
      onChange: () => undefined,
      defer: (fn) => nextTask(() => timed(fn)),
    });
    // The first slice runs inside scanVisibleFirst (the probe for the block in view is counted in it).
    timed(() => scanner.scanVisibleFirst(document));
  });
}

export interface MatcherTiming {
  buildMs: number;
  scanMs: number;
  matches: number;
  patterns: number;
  /** Bytes of the automaton's tables. */
  bytes: number;
}

/** The text of every block, as the pieces (text nodes' data) the scanner feeds the matcher, in document order. */
function blockPieces(): string[][] {
  const blocks: string[][] = [];
  let owner: Element | null = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!data || isInSkippedTree(node)) continue;
    const block = ownerBlock(node);
    if (block !== owner || blocks.length === 0) blocks.push([]);
    owner = block;
    blocks[blocks.length - 1]!.push(data);
  }
  return blocks;
}

/** Builds a matcher and reads every block of the page with it once, piece by piece as the scanner does (no DOM walk timed). */
function timeMatcher(terms: MatcherTerm[], foldMap: FoldMap): MatcherTiming {
  const blocks = blockPieces();
  const started = performance.now();
  const matcher = createMatcher(terms, foldMap);
  const built = performance.now();
  const cursor = matcher.cursor();
  let matches = 0;
  for (const pieces of blocks) {
    for (const piece of pieces) cursor.feed(piece);
    matches += cursor.finish().length;
    cursor.reset();
  }
  return {
    buildMs: built - started,
    scanMs: performance.now() - built,
    matches,
    patterns: matcher.patternCount,
    bytes: matcher.bytes,
  };
}

(globalThis as unknown as { __policyLensBench: unknown }).__policyLensBench = { scanAndPaint, clearPainted, timeMatcher };
