// Builds the card's DOM from a clause card. Every string from the report goes
// in as text (textContent), never as HTML.

import type { ClauseCard, ClauseView, FigureCard } from '@/lib/messages';
import type { Target } from '@/lib/model';
import { toDisplayText } from '@/lib/display-text';
import { trusted } from '../trusted-input';
import { cardText } from './card-text';
import { relationMessage } from '@/lib/figure-message';

function relationText(card: FigureCard): string {
  const { key, substitutions } = relationMessage(card);
  return cardText(key, ...substitutions);
}

export interface CardActions {
  step(delta: -1 | 1): void;
  copy(): void;
  openReport(): void;
  close(): void;
}

type Child = Node | string | null | undefined | false;

function h(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

function button(label: string, className: string, onClick: () => void, disabled = false, ariaLabel?: string): HTMLElement {
  const el = h('button', { type: 'button', class: className }, label);
  if (ariaLabel) el.setAttribute('aria-label', ariaLabel);
  if (disabled) el.setAttribute('disabled', '');
  el.addEventListener(
    'click',
    trusted((event) => {
      event.stopPropagation();
      onClick();
    }),
  );
  return el;
}

/** A path segment longer than this is cut with an ellipsis; the full path is in the title. */
const SEGMENT_MAX = 18;

function shorten(segment: string): string {
  return segment.length > SEGMENT_MAX ? `${segment.slice(0, SEGMENT_MAX)}…` : segment;
}

/** The clause with every occurrence of the term emphasised (the background found them: toDisplayText keeps every offset). */
function clauseWithTerm(text: string, marks: readonly [number, number][]): HTMLElement {
  const p = h('p', { class: 'clause', lang: 'zh-CN' });
  let at = 0;
  for (const [start, end] of marks) {
    p.append(text.slice(at, start), h('mark', {}, text.slice(start, end)));
    at = end;
  }
  p.append(text.slice(at));
  return p;
}

/** A separator only screen readers hear: the layout already parts figure, metric and kind. */
const sep = () => h('span', { class: 'sep' }, ', ');

function targetLine(target: Target): HTMLElement {
  const kind = target.kind === 'commitment' ? cardText('cardCommitment') : cardText('cardResult');
  return h(
    'li',
    { class: `target ${target.kind}` },
    h('strong', { class: 'figure', lang: 'zh-CN' }, toDisplayText(target.text)),
    target.metric ? sep() : null,
    target.metric ? h('span', { class: 'metric', lang: 'zh-CN' }, toDisplayText(target.metric)) : null,
    sep(),
    h('span', { class: 'kind' }, kind),
  );
}

/** The report's figure and the page's, side by side, each as printed with its unit, and how they relate. */
function figures(card: FigureCard): HTMLElement {
  const { target, page } = card;
  const label = target.kind === 'result' ? cardText('cardReportResult') : cardText('cardReportTarget', card.targetYear);
  return h(
    'section',
    { class: `figures ${card.relation.relation}`, 'aria-label': cardText('cardFigures') },
    h(
      'div',
      { class: 'side report' },
      h('span', { class: 'label' }, label),
      h('strong', { class: 'figure', lang: 'zh-CN' }, toDisplayText(target.text)),
      target.metric ? h('span', { class: 'metric', lang: 'zh-CN' }, toDisplayText(target.metric)) : null,
    ),
    h(
      'div',
      { class: 'side page' },
      h('span', { class: 'label' }, cardText('cardPageFigure')),
      h('strong', { class: 'figure', lang: 'zh-CN' }, page.figure.text),
    ),
    h('p', { class: 'relation', role: 'note' }, relationText(card)),
  );
}

/** Series shown at most, and points of each: a card stays a card. */
const MAX_SERIES = 2;
const MAX_POINTS = 6;

/**
 * The same metric as other documents and years state it (the library's
 * pairing): year, figure, commitment or result, and the document, the point
 * the card is about marked. A figure card shows its target's series only.
 */
function across(view: ClauseView, targetId: string | undefined): HTMLElement | null {
  const series = (view.comparisons ?? []).filter((s) => !targetId || s.points.some((p) => p.targetId === targetId));
  if (series.length === 0) return null;
  const mine = new Set(targetId ? [targetId] : view.targets.map((t) => t.id));
  return h(
    'section',
    { class: 'across', 'aria-label': cardText('cardAcross') },
    h('p', { class: 'label' }, cardText('cardAcross')),
    ...series.slice(0, MAX_SERIES).map((entry) =>
      h(
        'ul',
        { class: 'series', lang: 'zh-CN' },
        ...entry.points.slice(-MAX_POINTS).map((point) =>
          h(
            'li',
            { class: `point ${point.kind}${mine.has(point.targetId) ? ' current' : ''}` },
            h('span', { class: 'year' }, point.year ? String(point.year) : ''),
            h('strong', { class: 'figure' }, toDisplayText(point.text)),
            h('span', { class: 'kind' }, point.kind === 'commitment' ? cardText('cardCommitment') : cardText('cardResult')),
            h('span', { class: 'doc' }, toDisplayText(point.docTitle)),
          ),
        ),
      ),
    ),
  );
}

export interface CardOptions {
  /** The page's words only point at the term: the header names the report's wording as related, not as the same. */
  related: boolean;
}

export function renderCard(card: ClauseCard, actions: CardActions, options: CardOptions): HTMLElement {
  const { view } = card;
  const path = [view.docTitle, ...view.clause.path.slice(1)].filter(Boolean).map(toDisplayText);
  const clauseText = toDisplayText(view.clause.text);
  const targets = view.targets;

  return h(
    'div',
    { class: 'card', role: 'dialog', tabindex: '-1', lang: cardText('htmlLang'), 'aria-label': cardText('cardLabel', card.term) },
    h(
      'header',
      {},
      options.related
        ? h('span', { class: 'term related', lang: cardText('htmlLang') }, cardText('cardRelatedTo', card.term))
        : h('span', { class: 'term', lang: 'zh-CN' }, card.term),
      // The arrows stand beside the count they change.
      card.total > 1
        ? h(
            'span',
            { class: 'stepper' },
            button('‹', 'step', () => actions.step(-1), card.index === 0, cardText('cardPrevious')),
            h('span', { class: 'count' }, cardText('cardClauseOf', card.index + 1, card.total)),
            button('›', 'step', () => actions.step(1), card.index >= card.total - 1, cardText('cardNext')),
          )
        : null,
      button('×', 'close', actions.close, false, cardText('cardClose')),
    ),
    h('div', { class: 'path', lang: 'zh-CN', title: path.join(' › ') }, path.map(shorten).join(' › ')),
    'relation' in card ? figures(card as FigureCard) : null,
    clauseWithTerm(clauseText, card.marks),
    across(view, 'target' in card ? (card as FigureCard).target.id : undefined),
    targets.length
      ? h('ul', { class: 'targets', 'aria-label': cardText('cardTargets') }, ...targets.map(targetLine))
      : h(
          'dl',
          { class: 'aim' },
          view.clause.taskTitle ? h('dt', {}, cardText('cardTask')) : null,
          view.clause.taskTitle ? h('dd', { lang: 'zh-CN' }, toDisplayText(view.clause.taskTitle)) : null,
          view.sectionAim ? h('dt', {}, cardText('cardAim')) : null,
          view.sectionAim ? h('dd', { lang: 'zh-CN' }, toDisplayText(view.sectionAim)) : null,
        ),
    h(
      'footer',
      {},
      button(cardText('cardCopy'), 'copy', actions.copy),
      button(cardText('cardOpenReport'), 'open', actions.openReport),
      h('span', { class: 'status', role: 'status', 'aria-live': 'polite' }),
    ),
  );
}

/** A card holding only a message (loading, failed). */
export function renderMessage(term: string, message: string): HTMLElement {
  return h(
    'div',
    { class: 'card', role: 'dialog', tabindex: '-1', 'aria-label': cardText('cardLabel', term) },
    h('header', {}, h('span', { class: 'term' }, term)),
    h('p', { class: 'message' }, message),
  );
}
