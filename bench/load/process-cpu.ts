/**
 * CPU time of a server's whole process tree (the process and every descendant: wrangler's
 * Node process and its workerd, Miniflare's host and its workerd, the Express peer), read
 * from /proc: each thread's `schedstat` (nanoseconds actually run on a CPU, so time spent
 * waiting for a core on a loaded machine is not counted). Sampled before and after a load
 * phase, the difference divided by the requests served is CPU per request; around a single
 * request, it is that request's CPU. The load generator runs in the bench's own process,
 * outside every measured tree.
 */
import { readdirSync, readFileSync } from "node:fs";

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // exited meanwhile
  }
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { pid, ppid: Number(fields[1]) };
}

/** Nanoseconds every thread of `pid` has run so far (0 if it exited). */
function processCpuNs(pid: number): number {
  return threadsCpuNs(pid, () => true);
}

/** Nanoseconds the threads of `pid` that `include` picks (by thread id) have run so far. */
function threadsCpuNs(pid: number, include: (tid: string) => boolean): number {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let total = 0;
  for (const tid of tasks) {
    if (!include(tid)) continue;
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // thread ended meanwhile
    }
  }
  return total;
}

/** Pids of `root` and all its descendants. */
export function processTree(root: number): number[] {
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU milliseconds used so far by `root`'s process tree. */
export function treeCpuMs(root: number): number {
  let ns = 0;
  for (const pid of processTree(root)) ns += processCpuNs(pid);
  return ns / 1e6;
}

/** CPU milliseconds used so far by the given processes. */
export function processesCpuMs(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + processCpuNs(pid), 0) / 1e6;
}

/**
 * CPU milliseconds used so far by the main thread of each given process. In workerd that is
 * the thread that runs every isolate's JavaScript (and Miniflare's own Workers); V8's
 * background compiler and GC helper threads are the others.
 */
export function mainThreadsCpuMs(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + threadsCpuNs(pid, (tid) => tid === String(pid)), 0) / 1e6;
}

export interface CpuReading {
  readonly allMs: number;
  readonly mainMs: number;
}

/**
 * The given processes' CPU once it has stopped moving (less than `quietCpuMs` over
 * `quietWindowMs`, at most `maxWaitMs` of waiting): a request's deferred work (a `waitUntil`
 * write, V8 finishing a compilation on a background thread) belongs to the request that
 * started it, so a reading taken the moment its last byte arrived would leave it out.
 */
export async function settledCpu(pids: readonly number[], { quietWindowMs = 50, quietCpuMs = 0.1, maxWaitMs = 3000 } = {}): Promise<CpuReading> {
  const deadline = Date.now() + maxWaitMs;
  let previous = processesCpuMs(pids);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietWindowMs));
    const now = processesCpuMs(pids);
    if (now - previous < quietCpuMs || Date.now() > deadline) return { allMs: now, mainMs: mainThreadsCpuMs(pids) };
    previous = now;
  }
}

/** Descendants of `root` whose command name is `name` (e.g. Miniflare's workerd). */
export function descendantsNamed(root: number, name: string): number[] {
  return processTree(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name;
    } catch {
      return false;
    }
  });
}
