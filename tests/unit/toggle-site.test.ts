import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toggleSite } from '@/entrypoints/background/commands';
import { DEFAULT_SETTINGS, readSettings, updateSettings } from '@/extension/settings';

describe('toggle-site command', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('switches a site that is on by default off, then on again, as its own setting', async () => {
    await toggleSite('https://www.news.example.com/a/b.html');
    expect((await readSettings()).sites).toEqual({ 'news.example.com': false });
    await toggleSite('https://news.example.com/other');
    expect((await readSettings()).sites).toEqual({ 'news.example.com': true });
  });

  it('leaves other sites and settings alone', async () => {
    await updateSettings({ sites: { 'other.example.org': false }, highlightStyle: 'tint' });
    await toggleSite('http://127.0.0.1:8080/page.html');
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      highlightStyle: 'tint',
      sites: { 'other.example.org': false, '127.0.0.1': false },
    });
  });

  it('turning a site on while everything is off turns the global switch on too', async () => {
    await updateSettings({ enabled: false });
    await toggleSite('https://news.example.com/');
    const settings = await readSettings();
    expect(settings.enabled).toBe(true);
    expect(settings.sites).toEqual({ 'news.example.com': true });
  });

  it('does nothing on a page without a host', async () => {
    await toggleSite('about:blank');
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
