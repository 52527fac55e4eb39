// Which main-thread tasks PolicyLens caused, from a Chromium trace rather than
// a guess: a task counts as PolicyLens's when a script event inside it names
// the extension's script, or when the sampling profiler caught the
// extension's code on the stack during it (continuations of promises, such as
// the scan that follows the term table's arrival, show up only there).

import type { CDPSession, Page } from 'playwright-core';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  name: string;
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
}

/** Events whose time says what a task spent itself on. */
const BREAKDOWN = new Set(['Layout', 'UpdateLayoutTree', 'ParseHTML', 'FunctionCall', 'EvaluateScript', 'TimerFire', 'RunMicrotasks', 'HitTest', 'Paint', 'PrePaint', 'v8.compile', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR']);

export async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
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
 * Tasks of renderer main threads in which code from `scriptPrefix`
 * (chrome-extension://ID/) ran, and all tasks of the renderer that parsed `pageUrl`.
 */
export function tasksCausedBy(events: TraceEvent[], scriptPrefix: string, pageUrl: string): TaskStats {
  const mainThreads = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  }
  const tasksByPid = new Map<number, { start: number; end: number; cpu: number; ours: boolean; samples: string[] }[]>();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const list = tasksByPid.get(e.pid) ?? [];
    list.push({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0, ours: false, samples: [] });
    tasksByPid.set(e.pid, list);
  }
  for (const list of tasksByPid.values()) list.sort((a, b) => a.start - b.start);

  const taskAt = (pid: number, ts: number) => {
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

  // Script events that name the extension's script.
  for (const e of events) {
    if (!mainThreads.has(`${e.pid}:${e.tid}`) || !e.args?.data?.url?.startsWith(scriptPrefix)) continue;
    const task = taskAt(e.pid, e.ts);
    if (task) task.ours = true;
  }

  // Sampled stacks: Profile gives the start time, ProfileChunks the nodes, samples and time deltas.
  const profiles = new Map<string, { pid: number; time: number; nodes: Map<number, { ours: boolean; label: string }> }>();
  for (const e of events) {
    if (e.ph !== 'P' || e.id === undefined) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      profiles.set(key, { pid: e.pid, time: e.args?.data?.startTime ?? e.ts, nodes: new Map() });
      continue;
    }
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(key);
    if (!profile) continue;
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) {
      const parent = node.parent === undefined ? undefined : profile.nodes.get(node.parent);
      const url = node.callFrame.url ?? '';
      const ours = url.startsWith(scriptPrefix) || (parent?.ours ?? false);
      const label = url
        ? `${node.callFrame.functionName || '(anonymous)'} @ ${url.split('/').pop()}`
        : node.callFrame.functionName;
      profile.nodes.set(node.id, { ours, label });
    }
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    samples.forEach((id, i) => {
      profile.time += deltas[i] ?? 0;
      const node = profile.nodes.get(id);
      const task = taskAt(profile.pid, profile.time);
      if (!node || !task) return;
      if (node.ours) task.ours = true;
      task.samples.push(node.label);
    });
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
  const pagePids = new Set(events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl).map((e) => e.pid));
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
  };
}
