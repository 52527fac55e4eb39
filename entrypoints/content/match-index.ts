// Every match on the page, by the block that owns it: a changed block drops
// its matches and is read again, and the pointer's text position finds its
// match among those of the block its text node belongs to (a block holds a
// few). Highlights have no events, so this index is what hover and keyboard
// use; it works the same whether or not the Highlight API can paint.

import { lastAtOrBefore } from '@/lib/match/last-at-or-before';
import type { Match } from '@/lib/match/matcher';
import type { FigureNear } from '@/lib/match/figure-near';

/**
 * A block's text as the matcher read it in one go: its text nodes in order,
 * node `i` starting at unit `starts[i]`. A block read whole (one textContent)
 * lists them only when one of its matches is first painted, hovered or
 * checked for hidden text: on the 10 MB page, listing the text nodes of each
 * of its 8,400 blocks with a term made and dropped 26,000 node wrappers, and
 * keeping them with each match kept 12,000, all work for V8's young-generation
 * collector: one minor collection after the scan took 19-20 ms with them and
 * 11-12 ms with runs listed on need, and the scan no longer fills the young
 * generation, so none lands in one of its slices.
 */
export class TextRun {
  readonly owner: Element;
  #nodes: readonly Text[] | undefined;
  #starts: readonly number[] | undefined;

  /** Without `nodes`, the run is the owner's whole text (it holds no other block). */
  constructor(owner: Element, nodes?: readonly Text[], starts?: readonly number[]) {
    this.owner = owner;
    this.#nodes = nodes;
    this.#starts = starts;
  }

  get nodes(): readonly Text[] {
    if (!this.#nodes) this.#list();
    return this.#nodes!;
  }

  get starts(): readonly number[] {
    if (!this.#starts) this.#list();
    return this.#starts!;
  }

  /** The run's text as the matcher read it (match offsets are offsets in it), read again from its nodes. */
  get text(): string {
    return this.nodes.map((node) => node.data).join('');
  }

  #list(): void {
    const nodes: Text[] = [];
    const starts: number[] = [];
    textNodesOf(this.owner, nodes, starts);
    this.#nodes = nodes;
    this.#starts = starts;
  }
}

/** A block's non-empty text nodes in order, with where each starts in its textContent. */
function textNodesOf(block: Element, nodes: Text[], starts: number[]): void {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.length === 0) continue;
    nodes.push(node);
    starts.push(length);
    length += node.length;
  }
}

export class PageMatch {
  readonly termId: string;
  readonly run: TextRun;
  /** Where the match lies in its run's text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** A related form (one word swapped, a programme's key word): painted apart, and its card says so. */
  readonly related: boolean;
  /** The figure the page gives beside a metric (the match covers both), for the card to set against the target. */
  readonly figure: FigureNear | undefined;
  #range: StaticRange | undefined;

  constructor(termId: string, run: TextRun, start: number, end: number, related = false, figure?: FigureNear) {
    this.termId = termId;
    this.run = run;
    this.start = start;
    this.end = end;
    this.related = related;
    this.figure = figure;
  }

  /** The block whose text the match is in. */
  get owner(): Element {
    return this.run.owner;
  }

