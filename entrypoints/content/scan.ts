// Runs the matcher over the page in slices of a few milliseconds, so no task
// of ours comes near the 50 ms that makes a page feel stuck, even on a page of
// a million characters. The first read starts at the text in view and goes on
// to the end, then reads what is above it: the reader sees the terms in front
// of them first.

import type { Matcher } from '@/lib/match/matcher';
import { collectMatches, isInSkippedTree, ownerBlock, type CollectOptions } from './collect-text';
import type { MatchIndex, PageMatch } from './match-index';
import type { Painter } from './paint';

/** Work per slice before handing the thread back to the page. */
const SLICE_MS = 8;

/**
 * Runs `fn` in a new task as soon as the page's own tasks allow: the way to
 * hand the thread back between slices. setTimeout(fn, 0) is clamped to 4 ms
 * once nested five deep (HTML's timer rules); a MessagePort message is not.
 * Not scheduler.postTask: measured on the bench's pages (Chromium 156), its
 * 'user-visible' tasks made the no-match page's scan slower than even
 * setTimeout (58.6 and 56.6 ms against 48.8 and 50.7 ms in two runs), where
 * a message made it faster (50.2 against 56.9 ms).
 */
export function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/**
 * New ranges reach the Highlight at most this often after the first batch:
 * Chromium recomputes the markers of every range of a Highlight on the frame
 * after any change, so adding a few ranges every slice made the 1,000,000-
 * character page's rendering cost grow with the square of its matches
 * (profiled: 1.3 s of extra native work, against 0.3 s with batching).
 */
const PAINT_INTERVAL_MS = 250;

interface Job {
  /** Each block's matches, block after block. */
  blocks: Iterator<PageMatch[], void, undefined>;
  /** Matches owned by this block are dropped: another job rereads it. */
  skipOwner?: Element;
}

export interface ScannerOptions {
  matcher: Matcher;
  index: MatchIndex;
  painter: Painter;
  onShadowRoot: (root: ShadowRoot) => void;
  /** Called after each slice that added or removed matches. */
  onChange: () => void;
  /** Schedules the next slice: nextTask, wrapped so that it stops when the extension reloads. */
  defer: (fn: () => void) => void;
}

export class Scanner {
  #options: ScannerOptions;
  #jobs: Job[] = [];
  #scheduled = false;
  #stopped = false;
  #unpainted: PageMatch[] = [];
  #paintedAt = -Infinity;
  /** Set while scanVisibleFirst queues its jobs: it runs the first slice itself. */
  #starting = false;

  constructor(options: ScannerOptions) {
    this.#options = options;
  }

  /** Reads a subtree (a document, shadow root or element), all of it. */
  scanTree(root: Node, extra: Partial<CollectOptions> = {}, skipOwner?: Element): void {
    this.#push({ blocks: this.#collect({ root, deep: true, onShadowRoot: this.#options.onShadowRoot, ...extra }), skipOwner });
  }

  /** Rereads a block's own inline text (not the blocks inside it). */
  rescanBlock(block: Element): void {
    this.#push({ blocks: this.#collect({ root: block, deep: false, onShadowRoot: this.#options.onShadowRoot }) });
  }

  /**
   * The first read of a document: the text in view first. Called in a task
   * of its own, it reads the first slice at once, so an article is read and
   * painted in this one task, without waiting for another. On a page not
   * scrolled (most loads) the text in view is the document's start and the
   * read starts there without a probe: elementFromPoint brings the page's
   * rendering up to date before it hit-tests, and on the bench's 1,000,000-
   * character pages that was 3.5-5.7 ms of the whole cost, in our task.
   */
  scanVisibleFirst(root: Document): void {
    const start = (root.defaultView?.scrollY ?? 0) > 0 ? blockInView(root) : null;
    this.#starting = true;
    if (start) {
      this.scanTree(root, { from: start });
      this.scanTree(root, { until: start });
    } else this.scanTree(root);
    this.#starting = false;
    if (!this.#scheduled) this.#slice();
  }

  /** Drops matches of blocks that pass the test (and unpaints them). */
  drop(test: (owner: Element) => boolean): PageMatch[] {
    const removed = this.#options.index.removeOwners(test);
    if (removed.length) {
      const gone = new Set<PageMatch>(removed);
      this.#options.painter.remove(removed);
      this.#unpainted = this.#unpainted.filter((m) => !gone.has(m));
    }
    return removed;
  }

  stop(): void {
    this.#stopped = true;
    this.#jobs = [];
    this.#unpainted = [];
  }

  get busy(): boolean {
    return this.#jobs.length > 0;
  }

  /** Each job reads with its own cursor: a job may pause in the middle of a block. */
  #collect(options: CollectOptions): Iterator<PageMatch[], void, undefined> {
    return collectMatches(options, this.#options.matcher.cursor());
  }

  #push(job: Job): void {
    if (this.#stopped) return;
    this.#jobs.push(job);
    if (!this.#scheduled && !this.#starting) {
      this.#scheduled = true;
      this.#options.defer(() => this.#slice());
    }
  }

  #slice(): void {
    this.#scheduled = false;
    if (this.#stopped) return;
    const { index, onChange } = this.#options;
    const started = performance.now();
    // Painting is part of the slice, not added after it: handing the painter the blocks of 250 ms of
    // reading (an IntersectionObserver target each) took some 10 ms on the 10 MB page, on top of a full slice.
    if (this.#unpainted.length && started - this.#paintedAt >= PAINT_INTERVAL_MS) this.#paint(started);
    const until = started + SLICE_MS;
    let changed = false;
    while (this.#jobs.length && performance.now() < until) {
      const job = this.#jobs[0]!;
      const next = job.blocks.next();
      if (next.done) {
        this.#jobs.shift();
        continue;
      }
      const found = next.value;
      if (!found.length || found[0]!.owner === job.skipOwner) continue;
      index.add(found);
      for (const match of found) this.#unpainted.push(match);
      changed = true;
    }
    // The first matches, those from the text in view on, are painted at once and placed by their boxes,
    // read in the same task as the probe that found the text in view (so the layout is fresh): the
    // painter's observer reports in tasks of their own that the slices, one after the other, kept from
    // running, and on the 10 MB page opened at its end the terms in view showed only once 95% of the
    // page was read.
    const first = this.#paintedAt === -Infinity;
    if (this.#unpainted.length && (first || this.#jobs.length === 0)) this.#paint(performance.now(), first);
    if (changed) onChange();
    if (this.#jobs.length && !this.#scheduled) {
      this.#scheduled = true;
      this.#options.defer(() => this.#slice());
    }
  }

  #paint(now: number, placeNow = false): void {
    this.#options.painter.add(this.#unpainted, placeNow);
    this.#unpainted = [];
    this.#paintedAt = now;
  }
}

/**
 * The block at the top of the viewport, where reading starts. A fixed header
 * or a full-page wrapper says little about where the text is, so the probe
 * goes down the middle of the viewport until it meets a block that is
 * neither the document nor skipped.
 */
function blockInView(doc: Document): Element | null {
  const view = doc.defaultView;
  if (!view || !doc.body) return null;
  for (const share of [0.15, 0.35, 0.55]) {
    const hit = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight * share);
    if (!hit || hit === doc.body || hit === doc.documentElement || !doc.body.contains(hit)) continue;
    if (isInSkippedTree(hit)) continue;
    const block = ownerBlock(hit);
    if (block && block !== doc.body && block !== doc.documentElement) return block;
  }
  return null;
}
