// The hover card in its <policy-lens-card> host (card-host.ts): opened beside
// the term, filled with the clause card or a message, removed when closed.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askBackground } from '@/extension/background-client';
import type { ClauseCard, FigureCard } from '@/lib/messages';
import { createCardHost, type CardHost } from './card-host';
import { cardText } from './card-text';
import { formatCitation } from './citation';
import { renderCard, renderMessage } from './render-card';

/** Gap in px between the term and the card, and between the card and the viewport's edge. */
const GAP = 6;
const EDGE = 8;

export interface ShowOptions {
  /** The term's box on screen: the card goes beside it, never over it. */
  anchor: DOMRect;
  /** Opened from the keyboard: focus moves into the card. */
  focus: boolean;
  /** The page's words are a related mention: the card says so instead of quoting them as the report's. */
  related?: boolean;
}

export class HoverCard {
  #ctx: ContentScriptContext;
  #ui: CardHost | undefined;
  #mounted: CardHost | undefined;
  #card: ClauseCard | undefined;
  #anchor: DOMRect | undefined;
  #onStep: (card: ClauseCard, index: number) => void;
  #onClose: () => void;

  constructor(options: {
    ctx: ContentScriptContext;
    onStep: (card: ClauseCard, index: number) => void;
    onClose: () => void;
  }) {
    this.#ctx = options.ctx;
    this.#onStep = options.onStep;
    this.#onClose = options.onClose;
  }

  get isOpen(): boolean {
    return this.#mounted !== undefined;
  }

  get card(): ClauseCard | undefined {
    return this.#card;
  }

  /** True when the event happened inside the card (events from a shadow root are retargeted to its host). */
  contains(target: EventTarget | null): boolean {
    return this.#mounted !== undefined && target === this.#mounted.shadowHost;
  }

  showMessage(term: string, message: string, options: ShowOptions): void {
    this.#card = undefined;
    this.#show(renderMessage(term, message), '', options, '');
  }

  show(card: ClauseCard, options: ShowOptions): void {
    this.#card = card;
    const content = renderCard(
      card,
      {
        step: (delta) => this.#onStep(card, card.index + delta),
        copy: () => void this.#copy(card),
        openReport: () => this.#openReport(card.view.clause.id),
        close: () => this.close(),
      },
      { related: options.related === true },
    );
    this.#show(content, card.view.clause.id, options, 'target' in card ? (card as FigureCard).target.id : '');
  }

  close(): void {
    const ui = this.#mounted;
    if (!ui) return;
    this.#mounted = undefined;
    this.#card = undefined;
    ui.remove();
    this.#onClose();
  }

  /** targetId: the target a figure card sets the page's figure against ('' for other cards), as data-target-id. */
  #show(content: HTMLElement, clauseId: string, options: ShowOptions, targetId: string): void {
    // A page that defined <policy-lens-card> as its own custom element upgrades ours with its class, which
    // may take the shadow root first: the card is then unavailable on that page, and the highlights stay.
    let ui: CardHost;
    try {
      ui = this.#ui ??= createCardHost(this.#ctx);
    } catch {
      return;
    }
    if (!this.#ctx.isValid) return;
    if (!this.#mounted) {
      ui.mount();
      this.#mounted = ui;
    }
    const host = ui.shadowHost;
    if (clauseId) host.setAttribute('data-clause-id', clauseId);
    else host.removeAttribute('data-clause-id');
    if (targetId) host.setAttribute('data-target-id', targetId);
    else host.removeAttribute('data-target-id');
    ui.uiContainer.replaceChildren(content);
    this.#anchor = options.anchor;
    this.#place(content, options.anchor);
    if (options.focus) content.focus({ preventScroll: true });
  }

  /** Beside the term: below it when the card fits there, else above, else on the side with more room, scrolling inside. */
  #place(card: HTMLElement, anchor: DOMRect): void {
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    card.style.maxHeight = '';
    const { width, height } = card.getBoundingClientRect();
    const below = vh - anchor.bottom - GAP - EDGE;
    const above = anchor.top - GAP - EDGE;
    let top: number;
    if (height <= below) top = anchor.bottom + GAP;
    else if (height <= above) top = anchor.top - GAP - height;
    else if (below >= above) {
      top = anchor.bottom + GAP;
      card.style.maxHeight = `${Math.max(below, 40)}px`;
    } else {
      const room = Math.max(above, 40);
      card.style.maxHeight = `${room}px`;
      top = anchor.top - GAP - room;
    }
    const left = Math.min(Math.max(anchor.left, EDGE), Math.max(EDGE, vw - width - EDGE));
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  async #copy(card: ClauseCard): Promise<void> {
    let message: string;
    try {
      await navigator.clipboard.writeText(formatCitation(card));
      message = cardText('cardCopied');
    } catch {
      message = cardText('cardCopyFailed');
    }
    const status = this.#mounted?.uiContainer.querySelector('.status');
    if (status) status.textContent = message;
  }

  /** The background opens the tab: a page (and so its content script) may not navigate to an extension page. */
  #openReport(clauseId: string): void {
    askBackground('open-report', { clauseId }).catch(() => {
      const status = this.#mounted?.uiContainer.querySelector('.status');
      if (status) status.textContent = cardText('cardOpenFailed');
    });
  }

  /** Keeps the card beside its term when the card's size changes (stepping to a longer clause). */
  reposition(): void {
    const content = this.#mounted?.uiContainer.firstElementChild;
    if (content instanceof HTMLElement && this.#anchor) this.#place(content, this.#anchor);
  }
}
