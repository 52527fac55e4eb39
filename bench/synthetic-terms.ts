// Extra terms for the "20× more terms" measurement: strings that look like the
// report's terms (walks over the seed's character bigrams, so the alphabet and
// its mix are the report's) but that the seed does not contain, so a larger
// automaton is measured rather than more matches.

import type { MatcherTerm } from '@/lib/match/matcher';
import { foldText, type FoldMap } from '@/lib/match/fold-text';
import { randomInt, seededRandom } from './seeded-random';

const HAN = /^[\u3400-\u9fff]$/;

export function syntheticTerms(
  seedText: string,
  count: number,
  { foldMap, exclude, seed = 20 }: { foldMap: FoldMap; exclude: Iterable<string>; seed?: number },
): MatcherTerm[] {
  const folded = foldText(seedText, foldMap);
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded[i]!;
    const b = folded[i + 1]!;
    if (!HAN.test(a) || !HAN.test(b)) continue;
    const list = next.get(a) ?? [];
    list.push(b);
    next.set(a, list);
    starts.push(a);
  }
  const random = seededRandom(seed);
  const taken = new Set(exclude);
  const terms: MatcherTerm[] = [];
  for (let tries = 0; terms.length < count && tries < count * 50; tries++) {
    const length = randomInt(random, 3, 8);
    let form = starts[Math.floor(random() * starts.length)]!;
    while (form.length < length) {
      const options = next.get(form.at(-1)!);
      if (!options) break;
      form += options[Math.floor(random() * options.length)]!;
    }
    if (form.length < 3 || taken.has(form) || folded.includes(form)) continue;
    taken.add(form);
    terms.push({ id: `synthetic-${terms.length}`, forms: [form] });
  }
  if (terms.length < count) throw new Error(`only ${terms.length} of ${count} synthetic terms could be made`);
  return terms;
}
