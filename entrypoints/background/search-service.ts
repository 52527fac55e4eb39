// Search for the popup and the report view. The index is built as soon as
// the snapshot is ready, so the popup's first query does not pay for it.
// Queries are cut against the index vocabulary that jieba produced at build
// time (lib/search/search-tokens.ts says why no jieba runs here).

import { clauseView, type IndexSnapshot } from '@/lib/store/index-snapshot';
import { createSearchIndex, type SearchIndex } from '@/lib/search/search';
import type { Clause } from '@/lib/model';
import type { SearchHit, SearchResult } from '@/lib/messages';
import type { IndexStore } from './index-store';

export interface SearchService {
  /** Searches every document, or the one `docId` names. */
  search(query: string, limit: number, docId?: string): Promise<SearchResult>;
  /**
   * Forgets the index, after a rebuild or a change of the library; the next
   * search builds it again. Not rebuilt at once: that would hold back the reply
   * to the change by the time it takes (0.1–0.2 s for a 100,000-character document).
   */
  reset(): void;
}

export function createSearchService(store: IndexStore): SearchService {
  let built: Promise<{ snapshot: IndexSnapshot; index: SearchIndex<Clause> }> | undefined;
  /** One index per document a filter asked for, built on its first query (a document's clauses: a few milliseconds). */
  let byDocument = new Map<string, SearchIndex<Clause>>();

  function build() {
    return (built ??= store.ready().then((snapshot) => ({ snapshot, index: createSearchIndex(snapshot) })));
  }

  function documentIndex(snapshot: IndexSnapshot, docId: string): SearchIndex<Clause> {
    let index = byDocument.get(docId);
    if (!index) {
      index = createSearchIndex({ ...snapshot, clauses: snapshot.clausesByDoc.get(docId) ?? [] });
      byDocument.set(docId, index);
    }
    return index;
  }

  void build();

  return {
    async search(query, limit, docId) {
      const { snapshot, index } = await build();
      const result = (docId ? documentIndex(snapshot, docId) : index).search(query, limit);
      const hits: SearchHit[] = [];
      for (const hit of result.hits) {
        const view = clauseView(snapshot, hit.clause.id);
        if (view) hits.push({ view, score: hit.score, match: hit.match, marks: hit.marks });
      }
      return { query: result.query, hits, suggestions: result.suggestions };
    },
    reset() {
      built = undefined;
      byDocument = new Map();
    },
  };
}
