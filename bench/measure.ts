/**
 * Timing. Each contender is an async operation run strictly one at a time
 * (latency of a single verification, not throughput under concurrency).
 * After a warm-up, the iteration count of each contender is calibrated so one
 * round takes about `targetRoundMs`; then `rounds` rounds run interleaved
 * (every contender once per round, the order reversed on odd rounds, so drift
 * in machine load hits all of them alike). A contender's result is the median
 * of its per-round mean µs/op, with the fastest and slowest round as spread,
 * (every round's mean is kept too, so two rows can be compared round by round),
 * and the median CPU time per op of this process (all its threads, libuv's
 * crypto pool included; not other processes such as workerd), which shows how
 * much of the wall time was spent waiting, e.g. for a shared, busy CPU.
 */

export interface Timed {
  readonly name: string;
  readonly op: () => Promise<unknown>;
  /** CPU µs used so far by whatever runs `op` (default: this process, `process.cpuUsage`). */
  readonly cpuClock?: () => number;
}

export interface MeasureOptions {
  readonly rounds: number;
  readonly warmupMs: number;
  readonly targetRoundMs: number;
  readonly minIterations: number;
  readonly maxIterations: number;
}

export interface Measurement {
  readonly name: string;
  readonly iterations: number;
  readonly rounds: number;
  readonly medianUs: number;
  readonly minRoundUs: number;
  readonly maxRoundUs: number;
  readonly cpuUs: number;
  readonly opsPerSecond: number;
  /** Mean wall µs/op of each round, in round order (for paired per-round ratios). */
  readonly roundsUs: readonly number[];
  /** Mean CPU µs/op of each round, in round order. */
  readonly roundsCpuUs: readonly number[];
}

export const DEFAULT_MEASURE_OPTIONS: MeasureOptions = {
  rounds: 10,
  warmupMs: 250,
  targetRoundMs: 120,
  minIterations: 5,
  maxIterations: 5000,
};

export async function measureInterleaved(contenders: readonly Timed[], options: MeasureOptions = DEFAULT_MEASURE_OPTIONS): Promise<Measurement[]> {
  const iterations = new Map<string, number>();
  for (const contender of contenders) {
    const estimateUs = await warmUp(contender, options.warmupMs);
    const wanted = Math.round((options.targetRoundMs * 1000) / estimateUs);
    iterations.set(contender.name, Math.min(options.maxIterations, Math.max(options.minIterations, wanted)));
  }
  const perRound = new Map<string, RoundTime[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      const n = iterations.get(contender.name) ?? options.minIterations;
      perRound.get(contender.name)?.push(await timeIterations(contender.op, n, contender.cpuClock ?? processCpuUs));
    }
  }
  return contenders.map((contender) => {
    const rounds = perRound.get(contender.name) ?? [];
    const samples = rounds.map((r) => r.wallUs);
    const medianUs = median(samples);
    return {
      name: contender.name,
      iterations: iterations.get(contender.name) ?? 0,
      rounds: options.rounds,
      medianUs,
      minRoundUs: Math.min(...samples),
      maxRoundUs: Math.max(...samples),
      cpuUs: median(rounds.map((r) => r.cpuUs)),
      opsPerSecond: 1e6 / medianUs,
      roundsUs: samples,
      roundsCpuUs: rounds.map((r) => r.cpuUs),
    };
  });
}

/** Runs `op` for at least `durationMs` (and at least 3 times); returns the mean µs/op. */
async function warmUp(contender: Timed, durationMs: number): Promise<number> {
  const start = performance.now();
  let count = 0;
  while (count < 3 || performance.now() - start < durationMs) {
    await contender.op();
    count++;
  }
  return ((performance.now() - start) * 1000) / count;
}

interface RoundTime {
  readonly wallUs: number;
  readonly cpuUs: number;
}

/** Mean wall and CPU µs per op over `n` sequential runs. */
async function timeIterations(op: () => Promise<unknown>, n: number, cpuClock: () => number): Promise<RoundTime> {
  const cpuStart = cpuClock();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await op();
  const wallUs = Number(process.hrtime.bigint() - start) / 1000 / n;
  return { wallUs, cpuUs: (cpuClock() - cpuStart) / n };
}

function processCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
