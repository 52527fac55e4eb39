// The reader's settings, in browser.storage.local through WXT's storage items.
// The item is versioned: a later release adds a migration here and upgrades
// stored settings without loss (never a reset to defaults).

import { storage } from 'wxt/utils/storage';
import type { SiteSettings } from '@/lib/site-state';

export type HighlightStyle = 'underline' | 'tint';

export interface Settings extends SiteSettings {
  highlightStyle: HighlightStyle;
  /** A CSS colour for the highlight. */
  highlightColor: string;
  /** How long the pointer rests on a term before its card opens. */
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  defaultOn: true,
  sites: {},
  highlightStyle: 'underline',
  highlightColor: '#c2410c',
  hoverDelayMs: 150,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, filling fields a stored copy lacks from the defaults. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...change };
  await settingsItem.setValue(next);
  return next;
}
