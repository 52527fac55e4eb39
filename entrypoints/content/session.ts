// One enabled run of PolicyLens on a page: from the first scan to switching
// off, which drops every highlight, listener, observer and the card at once.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '@/extension/background-client';
import type { Settings } from '@/lib/default-settings';
import type { Matcher } from '@/lib/match/matcher';
import { termNameIn, type ClauseCard, type TabRequests, type TermTable } from '@/lib/messages';
import { HoverCard } from './card/hover-card';
import { cardText } from './card/card-text';
import { ownerBlock } from './collect-text';
import { HighlightStyleSheet } from './highlight-style';
import { watchHover } from './hover';
import { inDocumentOrder, MatchIndex, type PageMatch } from './match-index';
import { watchMutations, type MutationWatcher } from './observe-mutations';
import { createPainter } from './paint';
import { nextTask, Scanner } from './scan';
import type { TabHandlers } from './tab-messages';

/** Clause cards kept for quick re-hovers: a page shows a handful of terms. */
const CARD_CACHE_SIZE = 16;

export interface Session {
  readonly handlers: TabHandlers;
  readonly index: MatchIndex;
  applySettings(settings: Settings): void;
  stop(): void;
}

export function startSession(options: {
  ctx: ContentScriptContext;
  table: TermTable;
  matcher: Matcher;
  settings: Settings;
}): Session {
  const { ctx, table, matcher } = options;
  let settings = options.settings;
  const abort = new AbortController();
  const signal = abort.signal;
  const index = new MatchIndex(ownerBlock);
  const painter = createPainter((owner) => index.ofOwner(owner));
  const style = new HighlightStyleSheet();
  style.update(settings.highlightStyle, settings.highlightColor);
  style.adoptInto(document);
  const shadowRoots = new Set<ShadowRoot>();
  const termName = (id: string) => termNameIn(table.names, id);
  const cards = new Map<string, Promise<ClauseCard>>();

  let watcher: MutationWatcher | undefined;
  let hoverStarted = false;
  const scanner = new Scanner({
    matcher,
    index,
    painter,
    onShadowRoot: (root) => {
      if (shadowRoots.has(root)) return;
      shadowRoots.add(root);
      style.adoptInto(root);
      watcher?.observe(root);
      scanner.scanTree(root);
    },
    onChange: () => {
      // No listener at all until the page has a term: pages without one pay nothing for hover.
      if (!hoverStarted && index.size > 0) startHover();
    },
    // Not ctx.setTimeout(fn, 0): nested timers are clamped to 4 ms, idle time between every slice.
    defer: (fn) =>
      nextTask(() => {
        if (!ctx.isInvalid) fn();
      }),
  });
  watcher = watchMutations(scanner, (fn, ms) => ctx.setTimeout(fn, ms));
  watcher.observe(document);

  let shown: PageMatch | null = null;
  let request = 0;
  const card = new HoverCard({
    ctx,
    onStep: (current, next) => {
      // Stepping by keyboard keeps the focus in the card it re-renders.
      const focus = card.contains(document.activeElement);
      if (shown && next >= 0 && next < current.total) void openCard(shown, next, null, focus);
    },
    onClose: () => {
      shown = null;
      painter.hover(null);
    },
  });

  const clauseCard = (termId: string, clauseIndex: number): Promise<ClauseCard> => {
    const key = `${termId}\u0000${clauseIndex}`;
    let found = cards.get(key);
    if (!found) {
      found = askBackground('clause-card', { termId, index: clauseIndex });
      // A failed answer is not kept: the next hover asks again.
      found.catch(() => cards.delete(key));
      if (cards.size >= CARD_CACHE_SIZE) cards.delete(cards.keys().next().value!);
      cards.set(key, found);
    }
    return found;
  };

  /** The box of the match's line under the point (a term can wrap over two lines), else its first box. */
  const anchorRect = (match: PageMatch, x?: number, y?: number): DOMRect | null => {
    const range = document.createRange();
    try {
      range.setStart(match.firstNode, match.startOffset);
      range.setEnd(match.lastNode, match.endOffset);
    } catch {
      return null;
    }
    const rects = [...range.getClientRects()];
    if (x !== undefined && y !== undefined) {
      const hit = rects.find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (hit) return hit;
    }
    return rects[0] ?? null;
  };

  /** point: where the pointer rests (the card goes beside that line of the term), or null. */
  const openCard = async (match: PageMatch, clauseIndex: number, point: { x: number; y: number } | null, focus: boolean) => {
    const mine = ++request;
    const rect = anchorRect(match, point?.x, point?.y);
    if (!rect) return;
    shown = match;
    painter.hover(match.range);
    const term = termName(match.termId) ?? '';
    if (!card.isOpen) card.showMessage(term, cardText('cardLoading'), { anchor: rect, focus });
    try {
      const answer = await clauseCard(match.termId, clauseIndex);
      if (mine !== request || signal.aborted) return;
      card.show(answer, { anchor: rect, focus });
    } catch (error) {
      if (mine !== request || signal.aborted || ctx.isInvalid) return;
      card.showMessage(term, cardText('cardFailed', error instanceof Error ? error.message : String(error)), {
        anchor: rect,
        focus,
      });
    }
  };

  const startHover = () => {
    hoverStarted = true;
    watchHover({
      index,
      shadowRoots: () => [...shadowRoots],
      restDelayMs: () => settings.hoverDelayMs,
      isCard: (target) => card.contains(target),
      isCardOpen: () => card.isOpen,
      onHover: (match) => {
        if (!card.isOpen) painter.hover(match?.range ?? null);
      },
      onRest: (match, x, y) => {
        if (match !== shown || !card.isOpen) void openCard(match, 0, { x, y }, false);
      },
      onLeave: () => {
        request++;
        card.close();
      },
      onEscape: () => {
        request++;
        card.close();
      },
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      requestAnimationFrame: (fn) => ctx.requestAnimationFrame(fn),
      signal,
    });
  };

  /** Scrolls a match into the middle of the view and opens its card with focus in it. */
  const reveal = async (match: PageMatch) => {
    const parent = match.firstNode.parentElement;
    parent?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await openCard(match, 0, null, true);
  };

  const handlers: TabHandlers = {
    pageTerms(): TabRequests['page-terms']['res'] {
      const counts = new Map<string, number>();
      for (const match of index.all()) counts.set(match.termId, (counts.get(match.termId) ?? 0) + 1);
      const terms = [...counts].map(([id, count]) => ({ id, term: termName(id) ?? id, count }));
      terms.sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, 'zh'));
      return { terms };
    },
    async revealTerm(termId) {
      const first = inDocumentOrder(index.all().filter((m) => m.termId === termId))[0];
      if (!first) return { found: false };
      await reveal(first);
      return { found: true };
    },
    async focusNext() {
      const ordered = inDocumentOrder(index.all());
      if (!ordered.length) return { found: false };
      const at = shown ? ordered.indexOf(shown) : -1;
      // Without a current term, start at the first one not above the view.
      const next =
        at >= 0
          ? ordered[(at + 1) % ordered.length]!
          : (ordered.find((m) => (anchorRect(m)?.bottom ?? -1) >= 0) ?? ordered[0]!);
      await reveal(next);
      return { found: true };
    },
  };

  // When the page is next idle: its layout is then done, so finding the text in view costs nothing (at
  // document_idle, elementFromPoint forced the layout of a 1,000,000-character page: a 114 ms task). Not after
  // requestAnimationFrame: that asks for a frame the page may not need, and on the 10 MB page the frame after
  // its first (60-88 ms of the page's own rendering, traced with and without us) then counted as ours. The
  // timeout starts the scan on a page that is never idle.
  ctx.requestIdleCallback(() => scanner.scanVisibleFirst(document), { timeout: 1_000 });

  return {
    handlers,
    index,
    applySettings(next) {
      settings = next;
      style.update(next.highlightStyle, next.highlightColor);
    },
    stop() {
      abort.abort();
      scanner.stop();
      watcher?.disconnect();
      card.close();
      painter.clear();
      style.release();
      index.clear();
      cards.clear();
    },
  };
}
