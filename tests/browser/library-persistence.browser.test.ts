// The library survives what a reader's browser goes through: a restart with
// the same profile, and an update to the next release (the rehearsal build,
// whose newer bundle version makes the background load the bundle again, see
// never-lose-a-setting.browser.test.ts). An added document keeps its rows and
// its terms on the page; the bundled documents keep the reader's name and
// switch, although their rows are replaced.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntry, Reply, TermTable } from '@/lib/messages';
import type { ClauseRow, TermRow } from '@/lib/store/db';
import { installUpdate, updatableCopy, withVersion } from './extension-update';
import {
  builtExtensionDir,
  extensionNetworkRequests,
  launchWithExtension,
  readStore,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
  termsOfTable,
} from './harness';
import { highlightedTexts } from './reliability-support';

interface ChromeGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

const REPORT = readFileSync('tests/fixtures/documents/tianjin-2025-work-report.txt', 'utf8');

async function ask<T>(page: Page, message: object): Promise<T> {
  const reply = await page.evaluate(async (m) => (await (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage(m)) as Reply<T>, message);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Adds the 2025 report and makes a choice about each bundled document, as a reader would on the library page. */
async function fillLibrary(page: Page): Promise<LibraryEntry[]> {
  const { documentId } = await ask<{ documentId: string }>(page, { type: 'import-document', title: '', text: REPORT, source: 'paste' });
  const [report, article] = await ask<LibraryEntry[]>(page, { type: 'list-documents' });
  await ask(page, { type: 'rename-document', documentId: report!.id, title: '2024年报告（读者命名）' });
  await ask(page, { type: 'set-document-enabled', documentId: article!.id, enabled: false });
  const list = await ask<LibraryEntry[]>(page, { type: 'list-documents' });
  expect(list.map((d) => [d.title, d.enabled, d.bundled])).toEqual([
    ['2024年报告（读者命名）', true, true],
    [article!.title, false, true],
    ['2025年天津市政府工作报告', true, false],
  ]);
  expect(list[2]!.id).toBe(documentId);
  return list;
}

/** The library as the reader finds it: the list, the added document's rows, and its terms on a news page. */
async function expectLibrary(session: ExtensionSession, site: FixtureServer, before: LibraryEntry[]): Promise<void> {
  const page = await session.extensionPage('library.html');
  try {
    expect(await ask<LibraryEntry[]>(page, { type: 'list-documents' })).toEqual(before);
    const added = before[2]!;
    const clauses = await readStore<ClauseRow>(page, 'clauses', { index: 'docId', key: added.id });
    expect(clauses).toHaveLength(added.counts.clauses);
    expect(clauses.every((c) => c.bundle === undefined)).toBe(true);
    expect(await readStore<TermRow>(page, 'terms', { index: 'docId', key: added.id })).toHaveLength(added.counts.terms);
    const table = await ask<TermTable>(page, { type: 'term-table' });
    expect(termsOfTable(table).map((t) => t.term)).toContain('津链通');
    // The article is still off: a term of it alone is not in the table.
    expect(termsOfTable(table).map((t) => t.term)).not.toContain('绽放杯');
  } finally {
    await page.close();
  }
  const news = await session.context.newPage();
  await news.goto(`${site.origin}/library-news.html`);
  await expect.poll(() => highlightedTexts(news), { timeout: 15_000 }).toContain('津链通');
  await news.close();
}

describe('the library across a restart and an update', () => {
  let site: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
  });

  afterAll(async () => {
    await site?.close();
  });

  it('keeps every document, its rows and the reader’s choices across a browser restart', async () => {
    let session = await launchWithExtension();
    try {
      await waitForIndexReady(session);
      const page = await session.extensionPage('library.html');
      const before = await fillLibrary(page);
      await session.close();
      session = await launchWithExtension({ userDataDir: session.userDataDir });
      expect((await waitForIndexReady(session)).state).toBe('ready');
      await expectLibrary(session, site, before);
      expect(extensionNetworkRequests(session.requests)).toEqual([]);
    } finally {
      await session.close({ removeUserDataDir: true });
    }
  });

  describe('an update to the next release', () => {
    let nextBuildRoot: string;
    let nextBuild: string;

    beforeAll(async () => {
      nextBuildRoot = mkdtempSync(join(tmpdir(), 'policylens-next-'));
      await promisify(execFile)('node_modules/.bin/wxt', ['build'], {
        env: { ...process.env, POLICYLENS_RELEASE_TEST: 'next', POLICYLENS_OUT: nextBuildRoot },
        maxBuffer: 16 * 1024 * 1024,
      });
      nextBuild = withVersion(join(nextBuildRoot, 'chrome-mv3'), '0.2.0');
    }, 120_000);

    afterAll(() => {
      rmSync(nextBuildRoot, { recursive: true, force: true });
      rmSync(nextBuild, { recursive: true, force: true });
    });

    it('keeps the added document and the choices while the bundle’s rows are replaced by the new release’s', async () => {
      const installed = updatableCopy(builtExtensionDir('chrome'));
      const session = await launchWithExtension({ extensionDir: installed });
      try {
        const old = await waitForIndexReady(session);
        const page = await session.extensionPage('library.html');
        const before = await fillLibrary(page);
        await page.close();

        await installUpdate(session, nextBuild);
        const status = await waitForIndexReady(session);
        expect(status).toMatchObject({ state: 'ready', version: `${old.version}+next`, fallback: false });
        const control = await session.extensionPage('library.html');
        const bundledRows = await readStore<{ bundle?: string }>(control, 'clauses');
        expect(bundledRows.filter((r) => r.bundle === old.version)).toEqual([]);
        expect(bundledRows.filter((r) => r.bundle === status.version).length).toBe(before[0]!.counts.clauses + before[1]!.counts.clauses);
        await control.close();
        await expectLibrary(session, site, before);
        expect(extensionNetworkRequests(session.requests)).toEqual([]);
      } finally {
        await session.close({ removeUserDataDir: true });
        rmSync(installed, { recursive: true, force: true });
      }
    });
  });
});
