// The background's message router: validates every request (lib/messages.ts),
// answers from the index snapshot, and always replies with a Reply envelope,
// so a malformed message gets an error sentence and the background keeps serving.
// Requests that open a tab pass the OpenTabLimiter first.

import {
  validateBackgroundMessage,
  type BackgroundMessage,
  type BackgroundRequests,
  type BackgroundRequestType,
  type Reply,
} from '@/lib/messages';
import { clauseCard, clauseView, figureCard, termTable } from '@/lib/store/index-snapshot';
import { resolveSiteState } from '@/lib/site-state';
import { readSettings } from '@/extension/settings';
import { reportUrl } from '@/extension/report-url';
import { browser } from 'wxt/browser';
import { LibraryError } from '@/lib/store/library-error';
import type { IndexStore } from './index-store';
import { OpenTabLimiter, type OpenTabSender } from './open-tab-limiter';
import type { SearchService } from './search-service';
import type { LibraryService } from './library-service';
import { librarySentence } from '@/extension/library-sentence';

type Handlers = {
  [K in BackgroundRequestType]: (
    message: Extract<BackgroundMessage, { type: K }>,
  ) => Promise<BackgroundRequests[K]['res']>;
};

/** The requests that open a tab: a later one that opens an extension page joins this list. */
const OPENS_A_TAB: ReadonlySet<BackgroundRequestType> = new Set<BackgroundRequestType>(['open-report']);

export function createMessageHandler(
  store: IndexStore,
  search: SearchService,
  library: LibraryService,
  limiter = new OpenTabLimiter(),
) {
  const handlers: Handlers = {
    async 'site-state'({ url }) {
      return resolveSiteState(await readSettings(), url);
    },
    async 'term-table'() {
      return termTable(await store.ready());
    },
    async 'clause-card'({ termId, index }) {
      const card = clauseCard(await store.ready(), termId, index);
      if (!card) throw new Error(`unknown term: ${termId}`);
      return card;
    },
    async 'figure-card'({ termId, index, figure, pageYear }) {
      const card = figureCard(await store.ready(), termId, index, figure, pageYear);
      if (!card) throw new Error(`no target for term: ${termId}`);
      return card;
    },
    async 'clause-view'({ clauseId }) {
      const view = clauseView(await store.ready(), clauseId);
      if (!view) throw new Error(`unknown clause: ${clauseId}`);
      return view;
    },
    async 'index-status'() {
      return store.status();
    },
    async search({ query, limit, docId }) {
      return search.search(query, limit, docId);
    },
    async rebuild() {
      const status = await store.rebuild();
      search.reset();
      return status;
    },
    async 'open-report'({ clauseId }) {
      await browser.tabs.create({ url: reportUrl({ clauseId }) });
      return { opened: true };
    },
    async 'import-document'(request) {
      return library.importDocument(request);
    },
    async 'list-documents'() {
      return library.list();
    },
    async 'remove-document'({ documentId }) {
      await library.remove(documentId);
      return { removed: true };
    },
    async 'rename-document'({ documentId, title }) {
      await library.rename(documentId, title);
      return { renamed: true };
    },
    async 'set-document-enabled'({ documentId, enabled }) {
      await library.setEnabled(documentId, enabled);
      return { enabled };
    },
    async 'import-library'(request) {
      return library.importBackup(request);
    },
  };

  return async function handleMessage(message: unknown, sender: OpenTabSender): Promise<Reply<unknown>> {
    // Validation inside the try too: a throw there rejected this promise, and the
    // listener's sendResponse never ran, leaving the sender waiting for a reply that never came.
    try {
      const valid = validateBackgroundMessage(message);
      if (typeof valid === 'string') return { ok: false, error: valid };
      if (OPENS_A_TAB.has(valid.type) && !limiter.allow(sender)) {
        return { ok: false, error: `${valid.type} refused: one tab a second from each page` };
      }
      const handler = handlers[valid.type] as (m: BackgroundMessage) => Promise<unknown>;
      return { ok: true, value: await handler(valid) };
    } catch (error) {
      if (error instanceof LibraryError) return { ok: false, error: librarySentence(error) };
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
