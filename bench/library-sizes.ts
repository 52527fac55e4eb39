// The libraries the whole cost is measured with (issue 13, item 3): a page's
// cost must stay flat as the library grows, since the term table goes to
// every page. Each size is the extension built with its own bundled index
// (wxt.config.ts's POLICYLENS_INDEX_BUNDLE hook), so the background loads
// it, builds its matcher once and sends it to pages as it would a real one.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexBundle, Term } from '@/lib/model';
import { analyseTexts } from '@/lib/document/analyse-text';
import { TERM_FACTS } from '@/lib/document/term-facts';
import { buildTraditionalTable } from '@/lib/document/traditional-table';
import { buildFoldMap } from '@/lib/match/build-fold-map';
import { indexBundleSource } from '@/scripts/index-bundle-source';
import { syntheticTerms } from './synthetic-terms';

export interface LibrarySize {
  name: string;
  /** What the library holds, for the table. */
  label: string;
  /** The extension built with it (chrome-mv3), or why there is none yet. */
  build: { extensionDir: string } | { pending: string };
}

export const SYNTHETIC_TERM_COUNT = 10_000;

/**
 * The report's bundle with `count` synthetic terms added: strings that look
 * like its terms but occur nowhere in it (synthetic-terms.ts), so the pages'
 * matches stay the same and only the library grows. Each cites the first
 * clause, as a term must cite one.
 */
export function withSyntheticTerms(bundle: IndexBundle, seedText: string, count: number): IndexBundle {
  const forms = bundle.terms.flatMap((t) => t.forms);
  const added: Term[] = syntheticTerms(seedText, count, { foldMap: bundle.foldMap, exclude: forms }).map((t) => ({
    id: t.id,
    term: t.forms[0]!,
    kind: 'named',
    forms: t.forms,
    clauseIds: [bundle.clauses[0]!.id],
    signal: 'synthetic',
  }));
  return { ...bundle, version: `${bundle.version}+synthetic-${count}`, terms: [...bundle.terms, ...added] };
}

export const ADDED_DOCUMENT_COUNT = 10;
/** The team's fixture reports (tests/fixtures/documents), the documents a reader would add. */
const DOCUMENT_DIR = 'tests/fixtures/documents';
/** Cities whose report another added document stands in for: the fixture 2025 report with the city's name. */
const OTHER_CITIES = ['北京', '上海', '重庆', '河北', '山东', '江苏', '广东'];

/**
 * Ten documents a reader adds: the team's three fixture reports, then the
 * 2025 city report as seven other places would print it (each its own text,
 * so its own document, its place names making terms of their own).
 */
export function addedDocumentTexts(): { title: string; text: string }[] {
  const fixtures = readdirSync(DOCUMENT_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ title: name.replace(/\.txt$/, ''), text: readFileSync(join(DOCUMENT_DIR, name), 'utf8') }));
  const city = fixtures.find((f) => f.title === 'tianjin-2025-work-report')!;
  const others = OTHER_CITIES.map((name) => ({ title: `${name}-2025-work-report`, text: city.text.replaceAll('天津', name) }));
  return [...fixtures, ...others].slice(0, ADDED_DOCUMENT_COUNT);
}

/**
 * The report's bundle with documents added as the library adds them: each
 * text through the same pipeline (analyse-text.ts), alone, its rows beside
 * the bundle's; the background then merges the term rows of one text into
 * one entry of the term table, as it does for a reader's library.
 */
export async function withAddedDocuments(bundle: IndexBundle, documents: { title: string; text: string }[]): Promise<IndexBundle> {
  const traditional = buildTraditionalTable();
  const added = { documents: [...bundle.documents], clauses: [...bundle.clauses], targets: [...bundle.targets], terms: [...bundle.terms] };
  for (const [i, { title, text }] of documents.entries()) {
    const analysed = await analyseTexts([{ text, source: 'bench', mode: 'text', idPrefix: `bench-${i}`, title }], { facts: TERM_FACTS, traditional });
    added.documents.push(...analysed.documents.map((d) => ({ ...d, order: added.documents.length })));
    added.clauses.push(...analysed.clauses);
    added.targets.push(...analysed.targets);
    added.terms.push(...analysed.terms.map((t) => ({ ...t, id: `${t.id}-${i}` })));
  }
  const foldMap = buildFoldMap(traditional, added.terms, added.clauses.map((c) => c.text));
  return { ...bundle, ...added, foldMap, version: `${bundle.version}+documents-${documents.length}` };
}

/** Builds the Chrome extension with this bundle as its bundled index into `outDir`; returns its chrome-mv3 folder. */
export function buildWithBundle(bundle: IndexBundle, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const source = join(outDir, 'index-bundle.js');
  writeFileSync(source, indexBundleSource(JSON.stringify(bundle)));
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, POLICYLENS_OUT: outDir, POLICYLENS_INDEX_BUNDLE: source },
  });
  return join(outDir, 'chrome-mv3');
}

/**
 * The sizes, smallest first: the budget holds every size's whole cost to
 * 1.2× the smallest's. `bundledDir` is the normal build (the report alone);
 * `documentsDir` the build with ADDED_DOCUMENT_COUNT documents added;
 * `syntheticDir` the build with SYNTHETIC_TERM_COUNT terms added.
 */
export function librarySizes(reportTerms: number, bundledDir: string, documentsDir: string, syntheticDir: string): LibrarySize[] {
  return [
    { name: 'report', label: `the bundled report alone (${reportTerms} terms)`, build: { extensionDir: bundledDir } },
    {
      name: 'ten-documents',
      label: `the report and ${ADDED_DOCUMENT_COUNT} added documents`,
      build: { extensionDir: documentsDir },
    },
    {
      name: 'synthetic',
      label: `the report and ${SYNTHETIC_TERM_COUNT.toLocaleString('en')} synthetic terms`,
      build: { extensionDir: syntheticDir },
    },
  ];
}