  /** Every text node the match covers, first to last. */
  get nodes(): readonly Text[] {
    return this.run.nodes.slice(this.#first(), this.#last() + 1);
  }

  get firstNode(): Text {
    return this.run.nodes[this.#first()]!;
  }

  get lastNode(): Text {
    return this.run.nodes[this.#last()]!;
  }

  /** Where the match starts in its first node and ends in its last. */
  get startOffset(): number {
    return this.start - this.run.starts[this.#first()]!;
  }

  get endOffset(): number {
    return this.end - this.run.starts[this.#last()]!;
  }

  /**
   * Made when first asked for: only matches near the view are painted and
   * only the one under the pointer is hovered, so the 8,792 matches of the
   * 10 MB page need some ten ranges, not a browser object and a wrapper each.
   */
  get range(): StaticRange {
    this.#range ??= new StaticRange({
      startContainer: this.firstNode,
      startOffset: this.startOffset,
      endContainer: this.lastNode,
      endOffset: this.endOffset,
    });
    return this.#range;
  }

  #first(): number {
    const starts = this.run.starts;
    return lastAtOrBefore(starts, starts.length, this.start);
  }

  #last(): number {
    const starts = this.run.starts;
    return lastAtOrBefore(starts, starts.length, this.end - 1);
  }
}

/** The matches of one run, as page matches. */
export function toPageMatches(run: TextRun, matches: readonly Match[]): PageMatch[] {
  return matches.map(
    ([start, end, termId, related, figure]) => new PageMatch(termId, run, start, end, related === true, figure),
  );
}

/** Where a match starts and ends within one of its nodes, or undefined when it does not cover the node. */
function spanIn(match: PageMatch, node: Text): [number, number] | undefined {
  const { nodes, starts } = match.run;
  const i = nodes.indexOf(node);
  if (i < 0) return undefined;
  const from = starts[i]!;
  const to = from + node.length;
  if (match.end <= from || match.start >= to) return undefined;
  return [Math.max(match.start, from) - from, Math.min(match.end, to) - from];
}

const NONE: readonly PageMatch[] = Object.freeze([]);

export class MatchIndex {
  #byOwner = new Map<Element, PageMatch[]>();
  #size = 0;
  /** The block a text node's text belongs to, as the scan decides it: a node's matches are among its block's. */
  #ownerOf: (node: Node) => Element | null;

  constructor(ownerOf: (node: Node) => Element | null) {
    this.#ownerOf = ownerOf;
  }

  get size(): number {
    return this.#size;
  }

  add(matches: readonly PageMatch[]): void {
    for (const match of matches) {
      const list = this.#byOwner.get(match.owner);
      if (list) list.push(match);
      else this.#byOwner.set(match.owner, [match]);
      this.#size++;
    }
  }

  /** Drops the matches owned by blocks that pass the test; returns them. */
  removeOwners(test: (owner: Element) => boolean): PageMatch[] {
    const removed: PageMatch[] = [];
    for (const [owner, list] of this.#byOwner) {
      if (!test(owner)) continue;
      this.#byOwner.delete(owner);
      for (const match of list) removed.push(match);
      this.#size -= list.length;
    }
    return removed;
  }

  /** The match covering this text position, if any. */
  at(node: Node, offset: number): PageMatch | undefined {
    if (node.nodeType !== Node.TEXT_NODE) return undefined;
    for (const match of this.#inBlockOf(node)) {
      const span = spanIn(match, node as Text);
      if (span && offset >= span[0] && offset < span[1]) return match;
    }
    return undefined;
  }

  /**
   * Matches in the first `limit` text nodes under this element: the
   * pointer's fallback when an overlay covers the text. Bounded, so a pointer
   * over a large container costs a short walk, not a pass over every match.
   */
  within(el: Element, limit = 200): PageMatch[] {
    const out: PageMatch[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = 0, node = walker.nextNode(); node && n < limit; n++, node = walker.nextNode()) {
      for (const match of this.#inBlockOf(node)) {
        if (!out.includes(match) && spanIn(match, node as Text)) out.push(match);
      }
    }
    return out;
  }

  all(): PageMatch[] {
    const out: PageMatch[] = [];
    for (const list of this.#byOwner.values()) out.push(...list);
    return out;
  }

  clear(): void {
    this.#byOwner.clear();
    this.#size = 0;
  }

  /** The matches of one block. */
  ofOwner(owner: Element): readonly PageMatch[] {
    return this.#byOwner.get(owner) ?? NONE;
  }

  #inBlockOf(node: Node): readonly PageMatch[] {
    const owner = this.#ownerOf(node);
    return owner ? this.ofOwner(owner) : NONE;
  }
}

/** Orders matches as they stand in the document (for the keyboard's "next term"). */
export function inDocumentOrder(matches: PageMatch[]): PageMatch[] {
  return matches.sort((a, b) => {
    const x = a.firstNode;
    const y = b.firstNode;
    if (x === y) return a.startOffset - b.startOffset;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
