// Builds the card's DOM from a clause card. Every string from the report goes
// in as text (textContent), never as HTML.

import type { ClauseCard } from '@/lib/messages';
import type { Target } from '@/lib/model';
import { toDisplayText } from '@/lib/display-text';
import { cardText } from './card-text';

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
  el.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
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

export function renderCard(card: ClauseCard, actions: CardActions): HTMLElement {
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
      h('span', { class: 'term', lang: 'zh-CN' }, card.term),
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
    clauseWithTerm(clauseText, card.marks),
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
