// Bundles the page driver (PolicyLens's own content-script modules) into one
// script a benchmark page can run, with the esbuild that vite brings along.

import { build } from 'esbuild';

export type DriverBundle = { source: string } | { error: string };

export async function bundleDriver(): Promise<DriverBundle> {
  try {
    const result = await build({
      entryPoints: ['bench/page/policy-lens-driver.ts'],
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
      // tsconfig.json (through .wxt/tsconfig.json) maps '@/' to the project root.
      tsconfig: 'tsconfig.json',
    });
    return { source: result.outputFiles[0]!.text };
  } catch (error) {
    // The content script's modules may be missing or mid-change: the other figures still run.
    return { error: `the content script's scan modules could not be bundled: ${String(error).split('\n')[0]}` };
  }
}
