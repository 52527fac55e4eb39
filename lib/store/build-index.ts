// seeds/ → the index bundle: the pipeline (lib/document/analyse-text.ts) over
// the seed files, the fold map, and the version. Pure apart from jieba, so
// the unit tests build the very bundle the extension ships.

import type { IndexBundle } from '../model';
import { analyseTexts } from '../document/analyse-text';
import { TERM_FACTS, type TermFacts } from '../document/term-facts';
import type { TraditionalTable } from '../document/script-text';
import { buildTraditionalTable } from '../document/traditional-table';
import { buildFoldMap } from '../match/build-fold-map';
import { stableId } from '../document/stable-id';
import { bundleProblems } from './check-bundle';
import { placesOf } from './region-places';

/** Bumped when the shape of the bundle's rows changes, so every install reloads. */
export const BUNDLE_SCHEMA = 1;

export interface SeedFile {
  name: string;
  text: string;
}

export async function buildIndex(
  seeds: SeedFile[],
  facts: TermFacts = TERM_FACTS,
  traditional: TraditionalTable = buildTraditionalTable(),
): Promise<IndexBundle> {
  const { documents, clauses, targets, terms } = await analyseTexts(
    seeds.map((seed) => ({ text: seed.text, source: seed.name, mode: 'seed' })),
    { facts, traditional },
  );
  const foldMap = buildFoldMap(traditional, terms, [...clauses.map((c) => c.text), ...placesOf(documents.map((d) => d.region))]);
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
