// A message that opens a tab is honoured at most once a second from each
// sending tab. The card acts only on the reader's own clicks (trusted-input.ts),
// but a tab the extension opens escapes the browser's popup blocker: should a
// page ever find a way to drive the content script, it still could not flood
// the reader with tabs. A reader clicks once; a burst is not the reader.

/** Who asked: runtime.onMessage's sender, of which only the tab is read. */
export interface OpenTabSender {
  tab?: { id?: number };
}

/** Per tab, and one key for senders without a tab (the popup, other extension pages). */
function senderKey(sender: OpenTabSender): string {
  const id = sender.tab?.id;
  return id === undefined ? 'no-tab' : `tab-${id}`;
}

export class OpenTabLimiter {
  readonly intervalMs: number;
  #now: () => number;
  /** When each key was last allowed to open a tab. */
  #opened = new Map<string, number>();

  /** `now` is a monotonic clock in ms (performance.now by default; a test passes its own). */
  constructor({ intervalMs = 1_000, now = () => performance.now() }: { intervalMs?: number; now?: () => number } = {}) {
    this.intervalMs = intervalMs;
    this.#now = now;
  }

  /** True, and counted, when this sender may open a tab now; a refused request does not restart its wait. */
  allow(sender: OpenTabSender): boolean {
    const now = this.#now();
    // Keys of tabs long closed would pile up over a browser session: forget every one past its wait.
    for (const [key, at] of this.#opened) if (now - at >= this.intervalMs) this.#opened.delete(key);
    const key = senderKey(sender);
    if (this.#opened.has(key)) return false;
    this.#opened.set(key, now);
    return true;
  }
}
