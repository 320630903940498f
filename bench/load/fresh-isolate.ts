/**
 * The first request of a fresh isolate, cold chain included: each sample starts a new
 * Miniflare (a new workerd process, so nothing is cached in memory, KV is empty and D1 has
 * never been queried), sends one signed request and times it from send to last byte, then
 * throws the instance away. Miniflare's start-up is not timed (workerd loads the script
 * before it listens); the first request pays module evaluation left for run time, parsing
 * the trust anchors, downloading (here: the dev chain from SKILLFLARE_DEV_TRUST) and
 * validating the chain, importing the key, the KV write of the validated entry, and the
 * first D1 query. A second request on the same isolate is timed as the warm reference.
 * Next to the wall time, each request's CPU time in workerd (every thread of the workerd
 * process, Miniflare's storage simulators included) is read from /proc: on a shared,
 * loaded machine it is the steadier figure.
 */
import type { DevSigningKit, RequestSpec } from "../../src/devkit/index.js";
import { signRequest } from "./mixes.js";
import { descendantsNamed, processesCpuMs } from "./process-cpu.js";
import { startWorkerOnMiniflare, type WorkerOnMiniflareOptions } from "./miniflare-worker.js";

export interface FreshIsolateSample {
  readonly firstMs: number;
  readonly secondMs: number;
  readonly firstCpuMs: number;
  readonly secondCpuMs: number;
}

export interface FreshIsolateResult {
  readonly request: string;
  readonly samples: readonly FreshIsolateSample[];
  readonly medianFirstMs: number;
  readonly medianSecondMs: number;
  readonly medianFirstCpuMs: number;
  readonly medianSecondCpuMs: number;
}

export const FRESH_ISOLATE_REQUESTS: Readonly<Record<string, RequestSpec>> = {
  launch: { type: "LaunchRequest" },
  help: { type: "IntentRequest", intent: "AMAZON.HelpIntent" },
};

async function timedPost(url: string, kit: DevSigningKit, label: string, spec: RequestSpec, userId: string, workerd: readonly number[]) {
  const signed = await signRequest(kit, label, spec, userId);
  const cpuBefore = processesCpuMs(workerd);
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: signed.headers, body: signed.body });
  const text = await response.text();
  const ms = performance.now() - started;
  const cpuMs = processesCpuMs(workerd) - cpuBefore;
  if (response.status !== 200) throw new Error(`fresh isolate ${label}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return { ms, cpuMs };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export async function measureFreshIsolate(
  worker: WorkerOnMiniflareOptions,
  kit: DevSigningKit,
  request: keyof typeof FRESH_ISOLATE_REQUESTS,
  samples: number,
): Promise<FreshIsolateResult> {
  const spec = FRESH_ISOLATE_REQUESTS[request];
  if (spec === undefined) throw new Error(`unknown fresh-isolate request ${request}`);
  const results: FreshIsolateSample[] = [];
  for (let i = 0; i < samples; i++) {
    const instance = await startWorkerOnMiniflare(worker);
    try {
      const userId = `amzn1.ask.account.bench-fresh-${i}`;
      const workerd = descendantsNamed(process.pid, "workerd");
      if (workerd.length === 0) throw new Error("fresh isolate: found no workerd process under this one");
      const first = await timedPost(instance.url, kit, request, spec, userId, workerd);
      const second = await timedPost(instance.url, kit, request, spec, userId, workerd);
      results.push({ firstMs: first.ms, secondMs: second.ms, firstCpuMs: first.cpuMs, secondCpuMs: second.cpuMs });
    } finally {
      await instance.dispose();
    }
  }
  return {
    request,
    samples: results,
    medianFirstMs: median(results.map((s) => s.firstMs)),
    medianSecondMs: median(results.map((s) => s.secondMs)),
    medianFirstCpuMs: median(results.map((s) => s.firstCpuMs)),
    medianSecondCpuMs: median(results.map((s) => s.secondCpuMs)),
  };
}
