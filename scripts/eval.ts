// npm run eval — how much of the way news cites the report PolicyLens finds,
// and how often it lights up ordinary news. Reads the team's own fixtures
// (tests/fixtures/recall: news-style sentences citing the report by category,
// near misses, ordinary news; tests/fixtures/figures: sentences citing the
// report's targets with figures, and number-heavy ordinary news) and scans
// them with the matcher a page loads, built from the index the extension
// ships (.generated/index.json), block by block as the content script reads
// a page; a figure's relation is the background's answer (figureCard).
// Prints recall by category, figures linked with the right relation, and
// false highlights per 1,000 characters; writes bench/recall.json.
//
// A mention counts as found when a match overlapping it names the term the
// sentence cites: the term itself, a term whose forms hold its wording, or a
// term inside the cited name (紧密型区域医共体建设 → 医共体): the reader is
// taken to the report's clause either way. A related mention counts when the
// term is found; whether it was marked related is reported beside it.

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSnapshot, figureCard, termTable } from '../lib/store/index-snapshot';
import { loadMatcher, type Match, type Matcher } from '../lib/match/matcher';
import { foldText } from '../lib/match/fold-text';
import { withFigureScope } from '../lib/match/figure-near';
import type { IndexBundle, Term } from '../lib/model';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'tests/fixtures/recall');
const figureFixtures = join(root, 'tests/fixtures/figures');

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
  /** Of the mentions whose cited term the index holds: how well the variants of known terms are found. */
  indexedTotal: number;
  indexedFound: number;
  markedRelated: number;
  expectedRelated: number;
  missed: string[];
}
const tally = new Map<string, Tally>();
const count = (key: string) => {
  let t = tally.get(key);
  if (!t) tally.set(key, (t = { total: 0, found: 0, indexedTotal: 0, indexedFound: 0, markedRelated: 0, expectedRelated: 0, missed: [] }));
  return t;
};

for (const entry of mentions) {
  const at = entry.text.indexOf(entry.mention);
  if (at < 0) throw new Error(`${entry.id}: mention not in text`);
  const end = at + entry.mention.length;
  const hit = scanBlock(entry.text).find(
    ([s, e, id]) => s < end && e > at && names(snapshot.termById.get(id)!, entry.term),
  );
  // Related mentions are also counted together, whatever their kind: the "related" row.
  const keys = [
    entry.category,
    ...(entry.category === 'traditional' && entry.base ? [`traditional/${entry.base}`] : []),
    ...(entry.related ? ['related'] : []),
  ];
  const indexed = snapshot.terms.some((t) => names(t, entry.term));
  for (const key of keys) {
    const t = count(key);
    t.total++;
    if (indexed) t.indexedTotal++;
    if (entry.related) t.expectedRelated++;
    if (hit) {
      t.found++;
      if (indexed) t.indexedFound++;
      if (entry.related && hit[3]) t.markedRelated++;
    } else t.missed.push(`${entry.id} ${entry.mention} → ${entry.term}`);
  }
}

/** Every match in ordinary news is a false highlight: it cites nothing of the report. Characters count without white space. */
function falseHighlights(dir: string): { characters: number; hits: string[] } {
  let characters = 0;
  const hits: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    characters += text.replace(/\s/g, '').length;
    for (const block of text.split(/\n\s*\n/)) {
      for (const [s, e, id, related] of scanBlock(block)) {
        hits.push(`${name}: ${block.slice(s, e)} → ${related ? '~' : ''}${snapshot.termById.get(id)!.term}`);
      }
    }
  }
  return { characters, hits };
}
const ordinary = falseHighlights(join(fixtures, 'ordinary'));
const numberNews = falseHighlights(join(figureFixtures, 'ordinary'));
const ordinaryChars = ordinary.characters + numberNews.characters;
const falseHits = [...ordinary.hits, ...numberNews.hits];

interface FigureMention {
  id: string;
  text: string;
  mention: string;
  metric: string;
  reportFigure: string;
  pageFigure: string | null;
  relation: 'same' | 'differs' | 'other-scope' | 'none';
  script: string;
}

/**
 * A cited figure is linked when a match overlapping the mention is a metric
 * of the cited target, reads the page's figure as printed (with any bound
 * word before it: 突破50万亩), and the card sets
 * it against that target with the expected relation; a metric cited without
 * a figure is linked when it is found and reads none.
 */
