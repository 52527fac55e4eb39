// Pages change after load: infinite scroll, comments, single-page apps that
// navigate with pushState and re-render. A MutationObserver collects what
// changed; once per batch the touched blocks drop their matches and are read
// again, and new subtrees are read, never the whole page. Matches whose
// blocks left the document (React replacing nodes) are dropped, so no
// highlight points into a detached node.

import { CARD_TAG, isInline, isInSkippedTree, ownerBlock } from './collect-text';
import type { Scanner } from './scan';

/** Mutations are collected for this long before the touched blocks are read again. */
const BATCH_MS = 100;

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Only the attributes that decide whether we read a subtree; class and style churn on every animation.
  attributeFilter: ['hidden', 'contenteditable'],
};

export interface MutationWatcher {
  observe(root: Document | ShadowRoot): void;
  disconnect(): void;
}

export function watchMutations(scanner: Scanner, defer: (fn: () => void, ms: number) => void): MutationWatcher {
  let pending: MutationRecord[] = [];
  let scheduled = false;

  const process = () => {
    scheduled = false;
    const records = pending;
    pending = [];
    const shallow = new Set<Element>();
    const deep = new Map<Node, Element | undefined>();

    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        if (isInSkippedTree(target)) continue;
        const block = ownerBlock(target);
        if (block) shallow.add(block);
        continue;
      }
      if (record.type === 'attributes') {
        const el = target as Element;
        // Shown, hidden, made editable or not: read the element again from scratch
        // (an inline element's text is read with its block).
        const block = ownerBlock(el);
        if (isInline(el) && block) {
          shallow.add(block);
          deep.set(el, block);
        } else deep.set(el, undefined);
        continue;
      }
      if (isInSkippedTree(target)) continue;
      const block = ownerBlock(target);
      let inlineChanged = false;
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && (node as Element).localName === CARD_TAG) continue;
        if (node.nodeType === 3 || (node.nodeType === 1 && isInline(node as Element))) {
          inlineChanged = true;
          // Its inline text is read with the block; blocks inside it are read here.
          if (node.nodeType === 1) deep.set(node, block ?? undefined);
        } else if (node.nodeType === 1) deep.set(node, undefined);
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 3 || (node.nodeType === 1 && isInline(node as Element))) inlineChanged = true;
      }
      if (inlineChanged && block) shallow.add(block);
    }

    // Drop matches of changed blocks, of blocks inside rescanned subtrees and of blocks no longer in the page.
    const roots = [...deep.keys()];
    scanner.drop(
      (owner) =>
        !owner.isConnected || shallow.has(owner) || roots.some((root) => root === owner || root.contains(owner)),
    );
    for (const block of shallow) if (block.isConnected && !isInSkippedTree(block)) scanner.rescanBlock(block);
    for (const [root, skipOwner] of deep) {
      if (!root.isConnected || isInSkippedTree(root)) continue;
      // A subtree inside another one read here is read with it.
      if (roots.some((other) => other !== root && other.contains(root))) continue;
      scanner.scanTree(root, {}, skipOwner);
    }
  };

  const observer = new MutationObserver((records) => {
    pending.push(...records);
    if (!scheduled) {
      scheduled = true;
      defer(process, BATCH_MS);
    }
  });

  return {
    observe(root) {
      observer.observe(root, OPTIONS);
    },
    disconnect() {
      observer.disconnect();
      pending = [];
    },
  };
}
