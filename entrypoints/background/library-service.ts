// The library's requests: add a text (run through the pipeline here, with
// jieba loaded on the first addition only), list, switch, rename, remove,
// restore a backup. Each change goes through the index store, which writes it
// in one transaction and reads the snapshot again; then open tabs are told
// (library-revision.ts). While a text is read, the page that sent it gets
// progress messages (import-progress) for its progress bar.

import { browser } from 'wxt/browser';
import { analyseTexts, type PipelineStep } from '@/lib/document/analyse-text';
import type { TermFacts } from '@/lib/document/term-facts';
import type { TraditionalTable } from '@/lib/document/script-text';
import { addText, removeDocument, renameDocument, setDocumentEnabled, type Analyse } from '@/lib/store/library';
import { importLibrary, parseBackup } from '@/lib/store/library-backup';
import { checkText } from '@/lib/store/check-text';
import { libraryList } from '@/lib/store/index-snapshot';
import { IMPORT_STEPS, type BackgroundRequests, type ImportProgress, type ImportStep, type LibraryEntry } from '@/lib/messages';
import { announceLibraryChange } from '@/extension/library-revision';
import type { PolicyLensDb } from '@/lib/store/db';
import type { IndexStore } from './index-store';
import type { SearchService } from './search-service';

type Req<K extends keyof BackgroundRequests> = BackgroundRequests[K]['req'];
type Res<K extends keyof BackgroundRequests> = BackgroundRequests[K]['res'];

export interface LibraryService {
  importDocument(request: Req<'import-document'>): Promise<Res<'import-document'>>;
  list(): Promise<LibraryEntry[]>;
  remove(documentId: string): Promise<void>;
  rename(documentId: string, title: string): Promise<void>;
  setEnabled(documentId: string, enabled: boolean): Promise<void>;
  importBackup(request: Req<'import-library'>): Promise<Res<'import-library'>>;
}

export interface LibraryData {
  facts: TermFacts;
  traditional: TraditionalTable;
}

/** Tells the page that asked how far the addition is; a page that went away is no failure. */
function progressReporter(progressId: string | undefined, total: number) {
  let done = 0;
  return async (step: ImportStep) => {
    if (!progressId) return;
    const message: ImportProgress = { type: 'import-progress', progressId, step, done: Math.min(done++, total), total };
    await browser.runtime.sendMessage(message).catch(() => undefined);
    // The pipeline's steps run without a pause: yield once so the message leaves before the next step.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
}

export function createLibraryService(store: IndexStore, search: SearchService, data: LibraryData): LibraryService {
  const analyser =
    (onStep: (step: PipelineStep) => Promise<void>): Analyse =>
    (input) =>
      analyseTexts([input], { facts: data.facts, traditional: data.traditional, onStep });

  /** A change of the library: written, the snapshot made again (from the `affected` documents' rows, or all), search reset, tabs told. */
  async function change<T>(work: (db: PolicyLensDb) => Promise<T>, affected?: (result: T) => string[]): Promise<T> {
    const result = await store.changeLibrary(work, affected);
    search.reset();
    await announceLibraryChange();
    return result;
  }

  return {
    async importDocument({ title, text, source, progressId }) {
      const report = progressReporter(progressId, IMPORT_STEPS.length);
      await report('check');
      checkText(text);
      return change(
        (db) =>
          addText(db, { title, text, ...(source ? { source } : {}) }, async (input) => {
            const analysed = await analyser(report)(input);
            await report('store');
            return analysed;
          }),
        (result) => (result.added ? [result.documentId] : []),
      );
    },
    async list() {
      return libraryList(await store.ready());
    },
    async remove(documentId) {
      await change((db) => removeDocument(db, documentId), () => [documentId]);
    },
    async rename(documentId, title) {
      await change((db) => renameDocument(db, documentId, title), () => [documentId]);
    },
    async setEnabled(documentId, enabled) {
      await change((db) => setDocumentEnabled(db, documentId, enabled), () => [documentId]);
    },
    async importBackup({ backup, progressId }) {
      const parsed = parseBackup(backup);
      const total = parsed.documents.length * IMPORT_STEPS.length;
      const report = progressReporter(progressId, total);
      return change((db) =>
        importLibrary(db, parsed, async (input) => {
          await report('check');
          const analysed = await analyser(report)(input);
          await report('store');
          return analysed;
        }),
      );
    },
  };
}
