// Matcher build and scan time with the real term list and with one 20× larger
// (the real terms plus synthetic ones that look like them): an Aho-Corasick
// scan should not grow with the number of terms.

import type { BrowserContext } from 'playwright-core';
import type { MatcherTerm } from '@/lib/match/matcher';
import { foldText, type FoldMap } from '@/lib/match/fold-text';
import { openSettled } from './measure-scan';
import { summarize, type Summary } from './stats';

export interface MatcherFigures {
  patterns: number;
  matches: number;
  /** Bytes of the automaton's tables. */
  bytes: number;
  buildMs: Summary;
  scanMs: Summary;
}

interface MatcherTiming {
  buildMs: number;
  scanMs: number;
  matches: number;
  patterns: number;
  bytes: number;
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
        bytes: list[0]!.bytes,
        buildMs: summarize(list.map((t) => t.buildMs)),
        scanMs: summarize(list.map((t) => t.scanMs)),
      },
    ]),
  );
}

/**
 * Share of the text's characters that some term form uses. The matcher resets
 * on any other character without a lookup, so this share, not the number of
 * terms, is what a larger list adds to the scan.
 */
export function alphabetShare(text: string, terms: readonly MatcherTerm[], foldMap: FoldMap): number {
  const alphabet = new Set<string>();
  for (const term of terms) for (const form of term.forms) for (const ch of foldText(form, foldMap)) alphabet.add(ch);
  let inside = 0;
  const folded = foldText(text, foldMap);
  for (const ch of folded) if (alphabet.has(ch)) inside++;
  return folded.length ? inside / folded.length : 0;
}
