// Reads a page's visible text block by block and finds the terms in it. The
// text nodes of one block (its inline elements included) are fed to the
// matcher in order, with the automaton's state carried from node to node, so a
// term split as <a>高效办成</a>一件事 or <b>津</b>治通 is still found; a block
// boundary starts it afresh. Nothing is joined or copied in script: no string
// or offset array is built per block (building them was a third of the scan's
// time on a 1,000,000-character page); a block with a match keeps its text
// nodes, to map the match back to exact DOM offsets. A block holding nothing
// but text and plain inline elements, the common paragraph, is read whole
// with one textContent (see readsWhole), and its text nodes are listed only
// when a match of it needs them (see TextRun). The page's nodes are only
// read, never split, wrapped or normalised.

import type { MatchCursor } from '@/lib/match/matcher';
import { TextRun, toPageMatches, type PageMatch } from './match-index';

export const CARD_TAG = 'policy-lens-card';

/** Elements whose text is not prose a reader reads, or that a reader is editing. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'title', CARD_TAG,
]);

/**
 * Elements that flow within a line: text on either side of them belongs to
 * the same run. All but span are elements that cannot host a shadow root
 * (attachShadow throws on them).
 */
const INLINE_NO_SHADOW = [
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'label', 'mark', 'nobr', 'q', 'rb', 'ruby', 'rt', 'rp', 's', 'samp', 'small', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
];
const INLINE = new Set([...INLINE_NO_SHADOW, 'span']);
/**
 * Any element inside a block that keeps it from being read whole without a
 * look at each element: one that is not a plain inline element which cannot
 * host a shadow root, or one whose markup may hide or skip it.
 */
const NOT_PLAIN_INSIDE = `:not(${INLINE_NO_SHADOW.join(',')}), [hidden], [contenteditable]`;

/**
 * A block's text longer than this is cut: the walk hands the scanner its
 * slice check often enough to keep every task of the page well under 50 ms,
 * at the cost of a term that straddles the cut (only in text without any
 * block element for pages on end).
 */
const MAX_RUN_UNITS = 50_000;
const MAX_RUN_NODES = 5_000;
/**
 * After this many elements without a block's end, an empty list is yielded: a
 * pause at which the scanner checks its time slice. checkVisibility costs time in
 * proportion to the element's depth, so a page of 5,000 nested inline
 * elements with text only at the bottom spent 212 ms in one step of the walk
 * before its one run came out.
 */
const ELEMENTS_PER_PAUSE = 200;
/** Text units read without a block with matches after which the scanner gets a turn anyway. */
const UNITS_PER_PAUSE = 4_096;
/** Text of nothing but white space. */
const BLANK = /^\s*$/;
/** Elements of a block the query flags (see readsWhole) beyond which it is walked node by node rather than read whole. */
const MAX_WHOLE_ELEMENTS = 32;

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** Elements whose subtree is never read, by their markup alone: no style is read. */
function isSkippedByMarkup(el: Element): boolean {
  return SKIPPED.has(el.localName) || isEditable(el) || (el as HTMLElement).hidden === true;
}

/**
 * Whether the element has a box and is not visibility:hidden, as far as the
 * style the page already computed says: `checkVisibility` reads it, where
 * getComputedStyle would build a whole declaration object for every element.
 * True where the browser lacks it.
 */
function looksVisible(el: Element): boolean {
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
}

/** Elements hidden by style: display:none or visibility:hidden. */
function isHiddenByStyle(el: Element): boolean {
  if (!looksVisible(el)) {
    // "Not visible" also means "no box": display:contents (whose children are visible) and, on a
    // large page read before its first layout, elements not laid out yet (seen: 328 of 5,958 terms
    // lost on a 1,000,000-character page). The computed style decides those rare cases.
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  }
  return false;
}

/** True when the node or one of its ancestors (across shadow roots) is never read. */
export function isInSkippedTree(node: Node): boolean {
  for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; ) {
    if (isSkippedByMarkup(el)) return true;
    const parent: Element | null = el.parentElement;
    if (parent) el = parent;
    else {
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
  }
  if (node.ownerDocument?.designMode === 'on') return true;
  return false;
}

/** The block a node's text belongs to: the nearest ancestor that is not inline (the shadow host at a shadow root's top). */
export function ownerBlock(node: Node): Element | null {
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  if (el) return el;
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) return root.host;
  return node.ownerDocument?.documentElement ?? null;
}

