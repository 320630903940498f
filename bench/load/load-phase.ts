/**
 * One bounded load phase against one side: autocannon cycles the mix's signed requests over
 * a fixed number of keep-alive connections on loopback, for at most `durationS` seconds and
 * at most `maxRequests` requests, whichever comes first (autocannon's duration plus
 * maxOverallRequests), after an unmeasured warm-up. Non-2xx answers, socket errors and
 * timeouts all count as errors. CPU per request is the side's process-tree CPU over the
 * phase divided by the requests it answered.
 */
import autocannon from "autocannon";
import type { SignedRequest } from "./mixes.js";
import { treeCpuMs } from "./process-cpu.js";
import type { Side } from "./sides.js";

export interface LoadSettings {
  readonly durationS: number;
  readonly maxRequests: number;
  readonly connections: number;
  readonly warmupS: number;
}

export interface PhaseResult {
  readonly side: string;
  readonly mix: string;
  readonly requests: number;
  readonly durationS: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly cpuMsPerRequest: number;
}

function cannon(url: string, requests: readonly SignedRequest[], durationS: number, maxRequests: number, connections: number) {
  return autocannon({
    url,
    connections,
    duration: durationS,
    maxOverallRequests: maxRequests,
    timeout: 10,
    method: "POST",
    requests: requests.map((r) => ({ method: "POST", body: r.body, headers: { ...r.headers } })),
  });
}

export async function runPhase(side: Side, mix: string, requests: readonly SignedRequest[], settings: LoadSettings): Promise<PhaseResult> {
  if (settings.warmupS > 0) await cannon(side.url, requests, settings.warmupS, settings.maxRequests, settings.connections);
  const cpuBefore = treeCpuMs(side.server.pid);
  const started = performance.now();
  const result = await cannon(side.url, requests, settings.durationS, settings.maxRequests, settings.connections);
  const elapsedS = (performance.now() - started) / 1000;
  const cpuMs = treeCpuMs(side.server.pid) - cpuBefore;
  const answered = result.requests.total;
  return {
    side: side.name,
    mix,
    requests: answered,
    durationS: elapsedS,
    rps: answered / elapsedS,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    cpuMsPerRequest: answered === 0 ? Number.NaN : cpuMs / answered,
  };
}
