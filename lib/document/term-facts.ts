// The reviewed facts the text cannot give, shipped with the code so that the
// build script and a runtime import (the library) read the same ones:
// abbreviations and their full forms (seeds/abbreviations.json), words
// that names print short or in full (seeds/word-abbreviations.json: 国企 in
// 国企改革深化提升行动) and near-synonyms inside programme names
// (seeds/synonyms.json). A malformed file stops the build with a sentence
// naming it.

import abbreviationRows from '../../seeds/abbreviations.json';
import wordAbbreviationRows from '../../seeds/word-abbreviations.json';
import synonymRows from '../../seeds/synonyms.json';
import type { AbbreviationEntry } from './extract-terms';
import type { SynonymGroup, WordAbbreviation } from './term-variants';

export interface TermFacts {
  abbreviations: AbbreviationEntry[];
  wordAbbreviations: WordAbbreviation[];
  synonyms: SynonymGroup[];
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

export function checkTermFacts(abbreviations: unknown, wordAbbreviations: unknown, synonyms: unknown): TermFacts {
  if (!Array.isArray(abbreviations) || !abbreviations.every((e) => typeof e?.short === 'string' && isStringList(e.full))) {
    throw new Error('seeds/abbreviations.json must be a list of { "short": string, "full": string[] }');
  }
  if (!Array.isArray(wordAbbreviations) || !wordAbbreviations.every((e) => typeof e?.short === 'string' && typeof e?.full === 'string')) {
    throw new Error('seeds/word-abbreviations.json must be a list of { "short": string, "full": string }');
  }
  if (!Array.isArray(synonyms) || !synonyms.every((g) => isStringList(g?.words) && g.words.length >= 2)) {
    throw new Error('seeds/synonyms.json must be a list of { "words": [at least two strings] }');
  }
  return { abbreviations, wordAbbreviations, synonyms };
}

export const TERM_FACTS: TermFacts = checkTermFacts(abbreviationRows, wordAbbreviationRows, synonymRows);
