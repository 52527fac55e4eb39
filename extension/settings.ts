// The reader's settings, in browser.storage.local through WXT's storage items.
// The item is versioned: a later release adds a migration here and upgrades
// stored settings without loss (never a reset to defaults).

import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/default-settings';
import { NEXT_RELEASE_REHEARSAL } from './release-rehearsal';

export { DEFAULT_SETTINGS, type HighlightStyle, type Settings } from '@/lib/default-settings';

/** Fills the fields a stored copy lacks from the defaults and keeps every field it has. */
const keepAndFill = (stored: Settings): Settings => ({ ...DEFAULT_SETTINGS, ...stored });

/**
 * The version of the stored shape, and the migrations that bring an older
 * stored copy up to it, keyed by the version each one produces. A release that
 * changes the shape raises SETTINGS_VERSION and adds its migration here; WXT
 * runs the missing ones in order when the item is first used after the update
 * and records the version in the item's meta (`settings$`). Every context that
 * imports this module (background, pages, content scripts) may run them at
 * once, so a migration must give the same result when run twice.
 * The rehearsal build (release-rehearsal.ts) raises the version by one with
 * keepAndFill, the migration a release that adds a field would declare.
 */
export const SETTINGS_VERSION = NEXT_RELEASE_REHEARSAL ? 2 : 1;
const SETTINGS_MIGRATIONS: Record<number, (stored: Settings) => Settings> = NEXT_RELEASE_REHEARSAL ? { 2: keepAndFill } : {};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
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
