// The <policy-lens-card> element: an open shadow root from WXT's
// createShadowRootUi, so page CSS cannot reach the card and the card's CSS
// cannot reach the page. It is attached to <html>, not <body>, so the page's
// body stays exactly as the page built it, and it is removed when closed.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { askBackground } from '@/extension/background-client';
import type { FoldMap } from '@/lib/match/fold-text';
import type { ClauseCard, FigureCard } from '@/lib/messages';
import { CARD_TAG } from '../collect-text';
import { CARD_CSS } from './card-style';
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
  #ui: Promise<ShadowRootContentScriptUi<void>> | undefined;
  #mounted: ShadowRootContentScriptUi<void> | undefined;
  #foldMap: FoldMap;
  #card: ClauseCard | undefined;
  #anchor: DOMRect | undefined;
  #onStep: (card: ClauseCard, index: number) => void;
  #onClose: () => void;

  constructor(options: {
    ctx: ContentScriptContext;
    foldMap: FoldMap;
    onStep: (card: ClauseCard, index: number) => void;
    onClose: () => void;
  }) {
    this.#ctx = options.ctx;
    this.#foldMap = options.foldMap;
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

  async showMessage(term: string, message: string, options: ShowOptions): Promise<void> {
    this.#card = undefined;
    await this.#show(renderMessage(term, message), '', options, '');
  }

  async show(card: ClauseCard, options: ShowOptions): Promise<void> {
    this.#card = card;
    const content = renderCard(
      card,
      this.#foldMap,
      {
        step: (delta) => this.#onStep(card, card.index + delta),
        copy: () => void this.#copy(card),
        openReport: () => this.#openReport(card.view.clause.id),
        close: () => this.close(),
      },
      { related: options.related === true },
    );
    await this.#show(content, card.view.clause.id, options, 'target' in card ? (card as FigureCard).target.id : '');
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
  async #show(content: HTMLElement, clauseId: string, options: ShowOptions, targetId: string): Promise<void> {
    // A page that defined <policy-lens-card> as its own custom element upgrades ours with its class, which
    // may take the shadow root first: the card is then unavailable on that page, and the highlights stay.
    const ui = await this.#getUi().catch(() => undefined);
    if (!ui || !this.#ctx.isValid) return;
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

  #getUi(): Promise<ShadowRootContentScriptUi<void>> {
    this.#ui ??= createShadowRootUi(this.#ctx, {
      name: CARD_TAG,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      mode: 'open',
      onMount: () => {},
    }).then((ui) => {
      // createShadowRootUi puts its styles in a <style> element, which a strict CSP refuses
      // (and reports); it is removed before the host enters the page and the styles are adopted instead.
      for (const style of ui.shadow.querySelectorAll('style')) style.remove();
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CARD_CSS);
        ui.shadow.adoptedStyleSheets = [sheet];
      } catch {
        // Where a content script may not adopt a sheet built in its own world (Firefox's Xray
        // wrappers have refused it), a <style> element is the way left. Not verified in Firefox
        // yet: on a strict-CSP page it may be refused too, leaving the card unstyled but usable.
        const style = document.createElement('style');
        style.textContent = CARD_CSS;
        ui.shadow.prepend(style);
      }
      return ui;
    });
    return this.#ui;
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
