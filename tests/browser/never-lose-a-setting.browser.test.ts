// Settings and the index survive a browser restart and an extension update.
// Restart: the same profile comes back with every setting and the same index,
// read back from IndexedDB rather than loaded again (the meta row is the
// same). Update: the rehearsal of the next release (POLICYLENS_RELEASE_TEST=next,
// extension/release-rehearsal.ts: a newer bundle version and settings version 2)
// is built here and installed over the running build in place
// (extension-update.ts); every setting is kept through the settings item's
// declared migration, the new index is loaded, the old bundle's rows are gone
// and a row of the reader's own is kept.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, TermTable } from '@/lib/messages';
import type { MetaRow, TargetRow } from '@/lib/store/db';
import type { Settings } from '@/extension/settings';
import { buildNextRelease, installUpdate, updatableCopy, type NextRelease } from './extension-update';
import {
  builtExtensionDir,
  extensionNetworkRequests,
  launchWithExtension,
  readStore,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

interface ChromeGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  };
}

/** The settings a reader changes on the options page, all away from the defaults. */
const CHANGED: Pick<Settings, 'defaultOn' | 'sites' | 'highlightStyle' | 'highlightColor' | 'hoverDelayMs'> = {
  defaultOn: false,
  sites: { 'news.example.com': true, 'paper.example.cn': false },
  highlightStyle: 'tint',
  highlightColor: '#1d4ed8',
  hoverDelayMs: 400,
};

