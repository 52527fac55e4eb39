// The libraries the whole cost is measured with (issue 13, item 3): a page's
// cost must stay flat as the library grows, since the term table goes to
// every page. Each size is the extension built with its own bundled index
// (wxt.config.ts's POLICYLENS_INDEX_BUNDLE hook), so the background loads
// it, builds its matcher once and sends it to pages as it would a real one.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexBundle, Term } from '@/lib/model';
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
 * `syntheticDir` the build with SYNTHETIC_TERM_COUNT terms added.
 */
export function librarySizes(reportTerms: number, bundledDir: string, syntheticDir: string): LibrarySize[] {
  return [
    { name: 'report', label: `the bundled report alone (${reportTerms} terms)`, build: { extensionDir: bundledDir } },
    // ── THE "10 ADDED DOCUMENTS" SIZE ──────────────────────────────────────────────────────────────
    // Waits for the document library (added documents, each bringing its terms). When it lands: build
    // this size as the report plus 10 documents added through the library's own path (the bundle the
    // background then loads, or the library's store filled before the pages load), give `build` its
    // extension folder, and run.ts measures it beside the others with no other change.
    {
      name: 'ten-documents',
      label: 'the report and 10 added documents',
      build: { pending: 'not measured yet: the document library has not landed (the lead adds this size when it does)' },
    },
    {
      name: 'synthetic',
      label: `the report and ${SYNTHETIC_TERM_COUNT.toLocaleString('en')} synthetic terms`,
      build: { extensionDir: syntheticDir },
    },
  ];
}
