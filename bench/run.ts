/**
 * `npm run bench`: one process, one run, the same signed request for every
 * contender. Builds the fixture and the contenders, asserts each accepts the
 * request and refuses a tampered body, measures them interleaved (see
 * measure.ts), checks post-run invariants (warm and KV rows never downloaded,
 * cold downloaded every time, peers stayed cached), then times warm, cold and
 * the limit inside workerd, measures the bundle, prints the table and
 * writes bench/results.json. Miniflare and the https stub are released
 * whatever happens. See docs/benchmark.md.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { measureBundle } from "./bundle-size.js";
import { alexaVerifierContender } from "./contenders/alexa-verifier.js";
import { askSdkContender } from "./contenders/ask-sdk.js";
import type { Contender } from "./contenders/contender.js";
import { copyKv, createMapKv, startMiniflareKv } from "./contenders/kv-stores.js";
import { floorContender, limitContender } from "./contenders/limit.js";
import { coldContender, kvContender, seedKv, warmContender } from "./contenders/skillflare.js";
import { measureInWorkerd, startBenchWorker, WORKERD_DESCRIPTIONS } from "./contenders/workerd.js";
import { createBenchFixture } from "./fixtures.js";
import { DEFAULT_MEASURE_OPTIONS, measureInterleaved } from "./measure.js";
import { buildResults } from "./results.js";
import { renderReport } from "./table.js";

const PROJECT_DIR = fileURLToPath(new URL("..", import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));
const WORKERD_OPS = [
  { name: "warm_workerd", what: "warm", batch: 200 },
  { name: "cold_workerd", what: "cold", batch: 5 },
  { name: "limit_workerd", what: "limit", batch: 200 },
  { name: "floor_workerd", what: "floor", batch: 200 },
];

async function main(): Promise<void> {
  const startedAt = new Date();
  const fixture = await createBenchFixture(startedAt.getTime());
  const miniflare = await startMiniflareKv();
  const contenders: Contender[] = [];
  try {
    const mapKv = createMapKv();
    await seedKv(fixture, mapKv);
    if ((await copyKv(mapKv, miniflare.kv)) !== 1) throw new Error("expected exactly one KV entry after seeding");
    contenders.push(
      warmContender(fixture),
      kvContender("kv", "skillflare, memory cold, entry in Miniflare KV (loopback HTTP to workerd)", fixture, miniflare.kv),
      kvContender("kv_inprocess", "skillflare, memory cold, entry in an in-process Map KV (JSON)", fixture, mapKv),
      coldContender(fixture),
      await limitContender(fixture),
      await floorContender(fixture),
      askSdkContender(fixture),
      alexaVerifierContender(fixture),
    );
    for (const contender of contenders) {
      await contender.verify();
      await contender.rejectTampered();
    }
    console.log(`fixture: ${fixture.bodyBytes.byteLength}-byte IntentRequest; all ${contenders.length} contenders accept it and refuse it tampered`);
    const measurements = await measureInterleaved(contenders.map((c) => ({ name: c.name, op: c.verify })));
    for (const contender of contenders) contender.check?.();
    await miniflare.dispose();
    const worker = await startBenchWorker(fixture, PROJECT_DIR);
    try {
      measurements.push(...(await measureInWorkerd(worker, WORKERD_OPS, { ...DEFAULT_MEASURE_OPTIONS, rounds: 7 })));
    } finally {
      await worker.dispose();
    }
    const bundle = await measureBundle(PROJECT_DIR);
    const minifiedBundle = await measureBundle(PROJECT_DIR, ["--minify"]);
    const descriptions = { ...Object.fromEntries(contenders.map((c) => [c.name, c.description])), ...WORKERD_DESCRIPTIONS };
    const results = buildResults({
      measurements,
      descriptions,
      bundle,
      minifiedBundle,
      workerdBatches: Object.fromEntries(WORKERD_OPS.map((op) => [op.name, op.batch])),
      bodyBytes: fixture.bodyBytes.byteLength,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    });
    console.log(renderReport(measurements, descriptions, results));
    await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${RESULTS_FILE}`);
  } finally {
    for (const contender of contenders) await contender.dispose?.();
    await miniflare.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
