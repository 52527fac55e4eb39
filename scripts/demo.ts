// `npm run demo`: see PolicyLens work without a display, and make the
// README's screenshots. Installs the built extension in a fresh profile of
// headless Chromium, rests the pointer on the first highlighted term of the
// demo news page and saves its hover card (docs/screenshots/card.png), then
// does the same on the welcome page the install opened, its sample article
// and card (docs/screenshots/welcome.png). Where a build has no highlights
// or no card, it saves what there is to see instead (the popup, with the
// index status, when there is one) to tests/artifacts/demo.png, leaves the
// README's screenshots alone and exits with an error.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { IndexStatus } from '@/lib/messages';
import {
  builtExtensionDir,
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
} from '../tests/browser/harness';

const SCREENSHOTS = resolve('docs/screenshots');
const CARD_SCREENSHOT = join(SCREENSHOTS, 'card.png');
const WELCOME_SCREENSHOT = join(SCREENSHOTS, 'welcome.png');
/** What the demo saw when it could not make the README's screenshots. */
const FAILURE_SCREENSHOT = resolve('tests/artifacts/demo.png');
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

/**
 * Rests the pointer on the first highlighted term as a reader's would, and
 * says whether its card opened (with the text it shows).
 */
async function restOnFirstTerm(page: Page, label: string): Promise<boolean> {
  const started = Date.now();
  let target = await firstHighlightRect(page);
  while (!target && Date.now() - started < HIGHLIGHT_WAIT_MS) {
    await page.waitForTimeout(250);
    target = await firstHighlightRect(page);
  }
  if (!target) {
    console.log(`${label}: no highlights after ${HIGHLIGHT_WAIT_MS / 1000} s`);
    return false;
  }
  console.log(`${label}: ${target.count} highlights; hovering the first: ${target.text}`);
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
  if (!opened) {
    console.log(`${label}: no <policy-lens-card> appeared within ${CARD_WAIT_MS} ms of resting on the term`);
    return false;
  }
  const card = page.locator('policy-lens-card').first();
  const clauseId = await card.getAttribute('data-clause-id');
  const text = await card.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  console.log(`${label}: hover card for clause ${clauseId}: ${text}`);
  // Let the card's placement settle before the picture.
  await page.waitForTimeout(300);
  return true;
}

/** What to show when there is no card: the popup with the index status, or the page as it is. */
async function saveFailure(session: ExtensionSession, page: Page): Promise<void> {
  mkdirSync(join(FAILURE_SCREENSHOT, '..'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
  };
  const popup = manifest.action?.default_popup;
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
    await popupPage.screenshot({ path: FAILURE_SCREENSHOT });
    console.log(`showing the popup (${popup}) with the index status: ${FAILURE_SCREENSHOT}`);
  } else {
    await page.screenshot({ path: FAILURE_SCREENSHOT });
    console.log(`screenshot of the page as it is: ${FAILURE_SCREENSHOT}`);
  }
}

const extensionDir = ensureBuilt();
const site = await serveFixtures('tests/fixtures/pages');
// A fresh profile: the install opens the welcome page, kept for its screenshot.
const session = await launchWithExtension({ extensionDir, keepWelcome: true });
try {
  const status = await waitForIndexReady(session, { timeoutMs: 30_000 }).then(
    describeStatus,
    (error: unknown) => `index status unavailable: ${error instanceof Error ? error.message : String(error)}`,
  );
  console.log(`PolicyLens ${session.extensionId}: ${status}`);
  const shortcuts = await session.serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll(),
  );
  console.log(`shortcuts as bound: ${shortcuts.map((c) => `${c.name} ${c.shortcut || '(none)'}`).join(', ')}`);

  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${site.origin}/demo-news.html`);
  const cardShown = await restOnFirstTerm(page, 'demo news page');

  const welcome = session.welcomePage;
  let welcomeShown = false;
  if (welcome) {
    await welcome.bringToFront();
    // Tall enough for the two sentences, the gestures and the sample with its card in one picture.
    await welcome.setViewportSize({ width: 1100, height: 1250 });
    welcomeShown = await restOnFirstTerm(welcome, 'welcome page');
  } else {
    console.log('the install opened no welcome page');
  }

  if (cardShown && welcome && welcomeShown) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: CARD_SCREENSHOT });
    await welcome.screenshot({ path: WELCOME_SCREENSHOT });
    console.log(`screenshots: ${CARD_SCREENSHOT}, ${WELCOME_SCREENSHOT}`);
  } else {
    await saveFailure(session, cardShown && welcome ? welcome : page);
    process.exitCode = 1;
  }
  const errors = session.pageErrors;
  if (errors.length > 0) console.log(`console errors:\n  ${errors.join('\n  ')}`);
  if (!process.exitCode && !(existsSync(CARD_SCREENSHOT) && existsSync(WELCOME_SCREENSHOT))) process.exitCode = 1;
} finally {
  await session.close({ removeUserDataDir: true });
  await site.close();
}
