/**
 * `npm run bench:load`: the whole request, the example Worker against the same skill on
 * Express + ask-sdk-express-adapter + SQLite, side by side in one run on loopback (with local
 * D1's own ceiling as a reference row on the persistence mix: sides.ts). Installs
 * the peer on first run, builds the Worker's bundle, starts the three sides (see sides.ts),
 * checks they agree and refuse a tampered body, then for each mix (signed just before) runs
 * a bounded load against the sides, interleaved in slices (load-phase.ts), times the first
 * request of fresh isolates (dev-signed launch and help, and a genuine Alexa request with
 * Amazon's chain: bench/load/amazon/), prints the
 * table and writes bench/load.json. Every server is stopped by pid, whatever happens.
 * Settings: LOAD_DURATION_S (default 10), LOAD_MAX_REQUESTS (50000), LOAD_CONNECTIONS (10), LOAD_SLICES (5),
 * LOAD_FRESH_SAMPLES (7), LOAD_SKIP_WRANGLER=1, and LOAD_WORKER_BUNDLE=<file> to run a bundle
 * built elsewhere (an older commit's, for a before/after) instead of this tree's; the genuine
 * Alexa sample then needs LOAD_AMAZON_BUNDLE=<file>, bench/load/amazon/entry.ts bundled in
 * that same tree, and is skipped without it. See docs/benchmark.md.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDevSigningKit, DEV_SKILL_ID } from "../../src/devkit/index.js";
import { checkAgreement } from "./agreement.js";
import { buildAmazonBundle, readAmazonRequest } from "./amazon/fixture.js";
import { AMAZON_LAUNCH, measureFreshIsolate, measureFreshIsolateFixed, type FreshIsolateResult } from "./fresh-isolate.js";
import { runMix, type LoadSettings, type PhaseResult } from "./load-phase.js";
import { readMigrations, type WorkerOnMiniflareOptions } from "./miniflare-worker.js";
import { MIX_DESCRIPTIONS, signMix, type MixName } from "./mixes.js";
import { ensurePeerInstalled } from "./peer-install.js";
import { loadJson, renderTable } from "./report.js";
import { startD1CeilingSide, startExpressSide, startMiniflareSide, startWranglerDevSide, type Side } from "./sides.js";
import { buildWorkerBundle, type WorkerBundle } from "./worker-bundle.js";

const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
const LOAD_FILE = fileURLToPath(new URL("../load.json", import.meta.url));
const USERS_PER_MIX = 20;
const MIXES: readonly MixName[] = ["persistence", "stateless"];

function numberSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

async function workerBundle() {
  const built = await buildWorkerBundle(PROJECT_DIR);
  const file = process.env["LOAD_WORKER_BUNDLE"];
  return file === undefined ? built : { ...built, script: await readFile(file, "utf8") };
}

/** The genuine Alexa sample's Worker from the same tree as the measured bundle, or undefined. */
async function amazonWorkerBundle(like: WorkerBundle): Promise<WorkerBundle | undefined> {
  const file = process.env["LOAD_AMAZON_BUNDLE"];
  if (file !== undefined) return { ...like, script: await readFile(file, "utf8") };
  return process.env["LOAD_WORKER_BUNDLE"] === undefined ? buildAmazonBundle(PROJECT_DIR, like) : undefined;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const settings: LoadSettings = {
    durationS: numberSetting("LOAD_DURATION_S", 10),
    maxRequests: numberSetting("LOAD_MAX_REQUESTS", 50_000),
    connections: numberSetting("LOAD_CONNECTIONS", 10),
    warmupS: 1,
    slices: numberSetting("LOAD_SLICES", 5),
  };
  await ensurePeerInstalled(PROJECT_DIR);
  const kit = await createDevSigningKit();
  const devTrust = { anchors: [...kit.anchorsPem], chains: { [kit.chainUrl]: kit.chainPem } };
  const worker: WorkerOnMiniflareOptions = {
    bundle: await workerBundle(),
    devTrust,
    skillId: DEV_SKILL_ID,
    migrations: await readMigrations(PROJECT_DIR),
  };
  // Every side's database lives here; on tmpfs when there is one, so that no side measures
  // a disk shared with other work (fsync), only its own software.
  const scratch = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "skillflare-load-"));
  const sides: Side[] = [];
  const phases: PhaseResult[] = [];
  try {
    sides.push(await startMiniflareSide(PROJECT_DIR, scratch, worker));
    sides.push(await startExpressSide(PROJECT_DIR, scratch, kit.chainUrl, kit.chainPem));
    if (process.env["LOAD_SKIP_WRANGLER"] !== "1") sides.push(await startWranglerDevSide(PROJECT_DIR, scratch, devTrust, DEV_SKILL_ID));
    for (const mix of MIXES) await checkAgreement(sides, await signMix(kit, mix, 2, `check-${Date.now()}`));
    console.log(`sides agree on both mixes and refuse a tampered body: ${sides.map((s) => s.name).join(", ")}`);
    const ceiling = await startD1CeilingSide(PROJECT_DIR, scratch, worker);
    sides.push(ceiling);
    for (const mix of MIXES) {
      const requests = await signMix(kit, mix, USERS_PER_MIX, String(Date.now()));
      const mixSides = mix === "persistence" ? sides : sides.filter((side) => side !== ceiling);
      for (const result of await runMix(mixSides, mix, requests, settings)) {
        console.log(`  ${mix} ${result.side}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors`);
        phases.push(result);
      }
    }
  } finally {
    for (const side of sides) await side.server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  const samples = numberSetting("LOAD_FRESH_SAMPLES", 7);
  const fresh: FreshIsolateResult[] = [];
  for (const request of ["launch", "help"] as const) fresh.push(await measureFreshIsolate(worker, kit, request, samples));
  const amazonBundle = await amazonWorkerBundle(worker.bundle);
  if (amazonBundle === undefined) {
    console.log(`(${AMAZON_LAUNCH} skipped: LOAD_WORKER_BUNDLE is set and LOAD_AMAZON_BUNDLE is not)`);
  } else {
    const amazon = await readAmazonRequest(PROJECT_DIR);
    fresh.push(await measureFreshIsolateFixed({ ...worker, bundle: amazonBundle, bindings: amazon.bindings }, AMAZON_LAUNCH, samples, amazon));
  }
  const report = { phases, fresh, settings, startedAt, mixes: MIX_DESCRIPTIONS };
  console.log(`\n${renderTable(report)}`);
  await writeFile(LOAD_FILE, `${JSON.stringify(loadJson(report), null, 2)}\n`);
  console.log(`\nwrote ${LOAD_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
