/**
 * The bounded load of one mix against every side, interleaved so that a shared machine's
 * drifting load hits all sides alike: the phase is cut into `slices` short runs, and each
 * round runs one slice per side, the order reversed every other round. A slice is autocannon
 * cycling the mix's signed requests over a fixed number of keep-alive connections on
 * loopback, for `durationS / slices` seconds and at most the side's remaining share of
 * `maxRequests` (autocannon's duration plus maxOverallRequests), after one unmeasured
 * warm-up per side. Latency percentiles come from every response's own time, over all
 * slices; non-2xx answers, socket errors and timeouts all count as errors. CPU per request
 * is the side's process-tree CPU summed over its slices, divided by the requests it answered.
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
  readonly slices: number;
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

interface Tally {
  requests: number;
  elapsedS: number;
  cpuMs: number;
  errors: number;
  non2xx: number;
  readonly latencies: number[];
}

async function slice(side: Side, requests: readonly SignedRequest[], durationS: number, maxRequests: number, connections: number, tally?: Tally) {
  const cpuBefore = treeCpuMs(side.server.pid);
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: side.url,
      connections,
      duration: durationS,
      maxOverallRequests: Math.max(connections, maxRequests),
      timeout: 10,
      method: "POST",
      requests: requests.map((r) => ({ method: "POST", body: r.body, headers: { ...r.headers } })),
    };
    const instance = autocannon(options, (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)));
    if (tally !== undefined) instance.on("response", (_client, _status, _bytes, responseTime) => tally.latencies.push(responseTime));
  });
  if (tally === undefined) return;
  tally.elapsedS += (performance.now() - started) / 1000;
  tally.cpuMs += treeCpuMs(side.server.pid) - cpuBefore;
  tally.requests += result.requests.total;
  tally.errors += result.errors + result.timeouts + result.non2xx;
  tally.non2xx += result.non2xx;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function runMix(sides: readonly Side[], mix: string, requests: readonly SignedRequest[], settings: LoadSettings): Promise<PhaseResult[]> {
  for (const side of sides) await slice(side, requests, settings.warmupS, settings.maxRequests, settings.connections);
  const tallies = new Map<Side, Tally>(sides.map((side) => [side, { requests: 0, elapsedS: 0, cpuMs: 0, errors: 0, non2xx: 0, latencies: [] }]));
  const sliceS = settings.durationS / settings.slices;
  for (let round = 0; round < settings.slices; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const tally = tallies.get(side) as Tally;
      const left = settings.maxRequests - tally.requests;
      if (left >= settings.connections) await slice(side, requests, sliceS, left, settings.connections, tally);
    }
  }
  return sides.map((side) => {
    const tally = tallies.get(side) as Tally;
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    return {
      side: side.name,
      mix,
      requests: tally.requests,
      durationS: tally.elapsedS,
      rps: tally.requests / tally.elapsedS,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
      errors: tally.errors,
      non2xx: tally.non2xx,
      cpuMsPerRequest: tally.requests === 0 ? Number.NaN : tally.cpuMs / tally.requests,
    };
  });
}
