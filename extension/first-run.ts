// What PolicyLens has shown the reader of its own accord, in
// browser.storage.local: the welcome page (once, on install) and the note on
// what changed (once, after an update whose release notes matter). Kept
// apart from the settings: the reader never edits it, and a reset of the
// settings must not bring the welcome page back.

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ReleaseNotes } from '@/lib/release-notes';
import { releaseNotesFor } from './release-notes';

export interface FirstRunState {
  /** The welcome page was opened once: it never opens by itself again. */
  welcomeShown: boolean;
  /** The release whose "what's new" note the popup has yet to show. */
  pendingNote?: string;
  /**
   * The last runtime.onInstalled the background handled. An unpacked build
   * reports 'install' at every launch: this tells a launch the background has
   * dealt with from one it has not reached yet.
   */
  lastInstall?: { reason: string; version: string };
}

const FRESH: FirstRunState = { welcomeShown: false };

export const firstRunItem = storage.defineItem<FirstRunState>('local:firstRun', {
  fallback: FRESH,
  version: 1,
  // Always an object, for the reason extension/settings.ts gives: WXT records the version only with one.
  migrations: {},
});

export async function readFirstRun(): Promise<FirstRunState> {
  return { ...FRESH, ...(await firstRunItem.getValue()) };
}

/** Applies a change to the stored state, after reading it afresh. */
export async function updateFirstRun(change: (state: FirstRunState) => Partial<FirstRunState>): Promise<FirstRunState> {
  const current = await readFirstRun();
  const next = { ...current, ...change(current) };
  await firstRunItem.setValue(next);
  return next;
}

/** The welcome page's address. */
export function welcomeUrl(): string {
  // welcome.html is an unlisted page: WXT's PublicPath type learns it only after `wxt prepare`.
  return (browser.runtime.getURL as (path: string) => string)('/welcome.html');
}

export interface UpdateNote {
  version: string;
  notes: ReleaseNotes;
}

/**
 * The note on what the running version brings, if an update to it left one
 * pending; taking it clears it, so it is shown once whether or not the
 * reader dismisses it.
 */
export async function takeUpdateNote(): Promise<UpdateNote | undefined> {
  const version = browser.runtime.getManifest().version;
  const { pendingNote } = await readFirstRun();
  if (pendingNote === undefined) return undefined;
  await updateFirstRun(() => ({ pendingNote: undefined }));
  const notes = releaseNotesFor(version);
  return pendingNote === version && notes ? { version, notes } : undefined;
}
