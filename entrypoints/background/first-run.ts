// What the background shows the reader of its own accord, on
// runtime.onInstalled: the welcome page on install (once: an unpacked build
// reports 'install' at every launch, so the stored flag decides), never on
// update; and, on an update to a release whose notes matter, a note the
// popup shows once (no tab is opened on an updated reader).

import { browser } from 'wxt/browser';
import { updateFirstRun, welcomeUrl } from '@/extension/first-run';
import { releaseNotesFor } from '@/extension/release-notes';

interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

export async function handleInstalled({ reason, previousVersion }: InstalledDetails): Promise<void> {
  const version = browser.runtime.getManifest().version;
  if (reason === 'install') {
    let opening = false;
    // Marked before the tab opens: a second launch right after the first must find the flag set.
    await updateFirstRun((state) => {
      opening = !state.welcomeShown;
      return { welcomeShown: true };
    });
    if (opening) {
      await browser.tabs.create({ url: welcomeUrl() }).catch(async (error: unknown) => {
        // Not shown after all (no window to open it in): the next install event may try again.
        await updateFirstRun(() => ({ welcomeShown: false }));
        throw error;
      });
    }
  } else if (reason === 'update' && previousVersion !== version && releaseNotesFor(version)?.matters) {
    await updateFirstRun(() => ({ pendingNote: version }));
  }
  await updateFirstRun(() => ({ lastInstall: { reason, version } }));
}

/** Call once, synchronously, when the background starts (listeners must exist before events are dispatched). */
export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error: unknown) => console.error('PolicyLens first run:', error));
  });
}
