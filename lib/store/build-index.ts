// seeds/ → the index bundle: documents and clauses (parse-seed), targets,
// terms, each clause's search tokens, and the fold map. Pure apart from jieba,
// so the unit tests build the very bundle the extension ships.

import type { Clause, IndexBundle } from '../model';
import { parseSeed } from '../document/parse-seed';
import { extractTargets } from '../document/extract-targets';
import { extractTerms } from '../document/extract-terms';
import { TERM_FACTS, type TermFacts } from '../document/term-facts';
import { withMetricTerms } from '../document/metric-terms';
import { buildFoldMap } from '../match/build-fold-map';
import { clauseSearchTokens } from '../search/search-tokens';
import { cutForSearch, initJieba } from '../document/jieba';
import { stableId } from '../document/stable-id';
import { bundleProblems } from './check-bundle';

/** Bumped when the shape of the bundle's rows changes, so every install reloads. */
export const BUNDLE_SCHEMA = 1;

export interface SeedFile {
  name: string;
  text: string;
}

export async function buildIndex(seeds: SeedFile[], facts: TermFacts = TERM_FACTS): Promise<IndexBundle> {
  await initJieba();
  const documents: IndexBundle['documents'] = [];
  const parsedClauses: Omit<Clause, 'tokens'>[] = [];
  for (const seed of seeds) {
    const parsed = parseSeed(seed.text, seed.name);
    for (const doc of parsed.documents) documents.push({ ...doc, order: documents.length });
    parsedClauses.push(...parsed.clauses);
  }
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const targets = parsedClauses.flatMap((clause) => {
    const doc = documentById.get(clause.docId);
    if (!doc) throw new Error(`clause ${clause.id} has no document: ${clause.text}`);
    return extractTargets(clause, doc);
  });
  // extractTerms teaches jieba every term, so the search tokens below keep them whole.
  const bylines = documents.flatMap((d) => (d.byline ? [d.byline] : []));
  const namedTerms = await extractTerms({ clauses: parsedClauses, ...facts, bylines });
  const terms = withMetricTerms({ targets, documents, terms: namedTerms, facts });
  const formsByClause = new Map<string, string[]>();
  for (const term of terms) {
    for (const id of term.clauseIds) formsByClause.set(id, [...(formsByClause.get(id) ?? []), ...term.forms]);
  }
  const clauses: Clause[] = parsedClauses.map((clause) => ({
    ...clause,
    tokens: clauseSearchTokens(clause.text, (s) => cutForSearch(s), formsByClause.get(clause.id) ?? []),
  }));
  const foldMap = buildFoldMap(terms, clauses.map((c) => c.text));
  const content = { builtFrom: seeds.map((s) => s.name), documents, clauses, targets, terms, foldMap };
  const bundle: IndexBundle = {
    version: `${BUNDLE_SCHEMA}-${stableId(JSON.stringify(content))}`,
    ...content,
  };
  const problems = bundleProblems(bundle);
  if (problems.length > 0) {
    throw new Error(`The index breaks ${problems.length} invariant(s):\n- ${problems.join('\n- ')}`);
  }
  return bundle;
}
