// Which main-thread tasks PolicyLens caused, from a Chromium trace rather than
// a guess: a task counts as PolicyLens's when a script event inside it names
// the extension's script, or when the sampling profiler caught the
// extension's code on the stack during it (continuations of promises, such as
// the scan that follows the term table's arrival, show up only there).
// The same samples also give a script's whole cost to a page (scriptTime):
// the main-thread time of every sample with a frame of that script on its stack.

import type { CDPSession, Page } from 'playwright-core';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  // The page's own performance.mark()s: a fixture marks what it saw (the first highlight) on the trace's clock.
  'blink.user_timing',
];

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event: less than dur when the thread waited for a core. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    beginData?: { url?: string };
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName: string };
}

export interface TaskStats {
  /** Main-thread tasks in which PolicyLens ran. */
  tasks: number;
  longestMs: number;
  /** CPU time of the longest task: on a loaded machine a task's wall time includes waiting for a core. */
  longestCpuMs: number;
  /** The most CPU time any task of ours took, V8's garbage collections inside it included. */
  mostCpuMs: number;
  /**
   * The same with the collections taken out, and the longest collection
   * inside a task of ours: a collection runs in whichever task allocates when
   * the heap is full, and collects the page's garbage with ours.
   */
  ownCpuMs: number;
  gcMs: number;
  totalMs: number;
  /** Of those, tasks over 50 ms. */
  over50: number;
  /** Where the longest task's samples were, most frequent first (function @ file). */
  longestHotspots: string[];
  /** Time inside the longest task by trace event (Layout, UpdateLayoutTree, FunctionCall …), largest first. */
  longestBreakdown: string[];
  /** Every task of the page's main thread, whoever caused it: the longest, and the total time of tasks over 50 ms. */
  page: { longestMs: number; longTaskTotalMs: number };
  /** CPU time of all tasks of ours. */
  cpuMs: number;
  /**
   * For each performance.mark() of the page, the CPU time of the tasks of
   * ours that ran before it: how far our work had got when the page saw
   * something, read on the trace's clock instead of by a test polling later.
   */
  cpuBeforeMarkMs: Record<string, number>;
}

