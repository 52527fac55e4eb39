// The reader's settings, in browser.storage.local through WXT's storage items.
// The item is versioned: a later release adds a migration (settings-version.ts)
// and upgrades stored settings without loss (never a reset to defaults).

import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/default-settings';
import { SETTINGS_KEY, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './settings-version';

export { DEFAULT_SETTINGS, type HighlightStyle, type Settings } from '@/lib/default-settings';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  // Always an object: WXT skips its migration step entirely when `migrations` is
  // absent, and then never records the version a later release migrates from.
  migrations: SETTINGS_MIGRATIONS,
});

/** Reads the settings, filling fields a stored copy lacks from the defaults. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** The last change this context started (see updateSettings). */
let pendingUpdate: Promise<unknown> = Promise.resolve();

/**
 * Applies a change to the stored settings. The changes one context makes run
 * one after another: run at once (the options page's style, then its colour,
 * a moment later) each read the same stored copy and the second write undid
 * the first change. A change may be a function of the current settings, for a
 * field like `sites` that a change extends rather than replaces.
 */
export function updateSettings(change: Partial<Settings> | ((current: Settings) => Partial<Settings>)): Promise<Settings> {
  const apply = async () => {
    const current = await readSettings();
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    await settingsItem.setValue(next);
    return next;
  };
  const result = pendingUpdate.then(apply, apply);
  pendingUpdate = result.catch(() => undefined);
  return result;
}
