// npm run build:index — reads seeds/, builds the index bundle and writes it
// where the background imports it (.generated/index-bundle.js, with its type)
// and as plain JSON for tools (.generated/index.json), and writes the
// traditional → simplified table the background reads added documents with
// (.generated/traditional-table.js). Fails with a clear message when the seed
// cannot be parsed or an invariant breaks.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../lib/store/build-index';
import { TERM_FACTS } from '../lib/document/term-facts';
import { buildTraditionalTable } from '../lib/document/traditional-table';
import { indexBundleSource } from './index-bundle-source';

const root = join(import.meta.dirname, '..');
const seedDir = join(root, 'seeds');
const outDir = join(root, '.generated');

async function main() {
  const started = performance.now();
  const seeds = readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
  if (seeds.length === 0) throw new Error('seeds/ holds no .txt seed');
  const traditional = buildTraditionalTable();
  const bundle = await buildIndex(seeds, TERM_FACTS, traditional);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'traditional-table.js'), indexBundleSource(JSON.stringify(traditional)));
  writeFileSync(
    join(outDir, 'traditional-table.d.ts'),
    "import type { TraditionalTable } from '../lib/document/script-text';\ndeclare const table: TraditionalTable;\nexport default table;\n",
  );
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
