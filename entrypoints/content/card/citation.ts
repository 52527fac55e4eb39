// The citation a reader pastes into a note or an article: the clause as the
// report prints it, then where it stands.

import type { ClauseCard } from '@/lib/messages';
import { toDisplayText } from '@/lib/display-text';

export function formatCitation(card: ClauseCard): string {
  const { view } = card;
  const where = [view.docTitle, ...view.clause.path.slice(1)].filter(Boolean).map(toDisplayText).join(' › ');
  return `“${toDisplayText(view.clause.text)}”——${where}`;
}