/** Events whose time says what a task spent itself on. */
const BREAKDOWN = new Set(['Layout', 'UpdateLayoutTree', 'ParseHTML', 'FunctionCall', 'EvaluateScript', 'TimerFire', 'RunMicrotasks', 'HitTest', 'Paint', 'PrePaint', 'v8.compile', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR']);

/**
 * `hires`: V8 samples every 100 µs instead of every 1 ms (its tracing
 * profiler reads this category), fine enough to weigh a few milliseconds of
 * script; it costs the page more, so the huge-page tests leave it off.
 */
export async function startTrace(page: Page, { hires = false }: { hires?: boolean } = {}): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  const categories = hires ? [...CATEGORIES, 'disabled-by-default-v8.cpu_profiler.hires'] : CATEGORIES;
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
  });
  return cdp;
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('the trace came back without a stream');
  const parts: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(parts.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * Tasks of the page's renderer main thread (the renderer that parsed
 * `pageUrl`) in which code from `scriptPrefix` (chrome-extension://ID/) ran,
 * and all tasks of that renderer. Other renderers are left out: an extension
 * page open beside it (the welcome page the install opens) runs the
 * extension's code on its own main thread, which is no cost of the page's.
 */
export function tasksCausedBy(events: TraceEvent[], scriptPrefix: string, pageUrl: string): TaskStats {
  const pagePids = pageProcesses(events, pageUrl);
  if (!pagePids.size) throw new Error(`the trace holds no parse of ${pageUrl}: no renderer to attribute tasks in`);
  const mainThreads = new Set([...rendererMainThreads(events)].filter((thread) => pagePids.has(Number(thread.split(':')[0]))));
  const { tasksByPid, taskAt } = mainThreadTasks(events, mainThreads);

  // Script events that name the extension's script.
  for (const e of events) {
    if (!mainThreads.has(`${e.pid}:${e.tid}`) || !e.args?.data?.url?.startsWith(scriptPrefix)) continue;
    const task = taskAt(e.pid, e.ts);
    if (task) task.ours = true;
  }

  // Sampled stacks: the continuations of promises show up only there.
  for (const profile of sampledProfiles(events)) {
    for (const sample of profile.samples) {
      const task = taskAt(profile.pid, sample.time);
      if (!task) continue;
      if (holdsScript(profile.nodes, sample.node, scriptPrefix)) task.ours = true;
      task.samples.push(profile.nodes.get(sample.node)!.label);
    }
  }

  const ours = [...tasksByPid.values()].flat().filter((t) => t.ours);
  const collections = events.filter(
    (e) => (e.name === 'MinorGC' || e.name === 'MajorGC') && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`),
  );
  let mostCpu = 0;
  let ownCpu = 0;
  let gc = 0;
  for (const task of ours) {
    let inside = 0;
    for (const e of collections) if (e.ts >= task.start && e.ts + (e.dur ?? 0) <= task.end) inside += e.tdur ?? e.dur ?? 0;
    mostCpu = Math.max(mostCpu, task.cpu);
    ownCpu = Math.max(ownCpu, task.cpu - inside);
    gc = Math.max(gc, inside);
  }
  const longest = ours.reduce<(typeof ours)[number] | undefined>((a, t) => (!a || t.end - t.start > a.end - a.start ? t : a), undefined);
  const pageTasks = [...pagePids].flatMap((pid) => tasksByPid.get(pid) ?? []).map((t) => (t.end - t.start) / 1000);
  const inLongest = new Map<string, number>();
  if (longest) {
    const pid = [...tasksByPid].find(([, list]) => list.includes(longest))![0];
    for (const e of events) {
      if (e.ph !== 'X' || e.pid !== pid || !BREAKDOWN.has(e.name) || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
      if (e.ts >= longest.start && e.ts + (e.dur ?? 0) <= longest.end) inLongest.set(e.name, (inLongest.get(e.name) ?? 0) + (e.dur ?? 0));
    }
  }
  const counts = new Map<string, number>();
  for (const label of longest?.samples ?? []) counts.set(label, (counts.get(label) ?? 0) + 1);
  const cpuBeforeMarkMs: Record<string, number> = {};
  for (const [name, ts] of pageMarks(events, mainThreads)) {
    cpuBeforeMarkMs[name] = ours.filter((t) => t.end <= ts).reduce((n, t) => n + t.cpu, 0) / 1000;
  }
  return {
    tasks: ours.length,
    longestMs: longest ? (longest.end - longest.start) / 1000 : 0,
    longestCpuMs: longest ? longest.cpu / 1000 : 0,
    mostCpuMs: mostCpu / 1000,
    ownCpuMs: ownCpu / 1000,
    gcMs: gc / 1000,
    totalMs: ours.reduce((n, t) => n + (t.end - t.start), 0) / 1000,
    over50: ours.filter((t) => t.end - t.start > 50_000).length,
    longestHotspots: [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([label, n]) => `${label} ×${n}`),
    longestBreakdown: [...inLongest]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`),
    page: {
      longestMs: Math.max(0, ...pageTasks),
      longTaskTotalMs: pageTasks.filter((d) => d > 50).reduce((n, d) => n + d, 0),
    },
    cpuMs: ours.reduce((n, t) => n + t.cpu, 0) / 1000,
    cpuBeforeMarkMs,
  };
}

/** The first time each performance.mark() name was set on the given main threads. */
function pageMarks(events: TraceEvent[], mainThreads: Set<string>): Map<string, number> {
  const marks = new Map<string, number>();
  for (const e of events) {
    if (e.cat !== 'blink.user_timing' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    if (!marks.has(e.name) || e.ts < marks.get(e.name)!) marks.set(e.name, e.ts);
  }
  return marks;
}

function rendererMainThreads(events: TraceEvent[]): Set<string> {
  const threads = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.add(`${e.pid}:${e.tid}`);
  }
  return threads;
}

/** The renderer processes that parsed the page. */
function pageProcesses(events: TraceEvent[], pageUrl: string): Set<number> {
  return new Set(events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl).map((e) => e.pid));
}

interface Task {
  start: number;
  end: number;
  /** Thread (CPU) time: less than end - start when the thread waited for a core. */
  cpu: number;
  ours: boolean;
  /** The leaf frame of each sample taken in it. */
  samples: string[];
}

/** The tasks of renderer main threads, by process, and the task running at a time. */
function mainThreadTasks(events: TraceEvent[], mainThreads: Set<string>) {
  const tasksByPid = new Map<number, Task[]>();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const list = tasksByPid.get(e.pid) ?? [];
    list.push({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0, ours: false, samples: [] });
    tasksByPid.set(e.pid, list);
  }
  for (const list of tasksByPid.values()) list.sort((a, b) => a.start - b.start);
  const taskAt = (pid: number, ts: number): Task | undefined => {
    const list = tasksByPid.get(pid);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= ts) lo = mid + 1;
      else hi = mid - 1;
    }
    const task = list[hi];
    return task && ts <= task.end ? task : undefined;
  };
  return { tasksByPid, taskAt };
}

interface SampledNode {
  parent?: number;
  url: string;
  /** "function @ file", or the profiler's own name for (idle), (program), (garbage collector). */
  label: string;
}

