// The one pipeline from a report text to its index rows, run by the build
// script for the bundled seed and by the background for a text the reader
// adds: read the structure (documents, outline, clauses), then targets, then
// terms, then each clause's search tokens, in that order, each step a line
// here. Pure apart from jieba, so the unit tests run the very code both use.

import type { Clause, ReportDocument, Target, Term } from '../model';
import { readDocuments, type ReadOptions } from './read-document';
import { documentTargets, sectionPeriods } from './target-periods';
import { extractTerms } from './extract-terms';
import { withMetricTerms } from './metric-terms';
import type { TermFacts } from './term-facts';
import { simplifyScript, type TraditionalTable } from './script-text';
import { cutForSearch, initJieba } from './jieba';
import { clauseSearchTokens } from '../search/search-tokens';

export interface TextInput extends ReadOptions {
  text: string;
}

export interface AnalysedText {
  documents: ReportDocument[];
  clauses: Clause[];
  targets: Target[];
  terms: Term[];
}

/** The steps in the order they run; a progress report names the step about to start. */
export const PIPELINE_STEPS = ['structure', 'targets', 'terms', 'tokens'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

export interface PipelineContext {
  /** The reviewed facts the text cannot give (lib/document/term-facts.ts). */
  facts: TermFacts;
  /** Traditional → simplified characters, for texts printed in traditional script. */
  traditional: TraditionalTable;
  /** Told before each step; awaited, so a caller can yield (the background lets its progress messages go out). */
  onStep?: (step: PipelineStep) => void | Promise<void>;
}

/**
 * Analyses texts together: their documents in the given order, one term list
 * over all of them (the seed's report and article share their terms).
 */
export async function analyseTexts(inputs: readonly TextInput[], context: PipelineContext): Promise<AnalysedText> {
  const step = async (name: PipelineStep) => context.onStep?.(name);
  await initJieba();

  await step('structure');
  const documents: ReportDocument[] = [];
  const parsed: Omit<Clause, 'tokens'>[] = [];
  for (const { text, ...options } of inputs) {
    const read = readDocuments(simplifyScript(text, context.traditional), options);
    for (const doc of read.documents) documents.push({ ...doc, order: documents.length });
    parsed.push(...read.clauses);
  }

  await step('targets');
  const documentById = new Map(documents.map((d) => [d.id, d]));
  const periods = new Map(documents.map((d) => [d.id, sectionPeriods(d)]));
  const targets = parsed.flatMap((clause) => {
    const doc = documentById.get(clause.docId);
    if (!doc) throw new Error(`clause ${clause.id} has no document: ${clause.text}`);
    return documentTargets(clause, doc, periods.get(doc.id)!);
  });

  await step('terms');
  // extractTerms teaches jieba every term, so the search tokens below keep them whole; then every target's
  // metric is made findable (metric-terms), an existing term lending it its place where it names one.
  const bylines = documents.flatMap((d) => (d.byline ? [d.byline] : []));
  const named = await extractTerms({ clauses: parsed, ...context.facts, bylines });
  const terms = withMetricTerms({ targets, documents, terms: named, facts: context.facts });

  await step('tokens');
  const formsByClause = new Map<string, string[]>();
  for (const term of terms) {
    for (const id of term.clauseIds) formsByClause.set(id, [...(formsByClause.get(id) ?? []), ...term.forms]);
  }
  const clauses: Clause[] = parsed.map((clause) => ({
    ...clause,
    tokens: clauseSearchTokens(clause.text, (s) => cutForSearch(s), formsByClause.get(clause.id) ?? []),
  }));
  return { documents, clauses, targets, terms };
}
