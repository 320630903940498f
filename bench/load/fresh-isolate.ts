/**
 * The first request of a fresh isolate, cold chain included: each sample starts a new
 * Miniflare (a new workerd process, so nothing is cached in memory and KV is empty; the local
 * storage simulators are started first, as production's services always run), sends one
 * signed request and times it from send to last byte, then throws the instance away.
 * Miniflare's start-up is not timed (workerd loads the script before it listens; skillflare
 * builds its anchors and runs its warm-up there); the first request pays the code V8 compiles
 * on first use, downloading (here: the dev chain from SKILLFLARE_DEV_TRUST, or Amazon's from
 * memory) and validating the chain, importing the key, the deferred KV write of the validated
 * entry, and the first D1 query. A second request on the same isolate is timed as the warm
 * reference. Next to the wall time, each request's CPU time in workerd (every thread of the
 * workerd process, Miniflare's storage simulators included) is read from /proc, once workerd
 * has settled after the request (process-cpu.ts), so deferred work is counted: on a shared,
 * loaded machine it is the steadier figure. The main thread's share is read apart: it runs
 * every isolate's JavaScript, while V8 compiles hot functions on background threads that
 * work for the whole process. Each sample also reads the CPU workerd had used when it was
 * ready and had settled (start-up and the module evaluation of every Worker, where
 * skillflare builds Amazon's anchors and runs its warm-up: global scope has its own 1 s limit on Cloudflare, while the free
 * plan allows 10 ms of CPU per request). Interleaved with the samples, the same is measured
 * for a storage-only Worker (same bindings; it makes the storage calls the request makes,
 * the cert-cache read and its deferred write in KV and, for a launch, one D1 read, and
 * answers `{}`): Miniflare's own share of a first request (its HTTP entry and its KV and D1
 * simulators, which in production are services, not the Worker's CPU) and of start-up,
 * subtracted sample by sample to give the Worker's net figures. Only one Miniflare may run
 * while this measures (the CPU is read off every workerd under this process).
 */
import type { DevSigningKit, RequestSpec } from "../../src/devkit/index.js";
import { signRequest } from "./mixes.js";
import { median } from "../measure.js";
import { descendantsNamed, settledCpu } from "./process-cpu.js";
import { startWorkerOnMiniflare, type WorkerOnMiniflareOptions } from "./miniflare-worker.js";
import { STORAGE_ONLY_SCRIPT } from "./storage-only-worker.js";

export interface FreshIsolateSample {
  readonly firstMs: number;
  readonly secondMs: number;
  readonly firstCpuMs: number;
  readonly secondCpuMs: number;
  /** The first request's CPU on workerd's main thread only, where isolates run JavaScript. */
  readonly firstMainCpuMs: number;
  /** workerd CPU when ready (start-up, module evaluation included). */
  readonly startupCpuMs: number;
  /** The storage-only Worker's first request and start-up, measured right after this sample. */
  readonly baselineFirstCpuMs: number;
  readonly baselineFirstMainCpuMs: number;
  readonly baselineStartupCpuMs: number;
}

export interface FreshIsolateResult {
  readonly request: string;
  readonly samples: readonly FreshIsolateSample[];
  readonly medianFirstMs: number;
  readonly medianSecondMs: number;
  readonly medianFirstCpuMs: number;
  readonly medianSecondCpuMs: number;
  readonly medianStartupCpuMs: number;
  /** Medians of the storage-only Worker's figures, and of the Worker's minus those, sample by sample. */
  readonly medianBaselineFirstCpuMs: number;
  readonly medianNetFirstCpuMs: number;
  readonly medianNetStartupCpuMs: number;
  /** The same net figure on workerd's main thread only (V8's background compiler threads left out). */
  readonly medianNetFirstMainCpuMs: number;
}

export const FRESH_ISOLATE_REQUESTS: Readonly<Record<string, RequestSpec>> = {
  launch: { type: "LaunchRequest" },
  help: { type: "IntentRequest", intent: "AMAZON.HelpIntent" },
};

/**
 * The production-shaped sample: a genuine Alexa LaunchRequest, Amazon's signature and chain,
 * sent to the example Worker without dev trust (bench/load/amazon/).
 */
export const AMAZON_LAUNCH = "amazon-launch";

/** The storage calls each request makes on a fresh isolate, for the storage-only Worker. */
const STORAGE_OF: Readonly<Record<string, string>> = { launch: "kv,d1", help: "kv", [AMAZON_LAUNCH]: "kv,d1" };

/** What one sample posts: a request the kit signs now, or a fixed one (Amazon's). */
type Post = () => Promise<{ readonly headers: Record<string, string>; readonly body: string }>;

