// Whether a page may hold a term at all: every form of every term has a Han
// character (lib/match/han-text.ts), and most pages of the web and most
// frames (ads, embeds, widgets) have none. The look reads the title and the
// document's first text, at most LOOK_UNITS of it, never the whole of a long
// page; a document without Han text yet (one that renders its text later, a
// frame its parent fills) is watched for added text until some has Han.

import { hasHan } from '@/lib/match/han-text';

/**
 * Text read before a document is taken to have no Han text: its header, menus
 * and first screens, however long the page. A page whose Han text starts
 * only further down (an English page quoting Chinese near its end) is passed
 * over unless its own scripts add Han text later.
 */
const LOOK_UNITS = 65_536;

function hasHanText(doc: Document): boolean {
  if (hasHan(doc.title)) return true;
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let read = 0;
  for (let node = walker.nextNode(); node && read < LOOK_UNITS; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (hasHan(data)) return true;
    read += data.length;
  }
  return false;
}

function addsHanText(record: MutationRecord): boolean {
  if (record.type === 'characterData') return hasHan((record.target as CharacterData).data);
  for (const node of record.addedNodes) if (hasHan(node.textContent ?? '')) return true;
  return false;
}

/** Resolves once the document has Han text: at once on a Chinese page; never on a page that gets none. */
export function whenHanText(doc: Document, signal: AbortSignal): Promise<void> {
  if (hasHanText(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      if (!records.some(addsHanText)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
