/**
 * `npm run bench`: one process, one run, the same signed request for every
 * contender. Builds the fixture and the contenders, asserts each accepts the
 * request and refuses a tampered body, measures them interleaved (see
 * measure.ts), checks post-run invariants (warm and KV rows never downloaded,
 * cold downloaded every time, peers stayed cached), measures the bundle, then
 * prints a table and writes bench/results.json. Miniflare and the https stub
 * are released whatever happens. See docs/benchmark.md.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { measureBundle } from "./bundle-size";
import { alexaVerifierContender } from "./contenders/alexa-verifier";
import { askSdkContender } from "./contenders/ask-sdk";
import type { Contender } from "./contenders/contender";
import { copyKv, createMapKv, startMiniflareKv } from "./contenders/kv-stores";
import { limitContender } from "./contenders/limit";
import { coldContender, kvContender, seedKv, warmContender } from "./contenders/skillflare";
import { createBenchFixture } from "./fixtures";
import { DEFAULT_MEASURE_OPTIONS, measureInterleaved, type Measurement } from "./measure";
import { buildResults, find, ROW_ORDER, type Results } from "./results";

const PROJECT_DIR = fileURLToPath(new URL("..", import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));

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
    const bundle = await measureBundle(PROJECT_DIR);
    const minifiedBundle = await measureBundle(PROJECT_DIR, ["--minify"]);
    const results = buildResults({
      measurements,
      descriptions: Object.fromEntries(contenders.map((c) => [c.name, c.description])),
      bundle,
      minifiedBundle,
      bodyBytes: fixture.bodyBytes.byteLength,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    });
    console.log(renderTable(measurements, contenders, results));
    await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${RESULTS_FILE}`);
  } finally {
    for (const contender of contenders) await contender.dispose?.();
    await miniflare.dispose();
  }
}

function renderTable(measurements: readonly Measurement[], contenders: readonly Contender[], results: Results): string {
  const header = ["row", "median µs/op", "ops/s", "rounds min–max µs", "iters × rounds", "what"];
  const rows = ROW_ORDER.map((name) => {
    const m = find(measurements, name);
    return [
      name,
      m.medianUs.toFixed(1),
      Math.round(m.opsPerSecond).toLocaleString("en-US"),
      `${m.minRoundUs.toFixed(1)}–${m.maxRoundUs.toFixed(1)}`,
      `${m.iterations} × ${m.rounds}`,
      contenders.find((c) => c.name === name)?.description ?? "",
    ];
  });
  const numeric = new Set([1, 2, 3, 4]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  const pass = (ok: boolean | undefined) => (ok ? "PASS" : "MISS");
  const { targets } = results;
  return [
    "",
    line(header),
    rule,
    ...rows.map(line),
    "",
    `warm/limit ${String(results["ratio_warm_over_limit"])}x   ask_sdk/warm ${String(results["ratio_ask_sdk_over_warm"])}x   alexa_verifier/warm ${String(results["ratio_alexa_verifier_over_warm"])}x`,
    `bundle: ${String(results["bundle_raw_kb"])} KiB raw, ${String(results["bundle_gzip_kb"])} KiB gzip (zlib default level; wrangler: ${String(results["bundle_wrangler_summary"])}); with --minify: ${String(results["bundle_minified_gzip_kb"])} KiB gzip`,
    "",
    `target warm <= 1.5 x limit:        ${pass(targets["warm_within_1_5x_limit"])}`,
    `target warm faster than ask_sdk:   ${pass(targets["warm_faster_than_ask_sdk"])}`,
    `target warm faster than alexa_ver: ${pass(targets["warm_faster_than_alexa_verifier"])}`,
    `target cold < 5 ms:                ${pass(targets["cold_under_5_ms"])}`,
    `target bundle < 150 KiB gzip:      ${pass(targets["bundle_under_150_kb_gzip"])}`,
    "",
    `node ${process.version}, ${String(results["cores"])} cores (${String(results["cpu"])}), load ${String(results["load_average_1m"])}, ${String(results["duration_s"])} s, rounds interleaved, order reversed every other round (warm-up ${DEFAULT_MEASURE_OPTIONS.warmupMs} ms each)`,
  ].join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
