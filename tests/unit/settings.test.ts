import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toggleSite } from '@/entrypoints/background/commands';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '@/extension/settings';
import { storedSettings } from '@/extension/settings-version';

describe('updateSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps every change when several start at once', async () => {
    // Each used to read the same stored copy, and the last write undid the others.
    await Promise.all([
      updateSettings({ highlightStyle: 'tint' }),
      updateSettings({ highlightColor: '#1d4ed8' }),
      updateSettings({ hoverDelayMs: 400 }),
      updateSettings({ defaultOn: false }),
    ]);
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      highlightStyle: 'tint',
      highlightColor: '#1d4ed8',
      hoverDelayMs: 400,
      defaultOn: false,
    });
  });

  it('extends sites from the current settings when the change is a function', async () => {
    await Promise.all(
      ['a.example', 'b.example', 'c.example'].map((host, i) =>
        updateSettings((current) => ({ sites: { ...current.sites, [host]: i % 2 === 0 } })),
      ),
    );
    expect((await readSettings()).sites).toEqual({ 'a.example': true, 'b.example': false, 'c.example': true });
  });

  it('flips a site twice for two quick toggle commands', async () => {
    await Promise.all([toggleSite('https://news.example.com/a'), toggleSite('https://news.example.com/b')]);
    expect((await readSettings()).sites).toEqual({ 'news.example.com': true });
  });

  it('goes on after a change that failed', async () => {
    await expect(
      updateSettings(() => {
        throw new Error('broken change');
      }),
    ).rejects.toThrow('broken change');
    await updateSettings({ hoverDelayMs: 300 });
    expect((await readSettings()).hoverDelayMs).toBe(300);
  });

  it('reads the same settings without the storage item as through it (the content script reads them so)', async () => {
    expect(storedSettings(await fakeBrowser.storage.local.get(null))).toEqual(DEFAULT_SETTINGS);
    await updateSettings({ highlightStyle: 'tint', sites: { 'news.example.com': false } });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(storedSettings(stored)).toEqual(await readSettings());
    expect(storedSettings(stored)).toMatchObject({ highlightStyle: 'tint', sites: { 'news.example.com': false } });
  });
});
