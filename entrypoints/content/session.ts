// One enabled run of PolicyLens on a page: from the first scan to switching
// off, which drops every highlight, listener, observer and the card at once.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '@/extension/background-client';
import type { Settings } from '@/lib/default-settings';
import type { Matcher } from '@/lib/match/matcher';
import { termNameIn, type ClauseCard, type PageFigure, type PageFigureMention, type TabRequests, type TermTable } from '@/lib/messages';
import { withFigureScope } from '@/lib/match/figure-near';
import { HoverCard } from './card/hover-card';
import { cardText } from './card/card-text';
import { ownerBlock } from './collect-text';
import { HighlightStyleSheet } from './highlight-style';
import { watchHover } from './hover';
import { inDocumentOrder, MatchIndex, type PageMatch } from './match-index';
import { watchMutations, type MutationWatcher } from './observe-mutations';
import { createPainter } from './paint';
import { nextTask, Scanner } from './scan';
import { pageYear } from './page-year';
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
  painter.showRelated(settings.showRelated);
  const style = new HighlightStyleSheet();
  style.update(settings.highlightStyle, settings.highlightColor);
  style.adoptInto(document);
  /** Related mentions are left out everywhere (paint, hover, lists, keyboard) while the reader hides them. */
  const shows = (match: PageMatch) => !match.related || settings.showRelated;
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

  /** What the card needs of a match's figure: as printed, with the period its sentence gives it (read now, not in the scan). */
  const pageFigure = (match: PageMatch): PageFigure => {
    const { figure, scope, year, relativeYear } = withFigureScope(match.run.text, match.figure!);
    return {
      figure: { text: figure.text, number: figure.number, unit: figure.unit, qualifier: figure.qualifier },
      ...(scope ? { scope } : {}),
      ...(year ? { year } : {}),
      ...(relativeYear ? { relativeYear } : {}),
    };
  };

  /** The card of a match: a metric with a figure gets its figure card, any other term its clause card. */
  const cardFor = (match: PageMatch, clauseIndex: number): Promise<ClauseCard> => {
    const figure = match.figure && pageFigure(match);
    const key = `${match.termId}\u0000${clauseIndex}\u0000${figure ? JSON.stringify(figure) : ''}`;
    let found = cards.get(key);
    if (!found) {
      const year = figure ? pageYear() : undefined;
      found = figure
        ? askBackground('figure-card', { termId: match.termId, index: clauseIndex, figure, ...(year ? { pageYear: year } : {}) })
        : askBackground('clause-card', { termId: match.termId, index: clauseIndex });
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
      const answer = await cardFor(match, clauseIndex);
      if (mine !== request || signal.aborted) return;
      card.show(answer, { anchor: rect, focus, related: match.related });
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
        if (!card.isOpen) painter.hover(match && shows(match) ? match.range : null);
      },
      onRest: (match, x, y) => {
        if (shows(match) && (match !== shown || !card.isOpen)) void openCard(match, 0, { x, y }, false);
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
      // A term's own wording and its related mentions are counted apart: the list says which is which.
      const counts = new Map<string, { id: string; related: boolean; count: number }>();
      for (const match of index.all()) {
        if (!shows(match)) continue;
        const key = `${match.termId}\u0000${match.related}`;
        const entry = counts.get(key) ?? { id: match.termId, related: match.related, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
      const terms = [...counts.values()].map(({ id, related, count }) => ({
        id,
        term: termName(id) ?? id,
        count,
        ...(related ? { related: true as const } : {}),
      }));
      terms.sort(
        (a, b) => Number(a.related ?? false) - Number(b.related ?? false) || b.count - a.count || a.term.localeCompare(b.term, 'zh'),
      );
      // The figures the page cites, each metric and figure once, in the order the page cites them.
      const figures = new Map<string, PageFigureMention>();
      for (const match of inDocumentOrder(index.all().filter((m) => m.figure))) {
        const figure = pageFigure(match);
        const key = `${match.termId}\u0000${JSON.stringify(figure)}`;
        const seen = figures.get(key);
        if (seen) seen.count++;
        else figures.set(key, { termId: match.termId, term: termName(match.termId) ?? match.termId, figure, count: 1 });
      }
      return { terms, figures: [...figures.values()] };
    },
    async revealTerm(termId) {
      const first = inDocumentOrder(index.all().filter((m) => m.termId === termId && shows(m)))[0];
      if (!first) return { found: false };
      await reveal(first);
      return { found: true };
    },
    async focusNext() {
      const ordered = inDocumentOrder(index.all().filter(shows));
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
      painter.showRelated(next.showRelated);
      if (shown && !shows(shown)) card.close();
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
