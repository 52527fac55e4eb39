// The options page in the built extension: sites added, switched and
// removed; the default for unlisted sites; highlight style, colour and hover
// delay; the commands; the index status. Changes persist (a reload of the
// page shows them) and take effect on an open page without a reload.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  serveFixtures,
  waitForIndexReady,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

const highlightCount = (page: Page) =>
  page.evaluate(() => {
    let count = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('policy-lens')) count += highlight.size;
    return count;
  });

/** The text of the stylesheets the content script adopted into the page. */
const adoptedCss = (page: Page) =>
  page.evaluate(() =>
    document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
  );

interface StorageGlobals {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}

const storedSettings = (page: Page) =>
  page.evaluate(async () => (await (globalThis as unknown as StorageGlobals).chrome.storage.local.get('settings')).settings);

describe('options page', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let options: Page;

  beforeAll(async () => {
    server = await serveFixtures('tests/fixtures/pages');
    session = await launchWithExtension();
    await waitForIndexReady(session);
    options = await session.extensionPage('options.html');
    await options.waitForSelector('#add-site');
  });

  afterAll(async () => {
    await session?.close({ removeUserDataDir: true });
    await server?.close();
  });

  it('adds a site by host (normalised), switches it, rejects a non-host, removes it, and keeps it across a reload', async () => {
    await options.fill('#add-site', 'https://WWW.News.Example.com/some/article');
    await options.press('#add-site', 'Enter');
    const row = options.locator('.options__site[data-host="news.example.com"]');
    await row.waitFor();
    const rowSwitch = row.getByRole('switch');
    expect(await rowSwitch.getAttribute('aria-checked')).toBe('true');
    await rowSwitch.click();
    await expect.poll(() => rowSwitch.getAttribute('aria-checked')).toBe('false');

    await options.fill('#add-site', 'not a host!');
    await options.press('#add-site', 'Enter');
    await options.locator('#add-site-problem').waitFor();
    expect(await options.getAttribute('#add-site', 'aria-invalid')).toBe('true');

    await options.reload();
    await row.waitFor();
    expect(await row.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await storedSettings(options)).toMatchObject({ sites: { 'news.example.com': false } });

    await row.getByRole('button').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(async () => ((await storedSettings(options)) as { sites: object }).sites).toEqual({});
  });

  it('the default for unlisted sites switches an open page off and on, without a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    const defaultSwitch = options.locator('#default-switch');
    await defaultSwitch.click();
    await expect.poll(() => highlightCount(page)).toBe(0);
    await options.reload();
    expect(await options.locator('#default-switch').getAttribute('aria-checked')).toBe('false');
    await options.locator('#default-switch').click();
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('highlight style, colour and hover delay persist and restyle an open page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/demo-news.html`);
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(0);

    await options.locator('input[name="highlight-style"][value="tint"]').check();
    await options.locator('#highlight-color').evaluate((input: HTMLInputElement) => {
      input.value = '#1d4ed8';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.fill('#hover-delay', '400');
    await options.press('#hover-delay', 'Tab');

    await expect.poll(() => adoptedCss(page)).toMatch(/background-color: color-mix\(in srgb, (#1d4ed8|rgb\(29, 78, 216\)) 18%/);
    await expect
      .poll(() => storedSettings(options))
      .toMatchObject({ highlightStyle: 'tint', highlightColor: '#1d4ed8', hoverDelayMs: 400 });

    await options.reload();
    await options.waitForSelector('#hover-delay');
    expect(await options.locator('input[name="highlight-style"][value="tint"]').isChecked()).toBe(true);
    expect(await options.inputValue('#highlight-color')).toBe('#1d4ed8');
    expect(await options.inputValue('#hover-delay')).toBe('400');
    await page.close();
  });

  it('lists the extension commands and the index status with counts', async () => {
    const commands = await options.$$eval('.shortcut-table tbody tr', (rows) =>
      rows.map((r) => (r as HTMLElement).dataset.command),
    );
    expect(commands).toEqual(expect.arrayContaining(['_execute_action', 'toggle-site', 'focus-next-term']));
    const index = options.locator('.options__index');
    expect(await index.getAttribute('data-state')).toBe('ready');
    expect(Number(await index.locator('[data-count="documents"]').textContent())).toBe(2);
    expect(Number(await index.locator('[data-count="targets"]').textContent())).toBeGreaterThan(0);
  });
});
