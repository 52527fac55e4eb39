import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleInstalled } from '@/entrypoints/background/first-run';
import { readFirstRun, takeUpdateNote, welcomeUrl } from '@/extension/first-run';

// 0.2.0's notes matter, 0.1.1's do not.
vi.mock('@/extension/release-notes', () => ({
  releaseNotesFor: (version: string) =>
    ({
      '0.2.0': { matters: true, zh: ['新增：文档库。'], en: ['New: the document library.'] },
      '0.1.1': { matters: false, zh: ['修正。'], en: ['Fixes.'] },
    })[version],
}));

let version = '0.1.0';

const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('first run', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    version = '0.1.0';
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'PolicyLens', version });
  });

  it('opens the welcome page on install, once: a second install event (every launch of an unpacked build) opens nothing', async () => {
    await handleInstalled({ reason: 'install' });
    expect(await tabUrls()).toContain(welcomeUrl());
    await handleInstalled({ reason: 'install' });
    expect((await tabUrls()).filter((url) => url === welcomeUrl())).toHaveLength(1);
    expect(await readFirstRun()).toEqual({ welcomeShown: true, lastInstall: { reason: 'install', version: '0.1.0' } });
  });

  it('never opens it on update, and leaves a note only for a release whose notes matter', async () => {
    version = '0.1.1';
    await handleInstalled({ reason: 'update', previousVersion: '0.1.0' });
    expect(await tabUrls()).not.toContain(welcomeUrl());
    expect((await readFirstRun()).pendingNote).toBeUndefined();
    version = '0.2.0';
    await handleInstalled({ reason: 'update', previousVersion: '0.1.1' });
    expect(await tabUrls()).not.toContain(welcomeUrl());
    expect(await readFirstRun()).toEqual({
      welcomeShown: false,
      pendingNote: '0.2.0',
      lastInstall: { reason: 'update', version: '0.2.0' },
    });
  });

  it('a reload of the same version is no update to tell about', async () => {
    version = '0.2.0';
    await handleInstalled({ reason: 'update', previousVersion: '0.2.0' });
    expect((await readFirstRun()).pendingNote).toBeUndefined();
  });

  it('the note is taken once', async () => {
    version = '0.2.0';
    await handleInstalled({ reason: 'update', previousVersion: '0.1.0' });
    expect(await takeUpdateNote()).toEqual({ version: '0.2.0', notes: expect.objectContaining({ matters: true }) });
    expect(await takeUpdateNote()).toBeUndefined();
    expect((await readFirstRun()).pendingNote).toBeUndefined();
  });

  it('a note left by an earlier update is dropped, not shown for the wrong version', async () => {
    version = '0.2.0';
    await handleInstalled({ reason: 'update', previousVersion: '0.1.0' });
    version = '0.3.0';
    expect(await takeUpdateNote()).toBeUndefined();
    expect((await readFirstRun()).pendingNote).toBeUndefined();
  });

  it('when the tab cannot be opened, the welcome page is not counted as shown', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValueOnce(new Error('No current window'));
    await expect(handleInstalled({ reason: 'install' })).rejects.toThrow('No current window');
    expect((await readFirstRun()).welcomeShown).toBe(false);
    await handleInstalled({ reason: 'install' });
    expect(await tabUrls()).toContain(welcomeUrl());
  });
});
