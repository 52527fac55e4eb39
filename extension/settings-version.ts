// The stored settings' version and migrations, apart from WXT's storage item
// (settings.ts) so the content script can read the settings without that
// item: defining it reads storage at once (WXT checks the stored version the
// moment an item is defined), and its library went into every page.

import { DEFAULT_SETTINGS, type Settings } from '@/lib/default-settings';
import { NEXT_RELEASE_REHEARSAL } from './release-rehearsal';

/** Fills the fields a stored copy lacks from the defaults and keeps every field it has. */
const keepAndFill = (stored: Settings): Settings => ({ ...DEFAULT_SETTINGS, ...stored });

/**
 * The version of the stored shape, and the migrations that bring an older
 * stored copy up to it, keyed by the version each one produces. A release that
 * changes the shape raises SETTINGS_VERSION and adds its migration here; WXT
 * runs the missing ones in order when the item is first used after the update
 * and records the version in the item's meta (`settings$`). Every context that
 * imports settings.ts (background, pages) may run them at once, so a migration
 * must give the same result when run twice.
 * The rehearsal build (release-rehearsal.ts) raises the version by one with
 * keepAndFill, the migration a release that adds a field would declare.
 */
export const SETTINGS_VERSION = NEXT_RELEASE_REHEARSAL ? 2 : 1;
export const SETTINGS_MIGRATIONS: Record<number, (stored: Settings) => Settings> = NEXT_RELEASE_REHEARSAL ? { 2: keepAndFill } : {};

/** The storage.local keys of the item and of its meta, as WXT names them for 'local:settings'. */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_META_KEY = 'settings$';

/**
 * The settings from what storage.local holds under SETTINGS_KEY and
 * SETTINGS_META_KEY, for a reader without WXT's item: a copy older than this
 * release (read before the background or a page has migrated it) is migrated
 * here in memory, as the item would, and the fields it lacks are filled from
 * the defaults.
 */
export function storedSettings(stored: Record<string, unknown>): Settings {
  let value = stored[SETTINGS_KEY] as Settings | undefined;
  if (value) {
    const meta = stored[SETTINGS_META_KEY] as { v?: number } | undefined;
    for (let v = (meta?.v ?? 1) + 1; v <= SETTINGS_VERSION; v++) value = SETTINGS_MIGRATIONS[v]?.(value) ?? value;
  }
  return { ...DEFAULT_SETTINGS, ...value };
}
