// What adopting a stylesheet with ::highlight rules costs on a page: the
// session adopts the reader's highlight sheet into the document and then
// probes the first block in view (elementFromPoint), which makes the browser
// recompute the style of the whole document inside PolicyLens's task. Measured
// on the settled page with the content script's own CSS, against no sheet.

import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { openSettled } from './measure-scan';
import { summarize, type Summary } from './stats';

export interface StyleRecalcFigures {
  probeAloneMs: Summary;
  probeAfterHighlightSheetMs: Summary;
}

export async function measureStyleRecalc(context: BrowserContext, url: string, runs: number): Promise<StyleRecalcFigures> {
  const css = readFileSync('entrypoints/content/style.css', 'utf8');
  const alone: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const adopt of [false, true]) {
      const page = await openSettled(context, url);
      const ms = await page.evaluate(
        ([css, adopt]) => {
          if (adopt) {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
          }
          const started = performance.now();
          document.elementFromPoint(innerWidth / 2, innerHeight * 0.15);
          return performance.now() - started;
        },
        [css, adopt] as const,
      );
      (adopt ? after : alone).push(ms);
      await page.close();
    }
  }
  return { probeAloneMs: summarize(alone), probeAfterHighlightSheetMs: summarize(after) };
}
