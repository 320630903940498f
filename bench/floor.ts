/**
 * `npm run bench:floor` (`npx tsx bench/floor.ts [node] [workerd]`): only the
 * floor rows, with enough rounds to decide a 1.1x target on a noisy shared
 * machine. `npm run bench` gives each workerd row 7 rounds of 200-op batches
 * among eight other rows; here warm, floor and limit (and the loopback
 * overhead) run alone, interleaved, 31 rounds each (`FLOOR_ROUNDS`), in
 * batches of 1000 ops per workerd request (`FLOOR_BATCH`), so the subtracted
 * loopback overhead is under 1 µs/op. Next to the medians and the fastest
 * rounds (the least disturbed ones), the paired ratio: warm over floor within
 * each round (the rows of one round ran back to back, under the same load),
 * then the median of those ratios, the figure least moved by load drifting
 * between rounds. Same fixture and correctness guards as `npm run bench`.
 * `FLOOR_BASELINE=<dir>` (a checkout of another commit, its node_modules
 * linked) bundles a second bench Worker from there and runs its rows in the
 * same rounds: a before/after of the warm path under the same load.
 */
import { fileURLToPath } from "node:url";
import { floorContender, limitContender } from "./contenders/limit.js";
import { warmContender } from "./contenders/skillflare.js";
import { measureInWorkers, startBenchWorker, type BenchWorker } from "./contenders/workerd.js";
import { createBenchFixture } from "./fixtures.js";
import { measureInterleaved, median, type Measurement, type MeasureOptions } from "./measure.js";

const rounds = Number(process.env["FLOOR_ROUNDS"] ?? 31);
const batch = Number(process.env["FLOOR_BATCH"] ?? 1000);
const wanted = new Set(process.argv.slice(2));
const wants = (section: string) => wanted.size === 0 || wanted.has(section);
const options: MeasureOptions = { rounds, warmupMs: 300, targetRoundMs: 100, minIterations: 3, maxIterations: 20_000 };

const fixture = await createBenchFixture();
const contenders = [warmContender(fixture), await floorContender(fixture), await limitContender(fixture)];
for (const contender of contenders) {
  await contender.verify();
  await contender.rejectTampered();
}

if (wants("node")) {
  const measured = await measureInterleaved(contenders.map((c) => ({ name: c.name, op: c.verify })), options);
  for (const contender of contenders) contender.check?.();
  report("Node", measured);
}
if (wants("workerd")) {
  const baseline = process.env["FLOOR_BASELINE"];
  const dirs = [fileURLToPath(new URL("..", import.meta.url)), ...(baseline === undefined ? [] : [baseline])];
  const workers: BenchWorker[] = [];
  try {
    for (const dir of dirs) workers.push(await startBenchWorker(fixture, dir));
    const groups = workers.map((worker, i) => ({
      worker,
      ops: ["warm", "floor", "limit"].map((what) => ({ name: `${what}_workerd${i === 0 ? "" : "@baseline"}`, what, batch })),
    }));
    const measured = await measureInWorkers(groups, options);
    report(`workerd (batches of ${batch})`, measured.slice(0, 3));
    if (baseline !== undefined) {
      report(`workerd, the same run, Worker bundled from ${baseline}`, measured.slice(3, 6));
      const [warm, , , warmBefore] = measured;
      if (warm !== undefined && warmBefore !== undefined) compare(warm, warmBefore);
    }
  } finally {
    for (const worker of workers) await worker.dispose();
  }
}

/** This tree's warm row against the baseline's, round by round. */
function compare(after: Measurement, before: Measurement): void {
  console.log(`\n  ${after.name} now/baseline: ${ratios(after, before)}`);
}

function report(title: string, [warm, floor, limit]: readonly Measurement[]): void {
  if (warm === undefined || floor === undefined || limit === undefined) throw new Error("floor: missing rows");
  console.log(`\n${title}, ${rounds} rounds; µs/op, wall: median | fastest round | slowest round; CPU: median | lowest round`);
  for (const m of [warm, floor, limit]) {
    const cells = [m.medianUs, m.minRoundUs, m.maxRoundUs, m.cpuUs, Math.min(...m.roundsCpuUs)];
    console.log(`  ${m.name.padEnd(14)} ${cells.map((v) => (Number.isFinite(v) ? v.toFixed(2) : "n/a").padStart(8)).join(" |")}`);
  }
  for (const [over, base] of [[warm, floor], [warm, limit], [floor, limit]] as const) {
    console.log(`  ${`${over.name}/${base.name}`.padEnd(28)} ${ratios(over, base)}`);
  }
}

/** `over` against `base`: wall medians, fastest rounds, median per-round ratio; CPU medians and median per-round. */
function ratios(over: Measurement, base: Measurement): string {
  const paired = (a: readonly number[], b: readonly number[]) => median(a.map((us, i) => us / (b[i] ?? Number.NaN)));
  const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(3)}x` : "n/a");
  return (
    `wall: medians ${x(over.medianUs / base.medianUs)}, fastest ${x(over.minRoundUs / base.minRoundUs)}, per-round ${x(paired(over.roundsUs, base.roundsUs))}; ` +
    `CPU: medians ${x(over.cpuUs / base.cpuUs)}, per-round ${x(paired(over.roundsCpuUs, base.roundsCpuUs))}`
  );
}
