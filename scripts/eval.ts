// npm run eval — how much of the way news cites the report PolicyLens finds,
// and how often it lights up ordinary news. Reads the team's own fixtures
// (tests/fixtures/recall: news-style sentences citing the report by category,
// near misses, ordinary news) and scans them with the matcher a page loads,
// built from the index the extension ships (.generated/index.json), block by
// block as the content script reads a page. Prints recall by category and
// false highlights per 1,000 characters, and writes bench/recall.json.
//
// A mention counts as found when a match overlapping it names the term the
// sentence cites: the term itself, a term whose forms hold its wording, or a
// term inside the cited name (紧密型区域医共体建设 → 医共体): the reader is
// taken to the report's clause either way. A related mention counts when the
// term is found; whether it was marked related is reported beside it.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSnapshot, termTable } from '../lib/store/index-snapshot';
import { loadMatcher, type Match, type Matcher } from '../lib/match/matcher';
import { foldText } from '../lib/match/fold-text';
import type { IndexBundle, Term } from '../lib/model';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'tests/fixtures/recall');

interface Mention {
  id: string;
  category: string;
  text: string;
  mention: string;
  term: string;
  related: boolean;
  base?: string;
}

interface NearMiss {
  id: string;
  kind: string;
  text: string;
  looksLike: string;
}

/** The targets: recall by category, and false highlights per 1,000 characters of ordinary news. */
const TARGETS = { exact: 0.98, variant: 0.8, traditional: 0.95, falsePerThousand: 0.2 };
const VARIANT_KINDS = ['tail', 'insert', 'numeral', 'swap', 'slogan', 'abbreviation', 'organisation', 'keyword'];

