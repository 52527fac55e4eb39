// npm run build:index — reads seeds/, builds the index bundle and writes it
// where the background imports it (.generated/index-bundle.js, with its type)
// and as plain JSON for tools (.generated/index.json). Fails with a clear
// message when the seed cannot be parsed or an invariant breaks.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../lib/store/build-index';
import type { AbbreviationEntry } from '../lib/document/extract-terms';
import { indexBundleSource } from './index-bundle-source';

const root = join(import.meta.dirname, '..');
const seedDir = join(root, 'seeds');
const outDir = join(root, '.generated');

function readAbbreviations(): AbbreviationEntry[] {
  const path = join(seedDir, 'abbreviations.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`seeds/abbreviations.json is not valid JSON: ${(error as Error).message}`);
  }
  if (
    !Array.isArray(data) ||
    !data.every((e) => typeof e?.short === 'string' && Array.isArray(e.full) && e.full.every((f: unknown) => typeof f === 'string'))
  ) {
    throw new Error('seeds/abbreviations.json must be a list of { "short": string, "full": string[] }');
  }
  return data as AbbreviationEntry[];
}

async function main() {
  const started = performance.now();
  const seeds = readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
  if (seeds.length === 0) throw new Error('seeds/ holds no .txt seed');
  const bundle = await buildIndex(seeds, readAbbreviations());
  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify(bundle);
  writeFileSync(join(outDir, 'index.json'), json);
  writeFileSync(join(outDir, 'index-bundle.js'), indexBundleSource(json));
  writeFileSync(
    join(outDir, 'index-bundle.d.ts'),
    "import type { IndexBundle } from '../lib/model';\ndeclare const bundle: IndexBundle;\nexport default bundle;\n",
  );
  const ms = Math.round(performance.now() - started);
  console.log(
    `index ${bundle.version}: ${bundle.documents.length} documents, ${bundle.clauses.length} clauses, ` +
      `${bundle.targets.length} targets, ${bundle.terms.length} terms, ${Object.keys(bundle.foldMap).length} fold entries ` +
      `(${(json.length / 1024).toFixed(0)} KiB, ${ms} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(`build-index failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
