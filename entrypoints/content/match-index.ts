// Every match on the page, indexed two ways: by the block that owns it (a
// changed block drops its matches and is read again) and by text node, sorted
// by offset (the pointer's text position finds its match by binary search).
// Highlights have no events, so this index is what hover and keyboard use;
// it works the same whether or not the Highlight API can paint.

import { lastAtOrBefore } from '@/lib/last-at-or-before';
import type { Match } from '@/lib/matcher';

export class PageMatch {
  readonly termId: string;
  readonly owner: Element;
  /** Every text node the match covers, first to last. */
  readonly nodes: readonly Text[];
  readonly startOffset: number;
  readonly endOffset: number;
  #range: StaticRange | undefined;

  constructor(termId: string, owner: Element, nodes: readonly Text[], startOffset: number, endOffset: number) {
    this.termId = termId;
    this.owner = owner;
    this.nodes = nodes;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  /**
   * Made when first asked for: only matches near the view are painted and
   * only the one under the pointer is hovered, so the 8,792 matches of the
   * 10 MB page need some ten ranges, not a browser object and a wrapper each.
   */
  get range(): StaticRange {
    this.#range ??= new StaticRange({
      startContainer: this.nodes[0]!,
      startOffset: this.startOffset,
      endContainer: this.nodes[this.nodes.length - 1]!,
      endOffset: this.endOffset,
    });
    return this.#range;
  }
}

/**
 * Maps the matches of one block to DOM positions: `nodes` hold the block's
 * text in order, node `i` starting at unit `starts[i]` of the text the
 * matcher read.
 */
export function toPageMatches(owner: Element, nodes: readonly Text[], starts: readonly number[], matches: readonly Match[]): PageMatch[] {
  const out: PageMatch[] = [];
  for (const [start, end, termId] of matches) {
    const first = lastAtOrBefore(starts, starts.length, start);
    const last = lastAtOrBefore(starts, starts.length, end - 1);
    if (last < first) continue;
    out.push(new PageMatch(termId, owner, nodes.slice(first, last + 1), start - starts[first]!, end - starts[last]!));
  }
  return out;
}

/** Where a match starts and ends within one of its nodes. */
function spanIn(match: PageMatch, node: Text): [number, number] {
  const start = match.nodes[0] === node ? match.startOffset : 0;
  const end = match.nodes[match.nodes.length - 1] === node ? match.endOffset : node.length;
  return [start, end];
}

export class MatchIndex {
  #byOwner = new Map<Element, PageMatch[]>();
  #byNode = new Map<Text, PageMatch[]>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(matches: readonly PageMatch[]): void {
    for (const match of matches) {
      const list = this.#byOwner.get(match.owner);
      if (list) list.push(match);
      else this.#byOwner.set(match.owner, [match]);
      for (const node of match.nodes) {
        const inNode = this.#byNode.get(node);
        if (inNode) {
          inNode.push(match);
          // Matches of one run arrive in order; a re-read block may add before older ones of a shared node.
          if (inNode.length > 1 && spanIn(inNode[inNode.length - 2]!, node)[0] > spanIn(match, node)[0]) {
            inNode.sort((a, b) => spanIn(a, node)[0] - spanIn(b, node)[0]);
          }
        } else this.#byNode.set(node, [match]);
      }
      this.#size++;
    }
  }

  /** Drops the matches owned by blocks that pass the test; returns them. */
  removeOwners(test: (owner: Element) => boolean): PageMatch[] {
    const removed: PageMatch[] = [];
    for (const [owner, list] of this.#byOwner) {
      if (!test(owner)) continue;
      this.#byOwner.delete(owner);
      for (const match of list) {
        removed.push(match);
        for (const node of match.nodes) {
          const inNode = this.#byNode.get(node);
          if (!inNode) continue;
          const kept = inNode.filter((m) => m !== match);
          if (kept.length) this.#byNode.set(node, kept);
          else this.#byNode.delete(node);
        }
      }
      this.#size -= list.length;
    }
    return removed;
  }

  /** The match covering this text position, if any. */
  at(node: Node, offset: number): PageMatch | undefined {
    const list = this.#byNode.get(node as Text);
    if (!list) return undefined;
    const text = node as Text;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end] = spanIn(list[mid]!, text);
      if (offset < start) hi = mid - 1;
      else if (offset >= end) lo = mid + 1;
      else return list[mid];
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
      const list = this.#byNode.get(node as Text);
      if (list) for (const match of list) if (!out.includes(match)) out.push(match);
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
    this.#byNode.clear();
    this.#size = 0;
  }
}

/** Orders matches as they stand in the document (for the keyboard's "next term"). */
export function inDocumentOrder(matches: PageMatch[]): PageMatch[] {
  return matches.sort((a, b) => {
    const x = a.nodes[0]!;
    const y = b.nodes[0]!;
    if (x === y) return a.startOffset - b.startOffset;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}