export interface CollectOptions {
  /** The subtree to read: an element, a document or a shadow root. */
  root: Node;
  /** Descend into block elements below the root (false rereads only the root's own inline text). */
  deep: boolean;
  /** Start at this element (a block inside root) instead of root's first child, and go on to the end of root. */
  from?: Element;
  /** Stop before this element (a block inside root). */
  until?: Element;
  /** Called for each open shadow root met on the way: it is read separately. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Drops matches in text that an inline element hides by style. Visibility is
 * read for blocks on the way and, inside a block, only for the inline
 * elements around a match: checkVisibility on every element cost 10-17 ms of
 * a 1,000,000-character page's scan, and matches are a few in a thousand
 * characters. (Hidden inline text is still fed to the matcher with its block.)
 */
function visibleOnly(matches: PageMatch[], owner: Element): PageMatch[] {
  const checked = new Map<Element, boolean>();
  const visible = (parent: Element | null): boolean => {
    if (!parent || parent === owner) return true;
    let known = checked.get(parent);
    if (known === undefined) {
      // One check covers the ancestors (a hidden ancestor leaves no box, visibility is inherited);
      // only an element reported not visible has its chain up to the block looked at one by one.
      known = looksVisible(parent);
      for (let el: Element | null = parent; !known && el && el !== owner; el = el.parentElement) {
        if (isHiddenByStyle(el)) break;
        if (el.parentElement === owner) known = true;
      }
      checked.set(parent, known);
    }
    return known;
  };
  return matches.filter((match) => match.nodes.every((node) => visible(node.parentElement)));
}

/**
 * Whether an element inside a block read whole may hide some of its text:
 * only then are its matches placed in its text nodes to be checked one by
 * one (visibleOnly). Its elements are looked at, fewer than its text nodes (a
 * paragraph with a link has one element and three text nodes), and only for
 * a block with a match.
 */
function mayHideText(block: Element): boolean {
  if (block.childElementCount === 0) return false;
  for (const el of block.getElementsByTagName('*')) if (!looksVisible(el)) return true;
  return false;
}

/**
 * Whether a block's textContent is exactly the text the walk would feed the
 * matcher: every element inside it is a plain inline one (no block, nothing
 * skipped by markup, no shadow root), so all of its text is one run. Such a
 * block is read with one textContent, and its text nodes are only visited
 * when it holds a match: reading node by node in the content script's world,
 * where every node read gets a wrapper of its own and every string read a
 * handle, took twice as long as reading the same blocks' textContent (3 passes
 * over the 10 MB page: 195-215 ms against 76-82 ms).
 *
 * Most blocks pass one querySelector, which looks at their elements without
 * making a wrapper for any of them. Each wrapper of the content script's
 * world is work for V8's young-generation collector, which must find out
 * whether the page still holds it: on the 10 MB page, a minor collection after
 * visiting every paragraph and its link took 8-10 ms, after the query 3-4 ms,
 * and the walk was faster too (40 against 50 ms). Only the blocks the query
 * flags (a span, which may host a shadow root; a hidden or editable element;
 * anything else) are walked element by element, at most MAX_WHOLE_ELEMENTS.
 */
function readsWhole(block: Element): boolean {
  if (block.querySelector(NOT_PLAIN_INSIDE) === null) return true;
  let count = 0;
  for (let el = block.firstElementChild; el; ) {
    if (++count > MAX_WHOLE_ELEMENTS || !isInline(el) || isSkippedByMarkup(el) || el.shadowRoot) return false;
    let next = el.firstElementChild;
    // Up and along: the next element after this one's subtree, within the block.
    for (let at: Element | null = el; !next && at && at !== block; at = at.parentElement) next = at.nextElementSibling;
    el = next;
  }
  return true;
}

interface Frame {
  node: Node;
  owner: Element;
  block: boolean;
}

/**
 * Walks the subtree in document order with firstChild/nextSibling (faster
 * than a TreeWalker with a filter callback, and with no recursion, so a page
 * nested 5,000 elements deep does not overflow the stack), reading each
 * block's text with `cursor`; yields each block's matches (often none), all
 * owned by the block whose text they are in.
 */
export function* collectMatches(options: CollectOptions, cursor: MatchCursor): Generator<PageMatch[], void, undefined> {
  const { root, deep, until, onShadowRoot } = options;
  const rootOwner =
    root instanceof Element
      ? ownerBlock(root)
      : root instanceof ShadowRoot
        ? root.host
        : (root as Document).documentElement;
  if (!rootOwner) return;

  // The open elements between root and the current node, with the block each one's text belongs to.
  const stack: Frame[] = [];
  let node: Node | null;
  if (options.from) {
    const chain: Element[] = [];
    for (let el = options.from.parentElement; el && el !== root; el = el.parentElement) chain.push(el);
    let owner = rootOwner;
    for (const el of chain.reverse()) {
      const block = !isInline(el);
      if (block) owner = el;
      stack.push({ node: el, owner, block });
    }
    node = options.from;
  } else {
    node = root.firstChild;
  }

  // The current block's text nodes, in the order they were fed, and where each starts; reused block after block.
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  // Set while a block read whole is flushed: its nodes are listed, and its style read, only if it has matches.
  let whole: Element | null = null;
  let runOwner: Element = rootOwner;
  const none: PageMatch[] = [];
  // Work since the scanner last had a turn: it gets one at a block with matches, or after this much.
  let elementsSinceYield = 0;
  let unitsSinceYield = 0;

  /** Ends the current block: its matches, or undefined when it had no text. */
  const flush = (): PageMatch[] | undefined => {
    if (nodes.length === 0 && !whole) return undefined;
    const matches = cursor.finish();
    let found = none;
    if (matches.length && !(whole && isHiddenByStyle(whole))) {
      if (whole) {
        const all = toPageMatches(new TextRun(whole), matches);
        found = mayHideText(whole) ? visibleOnly(all, whole) : all;
      } else {
        found = visibleOnly(toPageMatches(new TextRun(runOwner, nodes.slice(), starts.slice()), matches), runOwner);
      }
    }
    cursor.reset();
    nodes.length = 0;
    starts.length = 0;
    whole = null;
    unitsSinceYield += length;
    length = 0;
    return found;
  };
  /**
   * Whether to hand a flushed block to the scanner now. Blocks without
   * matches are not handed over one by one: 6,000 turns of the scanner's
   * loop, each reading the clock, were a tenth of a long page's scan.
   */
  const due = (found: PageMatch[] | undefined): found is PageMatch[] => {
    if (!found || (found.length === 0 && unitsSinceYield < UNITS_PER_PAUSE)) return false;
    elementsSinceYield = 0;
    unitsSinceYield = 0;
    return true;
  };
  const currentOwner = () => stack[stack.length - 1]?.owner ?? rootOwner;

  while (node) {
    if (node === until) break;
    let child: Node | null = null;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // A run cannot start with white space (no term starts with it, the matcher steps over it): the
      // line breaks between a page's blocks, one per block, are not each made a run of their own.
      if (data.length > 0 && !(nodes.length === 0 && BLANK.test(data))) {
        if (nodes.length === 0) runOwner = currentOwner();
        nodes.push(node as Text);
        starts.push(length);
        cursor.feed(data);
        length += data.length;
        if (length >= MAX_RUN_UNITS || nodes.length >= MAX_RUN_NODES) {
          const found = flush();
          if (due(found)) yield found;
        }
      }
    } else if (node.nodeType === 1) {
      if (++elementsSinceYield >= ELEMENTS_PER_PAUSE) {
        elementsSinceYield = 0;
        unitsSinceYield = 0;
        yield none;
      }
      const el = node as Element;
      const block = !isInline(el);
      const byMarkup = isSkippedByMarkup(el);
      let text: string | null = null;
      if (block && deep && !byMarkup && readsWhole(el)) {
        text = el.textContent;
        if (text !== null && text.length > MAX_RUN_UNITS) text = null;
      }
      // The style of inline elements, and of a block read whole, is read only where a match lies in
      // them (see flush); the other blocks' is read on the way, so a hidden subtree is not read at all.
      const skipped = byMarkup || (block && text === null && isHiddenByStyle(el));
      if (skipped || block) {
        const found = flush();
        if (due(found)) yield found;
      }
      if (!skipped) {
        if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
        if (text !== null) {
          runOwner = el;
          whole = el;
          cursor.feed(text);
          length = text.length;
          const found = flush();
          if (due(found)) yield found;
        } else {
          if (deep || !block) child = el.firstChild;
          if (child) stack.push({ node: el, owner: block ? el : currentOwner(), block });
        }
      }
    }

    if (child) {
      node = child;
      continue;
    }
    // Climb out of finished elements; leaving a block ends its run.
    for (;;) {
      const sibling: Node | null = node.nextSibling;
      if (sibling) {
        node = sibling;
        break;
      }
      const frame = stack.pop();
      if (!frame) {
        node = null;
        break;
      }
      if (frame.block) {
        const found = flush();
        if (due(found)) yield found;
      }
      node = frame.node;
    }
  }
  const found = flush();
  if (found?.length) yield found;
}