const figureMentions = JSON.parse(readFileSync(join(figureFixtures, 'mentions.json'), 'utf8')) as FigureMention[];
const figureTally = new Map<string, { total: number; linked: number; missed: string[] }>();
const foldFigure = (text: string) => foldText(text, bundle.foldMap).replace(/\s/g, '');
for (const entry of figureMentions) {
  const at = entry.text.indexOf(entry.mention);
  const end = at + entry.mention.length;
  const matches = scanBlock(entry.text).filter(([s, e, id]) => s < end && e > at && snapshot.termById.get(id)?.targetIds);
  let outcome = 'no metric found';
  const linked = matches.some(([, , id, , near]) => {
    if (entry.relation === 'none') {
      outcome = near ? `read a figure ${near.figure.text}` : 'ok';
      return !near;
    }
    if (!near) return (outcome = 'no figure read'), false;
    // The page's figure as printed; a bound word before it (突破50万亩) is part of what the card shows.
    if (!foldFigure(near.figure.text).endsWith(foldFigure(entry.pageFigure!))) return (outcome = `read ${near.figure.text}`), false;
    const { scope, year, relativeYear } = withFigureScope(entry.text, near);
    const card = figureCard(snapshot, id, 0, { figure: near.figure, scope, year, relativeYear });
    if (!card || foldFigure(card.target.text) !== foldFigure(entry.reportFigure)) return (outcome = `set against ${card?.target.text}`), false;
    if (card.relation.relation !== entry.relation) return (outcome = `${card.relation.relation} ${card.relation.reason ?? card.relation.direction ?? ''}`), false;
    return true;
  });
  for (const key of [entry.relation, entry.script]) {
    const t = figureTally.get(key) ?? { total: 0, linked: 0, missed: [] };
    t.total++;
    if (linked) t.linked++;
    else t.missed.push(`${entry.id} ${entry.mention} (want ${entry.relation} of ${entry.reportFigure}): ${outcome}`);
    figureTally.set(key, t);
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

const order = ['exact', ...VARIANT_KINDS, 'traditional', 'related', ...[...tally.keys()].filter((k) => k.startsWith('traditional/')).sort()];
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
    indexed: `${t.indexedFound}/${t.indexedTotal}`,
    ...(t.expectedRelated ? { markedRelated: `${t.markedRelated}/${t.expectedRelated}` } : {}),
    missed: t.missed,
  };
});

console.log(`index ${bundle.version}: ${bundle.terms.length} terms`);
console.log(
  'category'.padEnd(24) + 'found'.padStart(9) + 'recall'.padStart(9) + 'target'.padStart(9) + '  of indexed terms' + '  related marked',
);
for (const row of rows) {
  console.log(
    row.category.padEnd(24) +
      `${row.found}/${row.total}`.padStart(9) +
      `${(row.recall * 100).toFixed(1)}%`.padStart(9) +
      (row.target === undefined ? '' : `${row.meets ? '≥' : '<'}${row.target * 100}%`).padStart(9) +
      row.indexed.padStart(19) +
      (row.markedRelated ? `  ${row.markedRelated}` : ''),
  );
}
console.log('figures cited'.padEnd(24) + 'linked'.padStart(9) + 'share'.padStart(9));
for (const [key, t] of figureTally) {
  console.log(key.padEnd(24) + `${t.linked}/${t.total}`.padStart(9) + `${((t.linked / t.total) * 100).toFixed(1)}%`.padStart(9));
}
console.log(
  `ordinary news (${ordinary.characters} characters of everyday news, ${numberNews.characters} of number-heavy news): ` +
    `${falseHits.length} false highlights = ${perThousand.toFixed(3)} per 1,000 (target ≤ ${TARGETS.falsePerThousand})`,
);
for (const hit of falseHits) console.log(`  ${hit}`);
for (const [kind, hits] of nearHits) {
  console.log(`near misses (${kind}): ${hits.length} highlights in ${nearMisses.filter((m) => m.kind === kind).length} sentences`);
  for (const hit of hits) console.log(`  ${hit}`);
}
if (process.argv.includes('--missed')) {
  for (const row of rows) for (const miss of row.missed) console.log(`missed ${row.category}: ${miss}`);
  for (const [key, t] of figureTally) for (const miss of t.missed) console.log(`missed figure ${key}: ${miss}`);
}

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(
  join(root, 'bench/recall.json'),
  JSON.stringify(
    {
      index: bundle.version,
      terms: bundle.terms.length,
      recall: rows,
      figures: Object.fromEntries(
        [...figureTally].map(([key, t]) => [key, { linked: t.linked, total: t.total, share: Number((t.linked / t.total).toFixed(4)), missed: t.missed }]),
      ),
      ordinary: { characters: ordinaryChars, falseHighlights: falseHits.length, perThousand: Number(perThousand.toFixed(4)), target: TARGETS.falsePerThousand, hits: falseHits },
      nearMisses: Object.fromEntries([...nearHits].map(([kind, hits]) => [kind, { sentences: nearMisses.filter((m) => m.kind === kind).length, highlights: hits }])),
    },
    null,
    2,
  ) + '\n',
);
