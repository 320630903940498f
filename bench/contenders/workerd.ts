/**
 * Timing inside workerd, the runtime the verifier ships to (Node's WebCrypto
 * runs each call on libuv's thread pool; workerd's on the calling thread, so
 * the overheads differ). The bench Worker (bench/workerd/entry.ts) is bundled
 * by wrangler, run by Miniflare and checked at setup (accepts the request,
 * refuses it tampered). Each timed op is one request that runs an op `batch`
 * times inside the isolate; an n=0 request, interleaved with them, is the
 * loopback overhead subtracted before dividing by `batch`. The CPU column is
 * the workerd process's own CPU time (from /proc, so time spent waiting for a
 * core on a busy machine is not counted), with the n=0 request's subtracted too.
 */
import { readFile } from "node:fs/promises";
import { Miniflare } from "miniflare";
import { bytesToBase64 } from "../../src/devkit/encoding.js";
import { withWranglerDryRun } from "../bundle-size.js";
import { descendantsNamed, processesCpuMs } from "../load/process-cpu.js";
import type { BenchFixture } from "../fixtures.js";
import { measureInterleaved, type Measurement, type MeasureOptions } from "../measure.js";
import type { WorkerdSetup } from "../workerd/entry.js";

export const WORKERD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  warm_workerd: "skillflare warm, looped inside workerd (Miniflare), loopback overhead subtracted",
  cold_workerd: "skillflare cold (fresh cache, stubbed download), looped inside workerd",
  limit_workerd: "raw crypto.subtle.verify looped inside workerd, loopback overhead subtracted",
  floor_workerd: "limit + UTF-8 decode + JSON.parse of the body, looped inside workerd",
};

export interface BenchWorker {
  readonly run: (what: string, n: number) => Promise<void>;
  /** CPU µs run so far by this Worker's workerd process (every thread, from /proc; NaN where there is no /proc). */
  readonly cpuUs: () => number;
  readonly dispose: () => Promise<void>;
}

export async function startBenchWorker(fixture: BenchFixture, projectDir: string): Promise<BenchWorker> {
  const script = await withWranglerDryRun(projectDir, ["--config", "bench/workerd/wrangler.toml"], async ({ modules }) => {
    const [only, ...others] = modules;
    if (only === undefined || others.length > 0) throw new Error(`expected one bundled module, got ${modules.length}`);
    return readFile(only, "utf8");
  });
  const before = new Set(workerdProcesses());
  const mf = new Miniflare({ modules: true, script, compatibilityDate: "2026-04-20" });
  await mf.ready;
  const own = workerdProcesses().filter((pid) => !before.has(pid));
  const worker: BenchWorker = {
    cpuUs: () => (own.length === 0 ? Number.NaN : processesCpuMs(own) * 1000),
    run: async (what, n) => {
      const response = await mf.dispatchFetch(`http://bench/run?what=${encodeURIComponent(what)}&n=${n}`, { method: "POST" });
      const text = await response.text();
      if (!response.ok) throw new Error(`workerd ${what}: ${response.status} ${text}`);
    },
    dispose: () => mf.dispose(),
  };
  try {
    const response = await mf.dispatchFetch("http://bench/setup", { method: "POST", body: JSON.stringify(await setupFor(fixture)) });
    const text = await response.text();
    if (!response.ok) throw new Error(`workerd setup failed (${response.status}): ${text}`);
    return worker;
  } catch (error) {
    await worker.dispose();
    throw error;
  }
}

export interface WorkerdOp {
  readonly name: string;
  /** The op of bench/workerd/entry.ts. */
  readonly what: string;
  /** Runs per request. */
  readonly batch: number;
}

/** Median µs per op of each `what`, measured in batches inside the Worker. */
export function measureInWorkerd(worker: BenchWorker, ops: readonly WorkerdOp[], options: MeasureOptions): Promise<Measurement[]> {
  return measureInWorkers([{ worker, ops }], options);
}

/**
 * The same over several Workers (say one bundled from another commit), all
 * rows interleaved in one run; each Worker's own n=0 request is its overhead.
 */
export async function measureInWorkers(groups: readonly { worker: BenchWorker; ops: readonly WorkerdOp[] }[], options: MeasureOptions): Promise<Measurement[]> {
  const timed = groups.flatMap(({ worker, ops }, g) => [
    { name: `loopback overhead ${g}`, op: () => worker.run("none", 0) },
    ...ops.map(({ name, what, batch }) => ({ name, op: () => worker.run(what, batch) })),
  ].map((row) => ({ ...row, cpuClock: worker.cpuUs })));
  const measured = await measureInterleaved(timed, options);
  let next = 0;
  return groups.flatMap(({ ops }) => {
    const [overhead, ...batches] = measured.slice(next, (next += ops.length + 1));
    if (overhead === undefined) throw new Error("workerd: no overhead measurement");
    return batches.map((m, i) => perOp(m, overhead, ops[i]?.batch ?? 1));
  });
}

async function setupFor(fixture: BenchFixture): Promise<WorkerdSetup> {
  const leafPublicKey = fixture.kit.keyPairs?.leaf.publicKey;
  if (leafPublicKey === undefined) throw new Error("workerd: the dev kit has no leaf key pair");
  return {
    headers: { ...fixture.nodeHeaders },
    body: fixture.body,
    tamperedBody: fixture.tamperedBody,
    chainPem: fixture.chainPem,
    anchorsPem: [...fixture.kit.anchorsPem],
    skillId: fixture.skillId,
    signature256: fixture.signature256,
    leafSpki: bytesToBase64((await crypto.subtle.exportKey("spki", leafPublicKey)) as ArrayBuffer),
  };
}

function workerdProcesses(): number[] {
  try {
    return descendantsNamed(process.pid, "workerd");
  } catch {
    return []; // no /proc here: CPU is reported as n/a
  }
}

function perOp(batchTime: Measurement, overhead: Measurement, batch: number): Measurement {
  const scale = (us: number) => (us - overhead.medianUs) / batch;
  const scaleCpu = (us: number) => (us - overhead.cpuUs) / batch;
  const medianUs = scale(batchTime.medianUs);
  return {
    name: batchTime.name,
    iterations: batchTime.iterations * batch,
    rounds: batchTime.rounds,
    medianUs,
    minRoundUs: scale(batchTime.minRoundUs),
    maxRoundUs: scale(batchTime.maxRoundUs),
    cpuUs: scaleCpu(batchTime.cpuUs),
    opsPerSecond: 1e6 / medianUs,
    roundsUs: batchTime.roundsUs.map(scale),
    roundsCpuUs: batchTime.roundsCpuUs.map(scaleCpu),
  };
}
