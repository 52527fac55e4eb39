// The background honours a message that opens a tab at most once a second
// from each sending tab, on a clock the test moves by hand: no sleeping.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler } from '@/entrypoints/background/handle-message';
import type { IndexStore } from '@/entrypoints/background/index-store';
import { OpenTabLimiter } from '@/entrypoints/background/open-tab-limiter';
import type { SearchService } from '@/entrypoints/background/search-service';
import type { LibraryService } from '@/entrypoints/background/library-service';

function clock() {
  let now = 10_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const tab = (id: number) => ({ tab: { id } });

describe('OpenTabLimiter', () => {
  it('allows one request a second from a tab and refuses the rest of a burst', () => {
    const time = clock();
    const limiter = new OpenTabLimiter({ now: time.now });
    const burst = Array.from({ length: 5 }, () => limiter.allow(tab(7)));
    expect(burst).toEqual([true, false, false, false, false]);
    time.advance(999);
    expect(limiter.allow(tab(7))).toBe(false);
    time.advance(1);
    expect(limiter.allow(tab(7))).toBe(true);
  });

  it('does not let refused requests restart the wait', () => {
    const time = clock();
    const limiter = new OpenTabLimiter({ now: time.now });
    expect(limiter.allow(tab(7))).toBe(true);
    for (let i = 0; i < 9; i++) {
      time.advance(100);
      expect(limiter.allow(tab(7))).toBe(false);
    }
    time.advance(100);
    expect(limiter.allow(tab(7))).toBe(true);
  });

  it('keeps a wait per tab, and one for senders without a tab (extension pages)', () => {
    const time = clock();
    const limiter = new OpenTabLimiter({ now: time.now });
    expect(limiter.allow(tab(1))).toBe(true);
    expect(limiter.allow(tab(2))).toBe(true);
    expect(limiter.allow({})).toBe(true);
    expect(limiter.allow({ tab: {} })).toBe(false);
    expect(limiter.allow(tab(1))).toBe(false);
    expect(limiter.allow(tab(2))).toBe(false);
    time.advance(1_000);
    expect([limiter.allow(tab(1)), limiter.allow(tab(2)), limiter.allow({})]).toEqual([true, true, true]);
  });
});

describe('open-report through the message handler', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('opens one tab for a burst from one tab, answers the rest with an error, and another tab still opens one', async () => {
    const time = clock();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    // open-report needs neither the index nor search.
    const handle = createMessageHandler({} as IndexStore, {} as SearchService, {} as LibraryService, new OpenTabLimiter({ now: time.now }));
    const message = { type: 'open-report', clauseId: 'c1' };

    const replies = await Promise.all(Array.from({ length: 5 }, () => handle(message, tab(3))));
    expect(replies[0]).toEqual({ ok: true, value: { opened: true } });
    for (const reply of replies.slice(1)) expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^open-report refused/) });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0]).toMatchObject({ url: expect.stringMatching(/\/report\.html#clause-c1$/) });

    expect(await handle(message, tab(4))).toEqual({ ok: true, value: { opened: true } });
    expect(create).toHaveBeenCalledTimes(2);

    time.advance(1_000);
    expect(await handle(message, tab(3))).toEqual({ ok: true, value: { opened: true } });
    expect(create).toHaveBeenCalledTimes(3);
  });

  it('does not count a malformed request against the tab', async () => {
    const time = clock();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const handle = createMessageHandler({} as IndexStore, {} as SearchService, {} as LibraryService, new OpenTabLimiter({ now: time.now }));
    expect(await handle({ type: 'open-report' }, tab(3))).toMatchObject({ ok: false });
    expect(await handle({ type: 'open-report', clauseId: 'c1' }, tab(3))).toEqual({ ok: true, value: { opened: true } });
    expect(create).toHaveBeenCalledTimes(1);
  });
});
