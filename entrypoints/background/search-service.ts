// Search for the popup and the report view. The index is built from the
// snapshot on first use. jieba's wasm takes about half a second to start, so
// it warms up after the index is ready and the search runs without it until
// then (bigrams and the index vocabulary find the same clauses; jieba refines
// the ranking of words it splits differently).

import { addWord, cutForSearch, initJieba } from '@/lib/jieba';
import { clauseView, type IndexSnapshot } from '@/lib/index-snapshot';
import { createSearchIndex, type SearchIndex } from '@/lib/search';
import type { Clause } from '@/lib/model';
import type { SearchHit, SearchResult } from '@/lib/messages';
import type { IndexStore } from './index-store';

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
      warmJieba(snapshot);
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
    },
  };
}
