/**
 * `npm run bench:profile-request [-- stateless|persistence]`: where the Worker's CPU goes in a
 * whole request under load. The example's bundle, built as wrangler deploys it but with names
 * kept (`--minify=false`, so the profile names functions), runs on Miniflare directly with
 * workerd's V8 inspector open; after a 1 s warm-up, V8's sampling profiler (every 50 µs)
 * watches the skill's isolate while autocannon sends the load bench's signed mix for
 * PROFILE_DURATION_S (default 5) over 10 connections. It prints each function's self time per
 * request (V8's `(idle)`, `(program)` and `(garbage collector)` included), and writes
 * bench/request-profile.json and bench/request-profile.cpuprofile (for Chrome DevTools).
 * Sampled, and the host is shared, so a row moves by up to about 15 µs between runs; the profiler slows the Worker down a
 * little, so req/s here is not the bench's figure. Only the skill's isolate is sampled, not
 * Miniflare's entry Worker or its D1 and KV simulators.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDevSigningKit, DEV_SKILL_ID } from "../../src/devkit/index.js";
import { profileWorker, selfTimes } from "./cdp-profiler.js";
import { freePort } from "./free-port.js";
import { readMigrations, startWorkerOnMiniflare } from "./miniflare-worker.js";
import { signMix, type MixName } from "./mixes.js";
import { buildWorkerBundle } from "./worker-bundle.js";

const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
const OUT = fileURLToPath(new URL("../request-profile", import.meta.url));
/** Miniflare names the user Worker's isolate `core:user:<name>`; the example's has no name. */
const SKILL_ISOLATE_TITLE = "core:user:";
const ROWS = 30;

const mix = (process.argv[2] ?? "stateless") as MixName;
if (mix !== "stateless" && mix !== "persistence") throw new Error(`mix must be stateless or persistence, not ${mix}`);
const durationS = Number(process.env["PROFILE_DURATION_S"] ?? 5);
if (!Number.isFinite(durationS) || durationS <= 0) throw new Error(`PROFILE_DURATION_S must be a positive number of seconds, not ${process.env["PROFILE_DURATION_S"]}`);

const kit = await createDevSigningKit();
const inspectorPort = await freePort();
const worker = await startWorkerOnMiniflare({
  bundle: await buildWorkerBundle(PROJECT_DIR, { minify: false }),
  devTrust: { anchors: [...kit.anchorsPem], chains: { [kit.chainUrl]: kit.chainPem } },
  skillId: DEV_SKILL_ID,
  migrations: await readMigrations(PROJECT_DIR),
  inspectorPort,
});
try {
  const signed = await signMix(kit, mix, 20, `profile-${Date.now()}`);
  const load = (seconds: number) =>
    autocannon({
      url: worker.url,
      connections: 10,
      duration: seconds,
      method: "POST",
      requests: signed.map((r) => ({ method: "POST", body: r.body, headers: { ...r.headers } })),
    });
  await load(1);
  const { profile, result } = await profileWorker(inspectorPort, SKILL_ISOLATE_TITLE, () => load(durationS));
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${failed} of ${result.requests.total} requests failed under the profiler`);
  const requests = result.requests.total;
  if (requests === 0) throw new Error("no request was answered under the profiler");
  const rows = selfTimes(profile).map((row) => ({ ...row, usPerRequest: row.selfUs / requests }));
  const totalUs = rows.reduce((sum, row) => sum + row.selfUs, 0);
  console.log(`${mix} mix: ${requests} requests in ${durationS} s under the profiler; ${(totalUs / requests).toFixed(1)} µs sampled per request (idle included)\n`);
  console.log("| µs/request | function | where |\n|---:|:---|:---|");
  for (const row of rows.slice(0, ROWS)) console.log(`| ${row.usPerRequest.toFixed(1)} | ${row.name} | ${row.where} |`);
  await writeFile(`${OUT}.json`, `${JSON.stringify({ mix, durationS, requests, sampledUsPerRequest: totalUs / requests, rows }, null, 2)}\n`);
  await writeFile(`${OUT}.cpuprofile`, JSON.stringify(profile));
  console.log(`\nwrote ${OUT}.json and ${OUT}.cpuprofile`);
} finally {
  await worker.dispose();
}
