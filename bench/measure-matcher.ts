// Matcher build and scan time with the real term list and with one 20× larger
// (the real terms plus synthetic ones that look like them): an Aho-Corasick
// scan should not grow with the number of terms.

import type { BrowserContext } from 'playwright-core';
import type { MatcherTerm } from '@/lib/matcher';
import type { FoldMap } from '@/lib/fold-text';
import { openSettled } from './measure-scan';
import { summarize, type Summary } from './stats';

export interface MatcherFigures {
  patterns: number;
  matches: number;
  buildMs: Summary;
  scanMs: Summary;
}

interface MatcherTiming {
  buildMs: number;
  scanMs: number;
  matches: number;
  patterns: number;
}

export async function measureMatcher(
  context: BrowserContext,
  url: string,
  driverSource: string,
  lists: Record<string, MatcherTerm[]>,
  foldMap: FoldMap,
  runs: number,
): Promise<Record<string, MatcherFigures>> {
  const page = await openSettled(context, url);
  await page.addScriptTag({ content: driverSource });
  const timings: Record<string, MatcherTiming[]> = {};
  // Lists take turns run by run, as the scan methods do.
  for (let run = 0; run < runs; run++) {
    for (const [name, terms] of Object.entries(lists)) {
      const timing = await page.evaluate(
        ([terms, foldMap]) =>
          (
            window as unknown as { __policyLensBench: { timeMatcher(t: typeof terms, f: typeof foldMap): MatcherTiming } }
          ).__policyLensBench.timeMatcher(terms, foldMap),
        [terms, foldMap] as const,
      );
      (timings[name] ??= []).push(timing);
    }
  }
  await page.close();
  return Object.fromEntries(
    Object.entries(timings).map(([name, list]) => [
      name,
      {
        patterns: list[0]!.patterns,
        matches: list[0]!.matches,
        buildMs: summarize(list.map((t) => t.buildMs)),
        scanMs: summarize(list.map((t) => t.scanMs)),
      },
    ]),
  );
}
