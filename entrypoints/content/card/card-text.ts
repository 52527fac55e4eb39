// The card's words, Chinese first: chrome.i18n picks zh_CN or en from the
// browser's language. The keys live in public/_locales/*/messages.json.

import { browser } from 'wxt/browser';
import type { RelationMessageKey } from '@/lib/figure-message';

export type CardMessage =
  | 'cardLabel'
  | 'cardCommitment'
  | 'cardResult'
  | 'cardTask'
  | 'cardAim'
  | 'cardClauseOf'
  | 'cardPrevious'
  | 'cardNext'
  | 'cardCopy'
  | 'cardCopied'
  | 'cardCopyFailed'
  | 'cardOpenReport'
  | 'cardOpenFailed'
  | 'cardClose'
  | 'cardLoading'
  | 'cardFailed'
  | 'cardTargets'
  | 'cardRelatedTo'
  | 'cardFigures'
  | 'cardReportTarget'
  | 'cardReportResult'
  | 'cardPageFigure'
  | 'cardAcross'
  | RelationMessageKey
  | 'htmlLang';

export function cardText(key: CardMessage, ...substitutions: (string | number)[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions.map(String)) || key;
  } catch {
    // The extension was reloaded under this page: the card is closing anyway.
    return key;
  }
}
