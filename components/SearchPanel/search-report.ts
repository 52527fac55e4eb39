// The search panel's answers from the background's index of the library: the
// popup's search and the welcome page's.

import type { SearchResult } from '@/lib/messages';
import { askBackground } from '@/extension/background-client';
import type { SearchAnswer } from './SearchPanel';

function answerOf(result: SearchResult): SearchAnswer {
  return {
    query: result.query,
    suggestions: result.suggestions,
    items: result.hits.map((hit) => ({
      clauseId: hit.view.clause.id,
      text: hit.view.clause.text,
      marks: hit.marks,
      // The document as the library names it now (the reader may have renamed it).
      path: [hit.view.docTitle, ...hit.view.clause.path.slice(1)],
      targets: hit.view.targets,
      match: hit.match,
    })),
  };
}

/** docId limits the search to one document of the library. */
export function searchReport(query: string, limit: number, docId?: string): Promise<SearchAnswer> {
  return askBackground('search', { query, limit, ...(docId ? { docId } : {}) }).then(answerOf);
}
