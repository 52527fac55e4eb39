// Adding a document from an extension page (the library page, the popup):
// the text is checked here first, so a 50 MB paste is refused at once without
// crossing the message boundary, then sent to the background, whose progress
// messages for this request move the page's progress bar.

import { browser } from 'wxt/browser';
import { checkText } from '@/lib/store/check-text';
import { LibraryError } from '@/lib/store/library-error';
import type { BackgroundRequests, ImportProgress } from '@/lib/messages';
import { askBackground } from './background-client';
import { librarySentence } from './library-sentence';

/** A document as a reader of a source gives it: a tab, a file, a paste. */
export interface DocumentText {
  title: string;
  text: string;
  source: string;
}

export type AddResult = BackgroundRequests['import-document']['res'];

/** Progress of one request: steps done of total. */
export type OnProgress = (progress: Pick<ImportProgress, 'step' | 'done' | 'total'>) => void;

let requests = 0;

/** Listens for the background's progress messages about one request while `work` runs. */
async function withProgress<T>(onProgress: OnProgress | undefined, work: (progressId: string) => Promise<T>): Promise<T> {
  const progressId = `${Date.now().toString(36)}-${requests++}`;
  const listener = (message: unknown) => {
    const m = message as Partial<ImportProgress> | undefined;
    if (m?.type === 'import-progress' && m.progressId === progressId && m.step) {
      onProgress?.({ step: m.step, done: m.done ?? 0, total: m.total ?? 1 });
    }
  };
  browser.runtime.onMessage.addListener(listener);
  try {
    return await work(progressId);
  } finally {
    browser.runtime.onMessage.removeListener(listener);
  }
}

/** Adds a text to the library; rejects with the sentence to show when it is refused. */
export async function addDocument(document: DocumentText, onProgress?: OnProgress): Promise<AddResult> {
  try {
    checkText(document.text);
  } catch (error) {
    if (error instanceof LibraryError) throw new Error(librarySentence(error));
    throw error;
  }
  return withProgress(onProgress, (progressId) => askBackground('import-document', { ...document, progressId }));
}

/** Restores a library backup file's text; rejects with the sentence to show when it is refused. */
export function importLibraryBackup(backup: string, onProgress?: OnProgress): Promise<BackgroundRequests['import-library']['res']> {
  return withProgress(onProgress, (progressId) => askBackground('import-library', { backup, progressId }));
}
