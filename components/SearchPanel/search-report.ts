// The search panel's answers from the background's index of the report: the
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
      path: hit.view.clause.path,
      targets: hit.view.targets,
      match: hit.match,
    })),
  };
}

export function searchReport(query: string, limit: number): Promise<SearchAnswer> {
  return askBackground('search', { query, limit }).then(answerOf);
}
