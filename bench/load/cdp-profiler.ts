/**
 * A V8 CPU profile of one Worker inside workerd, over the Chrome DevTools protocol of workerd's
 * inspector (Miniflare's `inspectorPort`): the Worker's target is found by its title, the
 * sampling profiler runs while the caller's work does, and the profile comes back with each
 * function's self time added up. Every wait of its own is bounded: the target list (fetch and
 * body, aborted), the connection and each protocol call give up after `timeoutMs`; the
 * caller's `work` bounds itself (the load generator runs for a set time).
 */
import WebSocket from "ws";
import { within } from "../../src/shared/within.js";

/** One node of V8's call tree: the function and where it is defined. */
export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

/** The profile as V8's `Profiler.stop` returns it (times in µs). */
export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

/** Time V8 sampled in one function itself, not in what it called. */
export interface SelfTime {
  /** The function's name (or V8's `(idle)`, `(program)`, `(garbage collector)`), and where it is. */
  readonly name: string;
  readonly where: string;
  readonly selfUs: number;
}

interface Target {
  readonly title?: string;
  readonly webSocketDebuggerUrl: string;
}

/** `promise`'s result, or an error naming `what` once `timeoutMs` have passed (the shared bounded wait). */
async function bounded<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const result = await within(promise, timeoutMs);
  if (result === "timeout") throw new Error(`${what}: no answer after ${timeoutMs} ms`);
  return result;
}

/** Profiles the Worker whose inspector title includes `title` while `work` runs. */
export async function profileWorker<T>(
  inspectorPort: number,
  title: string,
  work: () => Promise<T>,
  { samplingIntervalUs = 50, timeoutMs = 10_000 }: { readonly samplingIntervalUs?: number; readonly timeoutMs?: number } = {},
): Promise<{ profile: CpuProfile; result: T }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`, { signal })).json()) as Target[];
  const target = targets.find((t) => t.title?.includes(title));
  if (target === undefined) throw new Error(`no inspector target titled like "${title}" among: ${targets.map((t) => t.title).join(", ")}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  try {
    await bounded(new Promise<void>((resolve, reject) => socket.once("open", () => resolve()).once("error", reject)), timeoutMs, "inspector connection");
    let lastId = 0;
    const answers = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    socket.on("message", (data) => {
      let message: { id?: number; result?: unknown; error?: { message: string } };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return; // not a protocol message: nothing waits for it
      }
      const waiting = message.id === undefined ? undefined : answers.get(message.id);
      if (waiting === undefined || message.id === undefined) return;
      answers.delete(message.id);
      if (message.error === undefined) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error.message));
    });
    const call = <R>(method: string, params: object = {}): Promise<R> => {
      const id = ++lastId;
      const answer = new Promise<R>((resolve, reject) => answers.set(id, { resolve: resolve as (value: unknown) => void, reject }));
      socket.send(JSON.stringify({ id, method, params }));
      return bounded(answer, timeoutMs, method);
    };
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
    await call("Profiler.start");
    const result = await work();
    const { profile } = await call<{ profile: CpuProfile }>("Profiler.stop");
    return { profile, result };
  } finally {
    socket.close();
  }
}

/** Each function's self time: a sample lasts until the next one (the last, the mean). */
export function selfTimes(profile: CpuProfile): SelfTime[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const mean = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
  const byFunction = new Map<string, SelfTime>();
  profile.samples.forEach((nodeId, index) => {
    const frame = nodes.get(nodeId)?.callFrame;
    const name = frame === undefined || frame.functionName === "" ? "(anonymous)" : frame.functionName;
    const where = frame === undefined || frame.url === "" ? "" : `${frame.url.split("/").pop() ?? ""}:${frame.lineNumber + 1}`;
    const key = `${name} ${where}`;
    const duration = profile.timeDeltas[index + 1] ?? mean;
    const earlier = byFunction.get(key);
    byFunction.set(key, { name, where, selfUs: (earlier?.selfUs ?? 0) + duration });
  });
  return [...byFunction.values()].sort((a, b) => b.selfUs - a.selfUs);
}
