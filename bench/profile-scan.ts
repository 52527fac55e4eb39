// A sampling profile of one PolicyLens scan-and-paint run on a page, so a
// missed budget comes with where the time went (self time by function, and
// idle time between the scanner's slices) rather than a guess.

import type { BrowserContext } from 'playwright-core';
import type { TermTable } from '@/lib/messages';
import { openSettled } from './measure-scan';

interface CpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ScanProfile {
  totalMs: number;
  /** Self time by function, largest first: "name (file:line) 12.3 ms". */
  top: string[];
}

export async function profileScan(
  context: BrowserContext,
  url: string,
  driverSource: string,
  table: TermTable,
): Promise<ScanProfile> {
  const page = await openSettled(context, url);
  await page.addScriptTag({ content: driverSource });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const { ms } = await page.evaluate(
    (table) =>
      (
        window as unknown as { __policyLensBench: { scanAndPaint(t: typeof table): Promise<{ ms: number }> } }
      ).__policyLensBench.scanAndPaint(table),
    table,
  );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await page.close();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // Only the run itself: from the first sample inside the driver to the last inside a scanner slice.
  const inRun = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byNode.get(at)!.callFrame.functionName;
      if (name === 'scanAndPaint' || name === '#slice') return true;
    }
    return false;
  };
  const first = profile.samples.findIndex(inRun);
  const last = profile.samples.findLastIndex(inRun);
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (i < first || i > last) return;
    const frame = byNode.get(id)!.callFrame;
    const file = frame.url ? frame.url.split('/').pop() || 'page script' : '';
    const label = file ? `${frame.functionName || '(anonymous)'} (${file}:${frame.lineNumber + 1})` : frame.functionName || '(anonymous)';
    self.set(label, (self.get(label) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return {
    totalMs: ms,
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.TOP ?? 8))
      .map(([label, t]) => `${label} ${t.toFixed(1)} ms`),
  };
}
