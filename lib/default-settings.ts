// The shape of the reader's settings and their defaults: plain data, so Node
// (tests, the benchmark) reads them without the extension's storage API.
// extension/settings.ts stores them.

import type { SiteSettings } from './site-state';

export type HighlightStyle = 'underline' | 'tint';

export interface Settings extends SiteSettings {
  highlightStyle: HighlightStyle;
  /** A CSS colour for the highlight. */
  highlightColor: string;
  /** How long the pointer rests on a term before its card opens. */
  hoverDelayMs: number;
  /** Whether related mentions (a swapped word, a slogan with a part missing) are marked and open cards. */
  showRelated: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  defaultOn: true,
  sites: {},
  highlightStyle: 'underline',
  highlightColor: '#c2410c',
  hoverDelayMs: 150,
  showRelated: true,
};