/** The settings item and its meta row (`settings$`, where WXT records the stored version), as stored. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const all = await (globalThis as unknown as ChromeGlobals).chrome.storage.local.get(['settings', 'settings$']);
    return { settings: all.settings as Settings | undefined, meta: all['settings$'] as { v?: number } | undefined };
  });

const ask = <T,>(page: Page, message: object) =>
  page.evaluate(async (m) => (await (globalThis as unknown as ChromeGlobals).chrome.runtime.sendMessage(m)) as Reply<T>, message);

/** Changes every setting the way a reader does, on the options page. */
async function changeSettings(session: ExtensionSession): Promise<Page> {
  const options = await session.extensionPage('options.html');
  await options.waitForSelector('#add-site');
  for (const [host, on] of Object.entries(CHANGED.sites)) {
    await options.fill('#add-site', host);
    await options.press('#add-site', 'Enter');
    const row = options.locator(`.options__site[data-host="${host}"]`);
    await row.waitFor();
    if (!on) {
      await row.getByRole('switch').click();
      await expect.poll(() => row.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    }
  }
  await options.locator('#default-switch').click();
  await options.locator(`input[name="highlight-style"][value="${CHANGED.highlightStyle}"]`).check();
  await options.locator('#highlight-color').evaluate((input: HTMLInputElement, colour) => {
    input.value = colour;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, CHANGED.highlightColor);
  await options.fill('#hover-delay', String(CHANGED.hoverDelayMs));
  await options.press('#hover-delay', 'Tab');
  await expect.poll(async () => (await stored(options)).settings).toMatchObject(CHANGED);
  return options;
}

/** What the options page shows, after a fresh load. */
async function shownSettings(session: ExtensionSession) {
  const options = await session.extensionPage('options.html');
  await options.waitForSelector('#hover-delay');
  await options.locator('.options__site').first().waitFor();
  const shown = {
    defaultOn: (await options.locator('#default-switch').getAttribute('aria-checked')) === 'true',
    sites: Object.fromEntries(
      await options.$$eval('.options__site', (rows) =>
        rows.map((r) => [r.getAttribute('data-host'), r.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true']),
      ),
    ),
    highlightStyle: await options.locator('input[name="highlight-style"]:checked').getAttribute('value'),
    highlightColor: await options.inputValue('#highlight-color'),
    hoverDelayMs: Number(await options.inputValue('#hover-delay')),
  };
  await options.close();
  return shown;
}

const highlightCount = (page: Page) => page.evaluate(() => CSS.highlights.get('policy-lens')?.size ?? 0);

describe('never lose a setting', () => {
  let site: FixtureServer;

  beforeAll(async () => {
    site = await serveFixtures('tests/fixtures/pages');
  });

  afterAll(async () => {
    await site?.close();
  });

  it('keeps every setting and the loaded index across a browser restart with the same profile', async () => {
    let session = await launchWithExtension();
    try {
      const first = await waitForIndexReady(session);
      expect(first.state).toBe('ready');
      const options = await changeSettings(session);
      const before = await stored(options);
      const [metaBefore] = await readStore<MetaRow>(options, 'meta');
      expect(metaBefore?.version).toBe(first.version);

      await session.close();
      session = await launchWithExtension({ userDataDir: session.userDataDir });
      const again = await waitForIndexReady(session);
      expect(again).toMatchObject({ state: 'ready', version: first.version, fallback: false, counts: first.counts });

      const control = await session.extensionPage('options.html');
      // Read back, not loaded again: the meta row the first start wrote is the one there.
      const [metaAfter] = await readStore<MetaRow>(control, 'meta');
      expect(metaAfter).toEqual(metaBefore);
      expect(await stored(control)).toEqual(before);
      expect(await shownSettings(session)).toEqual(CHANGED);

      // And they take effect: 127.0.0.1 is not listed and the default is off.
      const page = await session.context.newPage();
      await page.goto(`${site.origin}/demo-news.html`);
      await page.waitForTimeout(1_500);
      expect(await highlightCount(page)).toBe(0);
      await page.close();
      expect(extensionNetworkRequests(session.requests)).toEqual([]);
    } finally {
      await session.close({ removeUserDataDir: true });
    }
  });

  describe('an update to the next release', () => {
    let next: NextRelease;
    let nextBuild: string;

    beforeAll(async () => {
      next = await buildNextRelease();
      nextBuild = next.dir;
    }, 120_000);

    afterAll(() => {
      next?.remove();
    });

    it('the rehearsal hook is in the rehearsal build only', () => {
      const code = (dir: string) =>
        readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((name) => name.endsWith('.js'))
          .map((name) => readFileSync(join(dir, name), 'utf8'))
          .join('\n');
      const normal = code(builtExtensionDir('chrome'));
      const rehearsal = code(nextBuild);
      expect(rehearsal).toContain('+next');
      expect(rehearsal).toContain('Update rehearsal: this line exists only in the rehearsal build');
      expect(normal).not.toContain('+next');
      expect(normal).not.toContain('__POLICYLENS_RELEASE_TEST__');
      expect(normal).not.toContain('Update rehearsal');
    });

    it('keeps every setting (migrated to version 2), loads the new index, drops the old rows and keeps the reader’s', async () => {
      const installed = updatableCopy(builtExtensionDir('chrome'));
      const session = await launchWithExtension({ extensionDir: installed });
      try {
        const old = await waitForIndexReady(session);
        expect(old.state).toBe('ready');
        const options = await changeSettings(session);
        const before = await stored(options);
        expect(before.meta).toEqual({ v: 1 });

        // A row of the reader's own (no `bundle`): a figure they noted beside a clause of the report.
        const [bundled] = await readStore<TargetRow>(options, 'targets');
        const readerRow: TargetRow = { ...bundled!, id: 'reader-note-1', text: '读者自记', bundle: undefined };
        delete readerRow.bundle;
        await options.evaluate(
          (row) =>
            new Promise<void>((done, fail) => {
              const open = indexedDB.open('policy-lens');
              open.onerror = () => fail(open.error);
              open.onsuccess = () => {
                const tx = open.result.transaction('targets', 'readwrite');
                tx.objectStore('targets').put(row);
                tx.oncomplete = () => {
                  open.result.close();
                  done();
                };
                tx.onerror = () => fail(tx.error);
              };
            }),
          readerRow,
        );

        const started = performance.now();
        await installUpdate(session, nextBuild);
        const status = await waitForIndexReady(session);
        const updateMs = performance.now() - started;

        expect(status).toMatchObject({ state: 'ready', version: `${old.version}+next`, fallback: false });
        // The snapshot holds the new bundle and the reader's row.
        expect(status.counts).toEqual({ ...old.counts, targets: old.counts.targets + 1 });

        const control = await session.extensionPage('options.html');
        const table = await ask<TermTable>(control, { type: 'term-table' });
        expect(table.ok && table.value.version).toBe(status.version);

        const [meta] = await readStore<MetaRow>(control, 'meta');
        expect(meta?.version).toBe(status.version);
        for (const [store, count] of [
          ['documents', old.counts.documents],
          ['clauses', old.counts.clauses],
          ['targets', old.counts.targets],
          ['terms', old.counts.terms],
        ] as const) {
          const rows = await readStore<{ id: string; bundle?: string }>(control, store);
          expect(rows.filter((r) => r.bundle === old.version), `${store} rows of the old bundle`).toEqual([]);
          expect(rows.filter((r) => r.bundle === status.version).length, `${store} rows of the new bundle`).toBe(count);
        }
        expect(await readStore<TargetRow>(control, 'targets', { key: 'reader-note-1' })).toEqual([readerRow]);

        // Every setting kept, through the migration: WXT records version 2 only when it migrated.
        const after = await stored(control);
        expect(after.settings).toEqual(before.settings);
        expect(after.meta).toEqual({ v: 2 });
        expect(await shownSettings(session)).toEqual(CHANGED);
        expect(session.pageErrors.filter((e) => /migration|settings/i.test(e))).toEqual([]);
        // The update fetched nothing either.
        expect(extensionNetworkRequests(session.requests)).toEqual([]);
        console.info(
          `update to the next release: rehearsal build ${Math.round(next.buildMs)} ms; install to new index ready ${Math.round(updateMs)} ms ` +
            `(load ${status.loadMs ?? '?'} ms); ${old.counts.clauses} clauses, ${old.counts.targets} targets, ${old.counts.terms} terms replaced`,
        );
      } finally {
        await session.close({ removeUserDataDir: true });
        rmSync(installed, { recursive: true, force: true });
      }
    });
  });
});
