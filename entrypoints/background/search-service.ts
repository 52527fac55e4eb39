// Search for the popup and the report view. The index is built as soon as
// the snapshot is ready, so the popup's first query does not pay for it.
// jieba's wasm takes about half a second to start and would compete with that
// first query, so it warms up a moment later; until then the search runs
// without it (bigrams and the index vocabulary find the same clauses; jieba
// refines the ranking of words it splits differently).

import { addWord, cutForSearch, initJieba } from '@/lib/jieba';
import { clauseView, type IndexSnapshot } from '@/lib/index-snapshot';
import { createSearchIndex, type SearchIndex } from '@/lib/search';
import type { Clause } from '@/lib/model';
import type { SearchHit, SearchResult } from '@/lib/messages';
import type { IndexStore } from './index-store';

/** How long after the index is ready jieba starts warming up. */
const JIEBA_WARM_DELAY_MS = 1000;

export interface SearchService {
  search(query: string, limit: number): Promise<SearchResult>;
  /** Forgets the index, after a rebuild. */
  reset(): void;
}

export function createSearchService(store: IndexStore): SearchService {
  let built: Promise<{ snapshot: IndexSnapshot; index: SearchIndex<Clause> }> | undefined;
  let jiebaReady = false;

  function build() {
    return (built ??= store.ready().then((snapshot) => {
      setTimeout(() => warmJieba(snapshot), JIEBA_WARM_DELAY_MS);
      return { snapshot, index: createSearchIndex(snapshot) };
    }));
  }

  function warmJieba(snapshot: IndexSnapshot) {
    initJieba()
      .then(() => {
        for (const term of snapshot.terms) addWord(term.term);
        jiebaReady = true;
      })
      .catch((error: unknown) => console.warn('PolicyLens: jieba unavailable; searching without it', error));
  }

  void build();

  return {
    async search(query, limit) {
      const { snapshot, index } = await build();
      const result = index.search(query, limit, jiebaReady ? { cutForSearch: (s) => cutForSearch(s) } : {});
      const hits: SearchHit[] = [];
      for (const hit of result.hits) {
        const view = clauseView(snapshot, hit.clause.id);
        if (view) hits.push({ view, score: hit.score, match: hit.match, marks: hit.marks });
      }
      return { query: result.query, hits, suggestions: result.suggestions };
    },
    reset() {
      built = undefined;
      void build();
    },
  };
}