const REQUEST_TIMEOUT_MS = 30_000;

/** One request, timed to its last byte; its CPU read once workerd has settled after it. */
async function timedPost(url: string, label: string, post: Post, workerd: readonly number[]) {
  const signed = await post();
  const before = await settledCpu(workerd);
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: signed.headers, body: signed.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  const ms = performance.now() - started;
  const after = await settledCpu(workerd);
  if (response.status !== 200) throw new Error(`fresh isolate ${label}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return { ms, cpuMs: after.allMs - before.allMs, mainCpuMs: after.mainMs - before.mainMs };
}

/** One fresh workerd: its start-up CPU, then two signed requests (first and warm second). */
async function onFreshIsolate(worker: WorkerOnMiniflareOptions, label: string, post: Post, query = "") {
  const instance = await startWorkerOnMiniflare(worker);
  try {
    const workerd = descendantsNamed(process.pid, "workerd");
    if (workerd.length === 0) throw new Error("fresh isolate: found no workerd process under this one");
    const url = `${instance.url}${query}`;
    const first = await timedPost(url, label, post, workerd);
    const second = await timedPost(url, label, post, workerd);
    return { first, second, startupCpuMs: instance.startupCpuMs };
  } finally {
    await instance.dispose();
  }
}

export async function measureFreshIsolate(
  worker: WorkerOnMiniflareOptions,
  kit: DevSigningKit,
  request: keyof typeof FRESH_ISOLATE_REQUESTS,
  samples: number,
): Promise<FreshIsolateResult> {
  const spec = FRESH_ISOLATE_REQUESTS[request];
  if (spec === undefined) throw new Error(`unknown fresh-isolate request ${request}`);
  return measureFreshIsolatePosts(worker, request, samples, (i) => () => signRequest(kit, request, spec, `amzn1.ask.account.bench-fresh-${i}`));
}

/** The same for one fixed request (the production-shaped sample: Amazon's own, already signed). */
export function measureFreshIsolateFixed(worker: WorkerOnMiniflareOptions, request: string, samples: number, fixed: { headers: Record<string, string>; body: string }) {
  return measureFreshIsolatePosts(worker, request, samples, () => async () => fixed);
}

async function measureFreshIsolatePosts(worker: WorkerOnMiniflareOptions, request: string, samples: number, postFor: (sample: number) => Post): Promise<FreshIsolateResult> {
  const storageOnly: WorkerOnMiniflareOptions = { ...worker, bundle: { ...worker.bundle, script: STORAGE_ONLY_SCRIPT } };
  const results: FreshIsolateSample[] = [];
  for (let i = 0; i < samples; i++) {
    const post = postFor(i);
    const real = await onFreshIsolate(worker, request, post);
    const baseline = await onFreshIsolate(storageOnly, request, post, `?storage=${STORAGE_OF[request] ?? ""}`);
    results.push({
      firstMs: real.first.ms,
      secondMs: real.second.ms,
      firstCpuMs: real.first.cpuMs,
      secondCpuMs: real.second.cpuMs,
      firstMainCpuMs: real.first.mainCpuMs,
      startupCpuMs: real.startupCpuMs,
      baselineFirstCpuMs: baseline.first.cpuMs,
      baselineFirstMainCpuMs: baseline.first.mainCpuMs,
      baselineStartupCpuMs: baseline.startupCpuMs,
    });
  }
  return summarise(request, results);
}

/** The medians of a set of samples (each difference taken sample by sample). */
export function summarise(request: string, results: readonly FreshIsolateSample[]): FreshIsolateResult {
  const medianOf = (pick: (s: FreshIsolateSample) => number) => median(results.map(pick));
  return {
    request,
    samples: results,
    medianFirstMs: medianOf((s) => s.firstMs),
    medianSecondMs: medianOf((s) => s.secondMs),
    medianFirstCpuMs: medianOf((s) => s.firstCpuMs),
    medianSecondCpuMs: medianOf((s) => s.secondCpuMs),
    medianStartupCpuMs: medianOf((s) => s.startupCpuMs),
    medianBaselineFirstCpuMs: medianOf((s) => s.baselineFirstCpuMs),
    medianNetFirstCpuMs: medianOf((s) => s.firstCpuMs - s.baselineFirstCpuMs),
    medianNetStartupCpuMs: medianOf((s) => s.startupCpuMs - s.baselineStartupCpuMs),
    medianNetFirstMainCpuMs: medianOf((s) => s.firstMainCpuMs - s.baselineFirstMainCpuMs),
  };
}
