// Renders assets/icon.svg to the PNG sizes the manifest uses, with Chromium
// rasterising the vector at each size (sharper at 16 px than scaling down a
// large bitmap) on a transparent background.
// Run: npx tsx scripts/render-icons.ts

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/browser/harness';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('assets/icon.svg', 'utf8');
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync('public/icon', { recursive: true });
  for (const size of SIZES) {
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${source}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.locator('img').screenshot({ omitBackground: true });
    writeFileSync(`public/icon/${size}.png`, png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