const bundle = JSON.parse(readFileSync(join(root, '.generated/index.json'), 'utf8')) as IndexBundle;
const snapshot = createSnapshot(bundle);
const matcher: Matcher = loadMatcher(termTable(snapshot).matcher);
const cursor = matcher.cursor();
const fold = (text: string) => foldText(text, bundle.foldMap).replace(/"/g, '');

/** Matches of one block, read as the content script reads a block. */
function scanBlock(text: string): readonly Match[] {
  cursor.reset();
  cursor.feed(text);
  const found = cursor.finish();
  cursor.reset();
  return found;
}

/** Whether term `t` names what a sentence cites as `cited`. */
function names(t: Term, cited: string): boolean {
  const want = fold(cited);
  const own = [t.term, ...t.forms].map(fold);
  return own.some((form) => form === want || (form.length >= 2 && want.includes(form)) || form.includes(want));
}

const mentions = JSON.parse(readFileSync(join(fixtures, 'mentions.json'), 'utf8')) as Mention[];
const nearMisses = JSON.parse(readFileSync(join(fixtures, 'near-misses.json'), 'utf8')) as NearMiss[];

interface Tally {
  total: number;
  found: number;
  markedRelated: number;
  expectedRelated: number;
  missed: string[];
}
const tally = new Map<string, Tally>();
const count = (key: string) => {
  let t = tally.get(key);
  if (!t) tally.set(key, (t = { total: 0, found: 0, markedRelated: 0, expectedRelated: 0, missed: [] }));
  return t;
};

for (const entry of mentions) {
  const at = entry.text.indexOf(entry.mention);
  if (at < 0) throw new Error(`${entry.id}: mention not in text`);
  const end = at + entry.mention.length;
  const hit = scanBlock(entry.text).find(
    ([s, e, id]) => s < end && e > at && names(snapshot.termById.get(id)!, entry.term),
  );
  const keys = [entry.category, ...(entry.category === 'traditional' && entry.base ? [`traditional/${entry.base}`] : [])];
  for (const key of keys) {
    const t = count(key);
    t.total++;
    if (entry.related) t.expectedRelated++;
    if (hit) {
      t.found++;
      if (entry.related && hit[3]) t.markedRelated++;
    } else t.missed.push(`${entry.id} ${entry.mention} → ${entry.term}`);
  }
}

/** Every match in ordinary news is a false highlight: it cites nothing of the report. */
const ordinaryDir = join(fixtures, 'ordinary');
let ordinaryChars = 0;
const falseHits: string[] = [];
for (const name of readdirSync(ordinaryDir).filter((n) => n.endsWith('.txt')).sort()) {
  const text = readFileSync(join(ordinaryDir, name), 'utf8');
  ordinaryChars += text.replace(/\s/g, '').length;
  for (const block of text.split(/\n\s*\n/)) {
    for (const [s, e, id, related] of scanBlock(block)) {
      falseHits.push(`${name}: ${block.slice(s, e)} → ${related ? '~' : ''}${snapshot.termById.get(id)!.term}`);
    }
  }
}

const nearHits = new Map<string, string[]>();
for (const miss of nearMisses) {
  const hits = scanBlock(miss.text).map(([s, e, id, related]) => `${miss.id} ${miss.text.slice(s, e)} → ${related ? '~' : ''}${snapshot.termById.get(id)!.term}`);
  nearHits.set(miss.kind, [...(nearHits.get(miss.kind) ?? []), ...hits]);
}

const rate = (t: Tally) => (t.total ? t.found / t.total : 1);
const targetOf = (key: string) =>
  key === 'exact' ? TARGETS.exact : key.startsWith('traditional') ? TARGETS.traditional : VARIANT_KINDS.includes(key) ? TARGETS.variant : undefined;
const perThousand = (falseHits.length / ordinaryChars) * 1000;

const order = ['exact', ...VARIANT_KINDS, 'traditional', ...[...tally.keys()].filter((k) => k.startsWith('traditional/')).sort()];
const rows = order.filter((k) => tally.has(k)).map((key) => {
  const t = tally.get(key)!;
  const target = key.startsWith('traditional/') ? undefined : targetOf(key);
  return {
    category: key,
    found: t.found,
    total: t.total,
    recall: Number(rate(t).toFixed(4)),
    target,
    meets: target === undefined ? undefined : rate(t) >= target,
    ...(t.expectedRelated ? { markedRelated: `${t.markedRelated}/${t.expectedRelated}` } : {}),
    missed: t.missed,
  };
});

console.log(`index ${bundle.version}: ${bundle.terms.length} terms`);
console.log('category'.padEnd(24) + 'found'.padStart(9) + 'recall'.padStart(9) + 'target'.padStart(9) + '  related marked');
for (const row of rows) {
  console.log(
    row.category.padEnd(24) +
      `${row.found}/${row.total}`.padStart(9) +
      `${(row.recall * 100).toFixed(1)}%`.padStart(9) +
      (row.target === undefined ? '' : `${row.meets ? '≥' : '<'}${row.target * 100}%`).padStart(9) +
      (row.markedRelated ? `  ${row.markedRelated}` : ''),
  );
}
console.log(
  `ordinary news: ${falseHits.length} false highlights in ${ordinaryChars} characters = ${perThousand.toFixed(3)} per 1,000 ` +
    `(target ≤ ${TARGETS.falsePerThousand})`,
);
for (const hit of falseHits) console.log(`  ${hit}`);
for (const [kind, hits] of nearHits) {
  console.log(`near misses (${kind}): ${hits.length} highlights in ${nearMisses.filter((m) => m.kind === kind).length} sentences`);
  for (const hit of hits) console.log(`  ${hit}`);
}
if (process.argv.includes('--missed')) {
  for (const row of rows) for (const miss of row.missed) console.log(`missed ${row.category}: ${miss}`);
}

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(
  join(root, 'bench/recall.json'),
  JSON.stringify(
    {
      index: bundle.version,
      terms: bundle.terms.length,
      recall: rows,
      ordinary: { characters: ordinaryChars, falseHighlights: falseHits.length, perThousand: Number(perThousand.toFixed(4)), target: TARGETS.falsePerThousand, hits: falseHits },
      nearMisses: Object.fromEntries([...nearHits].map(([kind, hits]) => [kind, { sentences: nearMisses.filter((m) => m.kind === kind).length, highlights: hits }])),
    },
    null,
    2,
  ) + '\n',
);
