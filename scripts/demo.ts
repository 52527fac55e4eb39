// `npm run demo`: see PolicyLens work without a display. Opens the demo news
// page in headless Chromium with the built extension, rests the pointer on
// the first highlighted term and saves a screenshot of its hover card. Where
// a build has no highlights yet, it shows the index status instead (the
// popup when there is one).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { IndexStatus } from '@/lib/messages';
import { builtExtensionDir, launchWithExtension, serveFixtures, waitForIndexReady } from '../tests/browser/harness';

const SCREENSHOT = resolve('tests/artifacts/demo.png');
const HIGHLIGHT_WAIT_MS = 8_000;
const CARD_WAIT_MS = 3_000;

function ensureBuilt(): string {
  try {
    return builtExtensionDir('chrome');
  } catch {
    console.log('No build yet: running npm run build …');
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('npm run build failed: fix the build, then run npm run demo again.');
      process.exit(1);
    }
    return builtExtensionDir('chrome');
  }
}

function describeStatus(status: IndexStatus): string {
  const { documents, clauses, targets, terms } = status.counts;
  const counts = `${documents} documents, ${clauses} clauses, ${targets} targets, ${terms} terms`;
  const time = status.loadMs === undefined ? '' : `, loaded in ${status.loadMs} ms`;
  const fallback = status.fallback ? ' (answering from the bundle: IndexedDB unusable)' : '';
  const error = status.error ? ` — ${status.error}` : '';
  return `index ${status.state}, version ${status.version}: ${counts}${time}${fallback}${error}`;
}

/** Where the first highlighted term in document order stands, or null when nothing is highlighted. */
function firstHighlightRect(page: Page) {
  return page.evaluate(() => {
    const highlight = CSS.highlights?.get('policy-lens');
    if (!highlight || highlight.size === 0) return null;
    // Highlights may hold StaticRanges (cheap, but without geometry): make live Ranges to measure.
    const ranges = [...highlight].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0];
    if (!first) return null;
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = first.getClientRects()[0] ?? first.getBoundingClientRect();
    return { text: first.toString(), x: rect.x, y: rect.y, width: rect.width, height: rect.height, count: ranges.length };
  });
}

const extensionDir = ensureBuilt();
const site = await serveFixtures('tests/fixtures/pages');
const session = await launchWithExtension({ extensionDir });
try {
  mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
  const status = await waitForIndexReady(session, { timeoutMs: 30_000 }).then(
    describeStatus,
    (error: unknown) => `index status unavailable: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.log(`PolicyLens ${session.extensionId}: ${status}`);

  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${site.origin}/demo-news.html`);

  const started = Date.now();
  let target = await firstHighlightRect(page);
  while (!target && Date.now() - started < HIGHLIGHT_WAIT_MS) {
    await page.waitForTimeout(250);
    target = await firstHighlightRect(page);
  }

  if (target) {
    console.log(`${target.count} highlights on the demo page; hovering the first: ${target.text}`);
    const x = target.x + target.width / 2;
    const y = target.y + target.height / 2;
    // Come from below, as a reader's pointer does: a jump straight onto the term is one event, not a rest.
    await page.mouse.move(x - 40, y + 60);
    await page.mouse.move(x, y, { steps: 4 });
    // The host is a sizeless anchor; the card is drawn in its shadow root, so wait for the clause it shows.
    const opened = await page
      .waitForFunction(() => document.querySelector('policy-lens-card')?.hasAttribute('data-clause-id'), undefined, {
        timeout: CARD_WAIT_MS,
      })
      .then(() => true, () => false);
    const card = page.locator('policy-lens-card');
    if (opened) await page.waitForTimeout(300);
    await page.screenshot({ path: SCREENSHOT });
    if (opened) {
      const clauseId = await card.first().getAttribute('data-clause-id');
      const text = await card.first().evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      console.log(`hover card for clause ${clauseId}: ${text}`);
    } else {
      console.log(`no <policy-lens-card> appeared within ${CARD_WAIT_MS} ms of resting on the term`);
    }
  } else {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      action?: { default_popup?: string };
    };
    const popup = manifest.action?.default_popup;
    console.log(`no highlights on the demo page after ${HIGHLIGHT_WAIT_MS / 1000} s`);
    if (popup) {
      const popupPage = await session.extensionPage(popup);
      await popupPage.waitForTimeout(1_000);
      // A toolbar popup takes its content's size (at most 800 × 600): measure it as the browser would.
      await popupPage.setViewportSize({ width: 25, height: 25 });
      const size = await popupPage.evaluate(() => ({
        width: Math.min(800, document.documentElement.scrollWidth),
        height: Math.min(600, document.documentElement.scrollHeight),
      }));
      await popupPage.setViewportSize(size);
      await popupPage.screenshot({ path: SCREENSHOT });
      console.log(`showing the popup (${popup}) with the index status`);
    } else {
      await page.screenshot({ path: SCREENSHOT });
    }
  }
  const errors = session.pageErrors;
  if (errors.length > 0) console.log(`console errors:\n  ${errors.join('\n  ')}`);
  console.log(`screenshot: ${SCREENSHOT}`);
  if (!existsSync(SCREENSHOT)) process.exitCode = 1;
} finally {
  await session.close({ removeUserDataDir: true });
  await site.close();
}
