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
 */
import { fileURLToPath } from "node:url";
import { floorContender, limitContender } from "./contenders/limit.js";
import { warmContender } from "./contenders/skillflare.js";
import { measureInWorkerd, startBenchWorker } from "./contenders/workerd.js";
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
  const worker = await startBenchWorker(fixture, fileURLToPath(new URL("..", import.meta.url)));
  try {
    const ops = ["warm", "floor", "limit"].map((what) => ({ name: `${what}_workerd`, what, batch }));
    report(`workerd (batches of ${batch})`, await measureInWorkerd(worker, ops, options));
  } finally {
    await worker.dispose();
  }
}

function report(title: string, [warm, floor, limit]: readonly Measurement[]): void {
  if (warm === undefined || floor === undefined || limit === undefined) throw new Error("floor: missing rows");
  console.log(`\n${title}, ${rounds} rounds; µs/op: median | fastest round | slowest round`);
  for (const m of [warm, floor, limit]) {
    console.log(`  ${m.name.padEnd(14)} ${[m.medianUs, m.minRoundUs, m.maxRoundUs].map((v) => v.toFixed(2).padStart(8)).join(" |")}`);
  }
  for (const [over, base] of [[warm, floor], [warm, limit], [floor, limit]] as const) {
    const paired = median(over.roundsUs.map((us, i) => us / (base.roundsUs[i] ?? Number.NaN)));
    const ratios = [over.medianUs / base.medianUs, over.minRoundUs / base.minRoundUs, paired].map((r) => `${r.toFixed(3)}x`);
    console.log(`  ${`${over.name}/${base.name}`.padEnd(28)} medians ${ratios[0]}, fastest rounds ${ratios[1]}, median per-round ${ratios[2]}`);
  }
}
