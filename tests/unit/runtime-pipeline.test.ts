// The background reads an added text with the same pipeline and the same data
// the build read the seed with: the abbreviation table it imports from seeds/
// and the traditional table the build wrote beside the bundle. Run the way
// the background runs it, the pipeline gives the seed's index exactly as the
// extension ships it (.generated/index.json, which `npm run build:index`
// writes before the tests). library.browser.test.ts checks the other half in
// Chromium: rows the background writes for an added text are the rows Node
// computes for it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTexts, PIPELINE_STEPS, type PipelineStep } from '@/lib/document/analyse-text';
import { buildTraditionalTable } from '@/lib/document/traditional-table';
import type { IndexBundle } from '@/lib/model';
// What entrypoints/background/index.ts imports.
import traditional from '@/.generated/traditional-table';
import { TERM_FACTS } from '@/lib/document/term-facts';

const SEED = '000_59795ae4144a4d73.txt';

describe('the runtime pipeline on the bundled seed', () => {
  it('ships the table the build reads with', () => {
    expect(traditional).toEqual(buildTraditionalTable());
  });

  it('gives the shipped index: the same documents, clauses, targets and terms, ids included', async () => {
    const shipped = JSON.parse(readFileSync('.generated/index.json', 'utf8')) as IndexBundle;
    const steps: PipelineStep[] = [];
    const runtime = await analyseTexts([{ text: readFileSync(`seeds/${SEED}`, 'utf8'), source: SEED, mode: 'seed' }], {
      facts: TERM_FACTS,
      traditional,
      onStep: (step) => void steps.push(step),
    });
    expect(steps).toEqual([...PIPELINE_STEPS]);
    expect(runtime.documents).toEqual(shipped.documents);
    expect(runtime.clauses).toEqual(shipped.clauses);
    expect(runtime.targets).toEqual(shipped.targets);
    expect(runtime.terms).toEqual(shipped.terms);
  }, 60_000);
});
