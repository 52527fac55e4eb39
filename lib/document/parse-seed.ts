// Reads the bundled seed into its documents (the work report, then the
// deputy's article), their outline and their clauses: the general reader
// (read-document.ts) under the seed's rules, every failure named with the
// seed file, so that the build says which seed is wrong and why.

import { readDocuments, ReadError, type ReadDocuments } from './read-document';

export type ParsedSeed = ReadDocuments;

export function parseSeed(text: string, source: string): ParsedSeed {
  try {
    return readDocuments(text, { source, mode: 'seed' });
  } catch (error) {
    if (error instanceof ReadError) throw new Error(`Seed ${source}: ${error.message}`);
    throw error;
  }
}
