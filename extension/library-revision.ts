// The signal that the library changed (a document added, switched, renamed or
// removed): a number in browser.storage.local that the background raises after
// each change. Content scripts watch it, as they watch the settings, and ask
// again for the term table, so open tabs show the change without a reload.

import { storage } from 'wxt/utils/storage';
import { LIBRARY_REVISION_KEY } from './library-revision-key';

export const libraryRevisionItem = storage.defineItem<number>(`local:${LIBRARY_REVISION_KEY}`, { fallback: 0 });

/** Raises the revision: every watching tab re-asks for its terms. */
export async function announceLibraryChange(): Promise<void> {
  await libraryRevisionItem.setValue((await libraryRevisionItem.getValue()) + 1);
}
