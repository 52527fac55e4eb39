// Which sentence tells the reader how a page's figure stands to the report's,
// for the card and for the popup's list alike: agreement or disagreement only
// where the two figures compare, otherwise why they do not. The key names a
// message in public/_locales; each context looks it up in its own language.

import type { FigureCard } from './messages';

export type RelationMessageKey =
  | 'cardRelationSame'
  | 'cardRelationSameResult'
  | 'cardRelationAbove'
  | 'cardRelationBelow'
  | 'cardRelationAboveResult'
  | 'cardRelationBelowResult'
  | 'cardScopeUnit'
  | 'cardScopeCumulative'
  | 'cardScopeUntil'
  | 'cardScopePartYear'
  | 'cardScopeYear'
  | 'cardScopeOtherYear';

export interface RelationMessage {
  key: RelationMessageKey;
  substitutions: number[];
}

export function relationMessage(card: Pick<FigureCard, 'relation' | 'target' | 'page' | 'targetYear'>): RelationMessage {
  const { relation, direction, reason } = card.relation;
  const result = card.target.kind === 'result';
  const say = (key: RelationMessageKey, ...substitutions: number[]): RelationMessage => ({ key, substitutions });
  if (relation === 'same') return say(result ? 'cardRelationSameResult' : 'cardRelationSame');
  if (relation === 'differs') {
    if (direction === 'above') return say(result ? 'cardRelationAboveResult' : 'cardRelationAbove');
    return say(result ? 'cardRelationBelowResult' : 'cardRelationBelow');
  }
  switch (reason) {
    case 'unit':
      return say('cardScopeUnit');
    case 'until':
      return say('cardScopeUntil');
    case 'part-year':
      return say('cardScopePartYear');
    case 'year':
      return card.page.year ? say('cardScopeYear', card.page.year, card.targetYear) : say('cardScopeOtherYear');
    default:
      return say('cardScopeCumulative');
  }
}