interface SampledProfile {
  pid: number;
  /** The thread the profile samples (its Profile event's). */
  tid: number;
  nodes: Map<number, SampledNode>;
  /** Each sample: its time (trace clock, µs) and its stack's leaf. */
  samples: { time: number; node: number }[];
}

/** The V8 sampling profiles in a trace: Profile gives the thread and start time, ProfileChunks the nodes, samples and time deltas. */
function sampledProfiles(events: TraceEvent[]): SampledProfile[] {
  const profiles = new Map<string, SampledProfile & { time: number }>();
  for (const e of events) {
    if (e.ph !== 'P' || e.id === undefined) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      profiles.set(key, { pid: e.pid, tid: e.tid, time: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [] });
      continue;
    }
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(key);
    if (!profile) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) {
      const url = node.callFrame.url ?? '';
      const label = url ? `${node.callFrame.functionName || '(anonymous)'} @ ${url.split('/').pop()}` : node.callFrame.functionName;
      profile.nodes.set(node.id, { parent: node.parent, url, label });
    }
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    samples.forEach((node, i) => {
      profile.time += deltas[i] ?? 0;
      profile.samples.push({ time: profile.time, node });
    });
  }
  // A profile's time deltas may be negative (samples recorded out of order): in time order, each is followed by the next.
  for (const profile of profiles.values()) profile.samples.sort((a, b) => a.time - b.time);
  return [...profiles.values()];
}

/** Whether the stack ending at `leaf` holds a frame of a script whose URL starts with `prefix`. */
function holdsScript(nodes: Map<number, SampledNode>, leaf: number, prefix: string): boolean {
  for (let at = nodes.get(leaf); at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) {
    if (at.url.startsWith(prefix)) return true;
  }
  return false;
}

export interface ScriptTime {
  /** Main-thread CPU time of the script (see scriptTime). */
  ms: number;
  /** Samples with a frame of the script on their stack. */
  samples: number;
  /** From the first to the last such sample: when the script's work on the page settled. */
  spanMs: number;
  /** CPU time by leaf frame of those samples, largest first ("function @ file 1.2 ms"). */
  top: string[];
  /**
   * The whole CPU time of the tasks holding any such sample: an upper bound
   * that also takes in the native work around the script in those tasks,
   * such as decoding a message before its promise continues in the script.
   */
  tasksMs: number;
}

/**
 * What scripts whose URL starts with `scriptPrefix` cost the page's main
 * thread over the whole trace: each main-thread task's CPU time, shared out
 * by its samples, and the share of the samples whose stack holds a frame of
 * those scripts (their calls into the DOM and the continuations of their
 * promises included, which task-level script events miss). A sample stands
 * for the time to the next one within its task. CPU time, not wall time: on
 * a busy machine a task's wall time includes waiting for a core, and the
 * profiler's own thread, starved too, takes fewer samples, which coarsens
 * the shares without shrinking the time shared. Needs a trace taken with
 * `hires` to weigh a few milliseconds.
 */
export function scriptTime(events: TraceEvent[], scriptPrefix: string, pageUrl: string): ScriptTime {
  const mainThreads = rendererMainThreads(events);
  const pagePids = pageProcesses(events, pageUrl);
  const { taskAt } = mainThreadTasks(events, mainThreads);
  const inTasks: { task: Task; span: number; label?: string; time: number }[] = [];
  const sampled = new Map<Task, number>();
  for (const profile of sampledProfiles(events)) {
    if (!pagePids.has(profile.pid) || !mainThreads.has(`${profile.pid}:${profile.tid}`)) continue;
    profile.samples.forEach((sample, i) => {
      const task = taskAt(profile.pid, sample.time);
      if (!task) return;
      const span = Math.min(profile.samples[i + 1]?.time ?? task.end, task.end) - sample.time;
      sampled.set(task, (sampled.get(task) ?? 0) + span);
      const ours = holdsScript(profile.nodes, sample.node, scriptPrefix);
      inTasks.push({ task, span, time: sample.time, label: ours ? profile.nodes.get(sample.node)!.label : undefined });
    });
  }
  let total = 0;
  let count = 0;
  let first = Infinity;
  let last = -Infinity;
  const self = new Map<string, number>();
  const holding = new Set<Task>();
  for (const { task, span, label, time } of inTasks) {
    if (label === undefined) continue;
    holding.add(task);
    const cpu = (task.cpu * span) / sampled.get(task)!;
    total += cpu;
    count++;
    first = Math.min(first, time);
    last = Math.max(last, time);
    self.set(label, (self.get(label) ?? 0) + cpu);
  }
  return {
    ms: total / 1000,
    samples: count,
    spanMs: count ? (last - first) / 1000 : 0,
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([label, us]) => `${label} ${(us / 1000).toFixed(1)} ms`),
    tasksMs: [...holding].reduce((sum, task) => sum + task.cpu, 0) / 1000,
  };
}
