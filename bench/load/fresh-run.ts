/**
 * `npm run bench:fresh [-- <bundle.js> ...]`: only the fresh-isolate part of `bench:load`
 * (fresh-isolate.ts), for this tree's Worker bundle or, given files, for each of those
 * bundles (built elsewhere, e.g. an older commit's `wrangler deploy --dry-run` output),
 * sample by sample in turn so that a before/after shares the machine's moods. Prints one line
 * per bundle and request and writes bench/fresh.json. LOAD_FRESH_SAMPLES (default 7) per
 * bundle and request. Besides the dev-signed launch and help, the production-shaped sample
 * (a genuine Alexa request with Amazon's chain, bench/load/amazon/) runs on this tree's
 * bench/load/amazon/entry.ts, or, with bundle files given, on the files FRESH_AMAZON_BUNDLES
 * names (comma-separated, one per bundle file, built from that entry in the other tree).
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createDevSigningKit, DEV_SKILL_ID } from "../../src/devkit/index.js";
import { buildAmazonBundle, readAmazonRequest } from "./amazon/fixture.js";
import { AMAZON_LAUNCH, measureFreshIsolate, measureFreshIsolateFixed, summarise, type FreshIsolateResult } from "./fresh-isolate.js";
import { readMigrations, type WorkerOnMiniflareOptions } from "./miniflare-worker.js";
import { buildWorkerBundle } from "./worker-bundle.js";

const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
const FRESH_FILE = fileURLToPath(new URL("../fresh.json", import.meta.url));
const fmt = (ms: number) => ms.toFixed(1);

async function main(): Promise<void> {
  const samples = Number(process.env["LOAD_FRESH_SAMPLES"] ?? 7);
  if (!Number.isInteger(samples) || samples <= 0) throw new Error("LOAD_FRESH_SAMPLES must be a positive integer");
  const built = await buildWorkerBundle(PROJECT_DIR);
  const files = process.argv.slice(2);
  const bundles = files.length === 0 ? [{ name: "this tree", bundle: built }] : await Promise.all(files.map(async (file) => ({ name: file, bundle: { ...built, script: await readFile(file, "utf8") } })));
  const kit = await createDevSigningKit();
  const devTrust = { anchors: [...kit.anchorsPem], chains: { [kit.chainUrl]: kit.chainPem } };
  const migrations = await readMigrations(PROJECT_DIR);
  const results: { bundle: string; result: FreshIsolateResult }[] = [];
  const report = (name: string, request: string, runs: readonly FreshIsolateResult[]) => {
    const result = summarise(request, runs.flatMap((run) => run.samples));
    results.push({ bundle: name, result });
    console.log(
      `${name}: first ${request}: ${fmt(result.medianFirstMs)} ms wall, ${fmt(result.medianFirstCpuMs)} ms workerd CPU, ` +
        `net of storage-only ${fmt(result.medianNetFirstCpuMs)} ms (storage-only ${fmt(result.medianBaselineFirstCpuMs)}), ` +
        `${fmt(result.medianNetFirstMainCpuMs)} ms of it on the main thread; second ${fmt(result.medianSecondCpuMs)} ms CPU; ` +
        `start-up ${fmt(result.medianStartupCpuMs)} ms CPU, net ${fmt(result.medianNetStartupCpuMs)} ms (median of ${samples})`,
    );
  };
  for (const request of ["launch", "help"] as const) {
    const perBundle = bundles.map((b) => ({ name: b.name, worker: { bundle: b.bundle, devTrust, skillId: DEV_SKILL_ID, migrations } satisfies WorkerOnMiniflareOptions, runs: [] as FreshIsolateResult[] }));
    for (let i = 0; i < samples; i++) for (const b of perBundle) b.runs.push(await measureFreshIsolate(b.worker, kit, request, 1));
    for (const b of perBundle) report(b.name, request, b.runs);
  }
  const amazon = await readAmazonRequest(PROJECT_DIR);
  const amazonFiles = (process.env["FRESH_AMAZON_BUNDLES"] ?? "").split(",").filter((f) => f !== "");
  if (files.length > 0 && amazonFiles.length !== files.length) {
    console.log(`(${AMAZON_LAUNCH} skipped: FRESH_AMAZON_BUNDLES names no bundle per file)`);
  } else {
    const amazonBundles = files.length === 0 ? [{ name: "this tree", bundle: await buildAmazonBundle(PROJECT_DIR, built) }] : await Promise.all(amazonFiles.map(async (file) => ({ name: file, bundle: { ...built, script: await readFile(file, "utf8") } })));
    const perBundle = amazonBundles.map((b) => ({ name: b.name, worker: { bundle: b.bundle, devTrust, skillId: DEV_SKILL_ID, migrations, bindings: amazon.bindings } satisfies WorkerOnMiniflareOptions, runs: [] as FreshIsolateResult[] }));
    for (let i = 0; i < samples; i++) for (const b of perBundle) b.runs.push(await measureFreshIsolateFixed(b.worker, AMAZON_LAUNCH, 1, amazon));
    for (const b of perBundle) report(b.name, AMAZON_LAUNCH, b.runs);
  }
  await writeFile(FRESH_FILE, `${JSON.stringify({ started_at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  console.log(`wrote ${FRESH_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
