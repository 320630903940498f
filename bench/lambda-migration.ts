/**
 * `npx tsx bench/lambda-migration.ts [project ...]`: what moving an ask-sdk Lambda skill to the
 * edge costs in size and start-up. For each project (default: our visit-counter fixture; or a
 * folder made by `skillflare init --from-lambda`, with `lambda/` and `wrangler.toml`) it
 * bundles the skill twice, side by side in one run: as a Lambda deployment would (esbuild,
 * node20, minified, with its real dependencies, aws-sdk v2 included) and as the Worker
 * (`wrangler deploy --dry-run --minify`, aliases and all); gzip -9 both. Then it starts the
 * Worker in Miniflare against a trivial Worker, interleaved, and reports the extra start-up
 * time and the first and warm signed-request latency; `wrangler check startup` profiles the
 * bundle's start-up CPU (parse + global scope), the number Cloudflare's 1 s limit applies to.
 * Prints a table and writes bench/lambda-results.json. docs/migrate-from-lambda.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { createDevSigningKit, createRequestEnvelope, createSignedRequest, exportDevSigningKit } from "../src/devkit/index.js";
import { DEV_SKILL_ID } from "../src/devkit/alexa-ids.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 5;

interface Project {
  readonly name: string;
  /** The Lambda's entry file. */
  readonly lambdaEntry: string;
  /** Where wrangler runs (resolves [alias] and node_modules from here), its config and entry. */
  readonly wranglerDir: string;
  readonly wranglerArgs: readonly string[];
}

function fixtureProject(): Project {
  return {
    name: "visit-counter (fixture)",
    lambdaEntry: join(ROOT, "test/lambda/fixtures/visit-counter/index.js"),
    wranglerDir: join(ROOT, "test/lambda"),
    wranglerArgs: ["--config", "wrangler.toml", "visit-counter.worker.ts"],
  };
}

async function migratedProject(dir: string): Promise<Project> {
  const manifest = JSON.parse(await readFile(join(dir, "lambda/package.json"), "utf8").catch(() => "{}")) as { main?: string };
  return { name: dir.split("/").at(-1) ?? dir, lambdaEntry: join(dir, "lambda", manifest.main ?? "index.js"), wranglerDir: dir, wranglerArgs: [] };
}

async function lambdaBundle(project: Project): Promise<Uint8Array> {
  const result = await build({ entryPoints: [project.lambdaEntry], bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, write: false, logLevel: "silent", absWorkingDir: project.wranglerDir });
  return result.outputFiles[0]!.contents;
}

async function workerBundle(project: Project, outDir: string): Promise<{ bytes: Uint8Array; path: string }> {
  execFileSync(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--minify", "--outdir", outDir, ...project.wranglerArgs], {
    cwd: project.wranglerDir,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    stdio: "pipe",
  });
  const files = execFileSync("ls", [outDir]).toString().split("\n").filter((name) => name.endsWith(".js"));
  const path = join(outDir, files[0]!);
  return { bytes: new Uint8Array(await readFile(path)), path };
}

/** CPU time of the bundle's start-up (parse + global scope) from `wrangler check startup`'s profile, idle samples excluded. */
async function startupCpuMs(project: Project, outDir: string): Promise<number> {
  const profilePath = join(outDir, "startup.cpuprofile");
  // wrangler builds the Worker itself here (its --worker wants a multipart upload, not the .js).
  const [config, entry] = [project.wranglerArgs.slice(0, 2), project.wranglerArgs.slice(2)];
  execFileSync(join(ROOT, "node_modules/.bin/wrangler"), ["check", "startup", "--outfile", profilePath, ...config, ...(entry.length > 0 ? ["--args", entry.join(" ")] : [])], {
    cwd: project.wranglerDir,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    stdio: "pipe",
  });
  const profile = JSON.parse(await readFile(profilePath, "utf8")) as { nodes: { id: number; callFrame: { functionName: string } }[]; samples: number[]; timeDeltas: number[] };
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  let busyMicros = 0;
  profile.samples.forEach((id, index) => {
    if (names.get(id) !== "(idle)") busyMicros += profile.timeDeltas[index] ?? 0;
  });
  return Math.round(busyMicros / 100) / 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function startTimes(script: string | undefined, bindings: Record<string, string>): Promise<{ readyMs: number; firstMs: number; warmMs: number }> {
  const kit = await createDevSigningKit();
  const kitJson = exportDevSigningKit(kit);
  const started = performance.now();
  const mf = new Miniflare({
    modules: true,
    ...(script === undefined ? { script: "export default { fetch: () => new Response('ok') }" } : { scriptPath: script, modulesRoot: resolve(script, "..") }),
    compatibilityDate: "2026-04-20",
    compatibilityFlags: ["nodejs_compat"],
    bindings: { ...bindings, SKILL_IDS: DEV_SKILL_ID, SKILLFLARE_DEV_TRUST: JSON.stringify({ anchors: kitJson.anchorsPem, chains: { [kitJson.chainUrl]: kitJson.chainPem } }) },
    d1Databases: ["DB"],
    r2Buckets: ["AUDIO"],
    kvNamespaces: ["CERT_CACHE", "ATTRIBUTES_KV"],
    // The skill's own logging (interceptors print every request) is not part of the measurement.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.resume();
    },
  });
  try {
    await mf.ready;
    const readyMs = performance.now() - started;
    const timeRequest = async () => {
      const request = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "IntentRequest", intent: "AMAZON.HelpIntent" } }), { url: "https://localhost:8787/" });
      const body = await request.text();
      const t = performance.now();
      await (await mf.dispatchFetch(request.url, { method: "POST", headers: Object.fromEntries(request.headers as unknown as Iterable<[string, string]>), body })).text();
      return performance.now() - t;
    };
    const firstMs = await timeRequest();
    const warm: number[] = [];
    for (let i = 0; i < 10; i++) warm.push(await timeRequest());
    return { readyMs, firstMs, warmMs: median(warm) };
  } finally {
    await mf.dispose();
  }
}

async function measure(project: Project) {
  const outDir = await mkdtemp(join(tmpdir(), "skillflare-lambda-bench-"));
  try {
    const lambda = await lambdaBundle(project);
    const worker = await workerBundle(project, outDir);
    const startupCpu: number[] = [];
    for (let run = 0; run < 3; run++) startupCpu.push(await startupCpuMs(project, outDir));
    const baseline: number[] = [];
    const skill: { readyMs: number; firstMs: number; warmMs: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push((await startTimes(undefined, {})).readyMs);
      skill.push(await startTimes(worker.path, { S3_PERSISTENCE_BUCKET: "bench", DYNAMODB_PERSISTENCE_TABLE_NAME: "bench", VISITS_TABLE: "bench" }));
    }
    return {
      project: project.name,
      lambdaBytes: lambda.byteLength,
      lambdaGzip: gzipSync(lambda, { level: 9 }).byteLength,
      workerBytes: worker.bytes.byteLength,
      workerGzip: gzipSync(worker.bytes, { level: 9 }).byteLength,
      startupCpuMs: median(startupCpu),
      startupOverBaselineMs: Math.round(median(skill.map((s) => s.readyMs)) - median(baseline)),
      firstRequestMs: Math.round(median(skill.map((s) => s.firstMs)) * 10) / 10,
      warmRequestMs: Math.round(median(skill.map((s) => s.warmMs)) * 10) / 10,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const projects = process.argv.length > 2 ? await Promise.all(process.argv.slice(2).map((dir) => migratedProject(resolve(dir)))) : [fixtureProject()];
const rows = [];
for (const project of projects) rows.push(await measure(project));
console.log("| skill | Lambda bundle (gzip) | Worker bundle (gzip) | start-up CPU (wrangler check startup) | Miniflare ready, over a trivial Worker | first request | warm request |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) {
  console.log(`| ${row.project} | ${kib(row.lambdaBytes)} (${kib(row.lambdaGzip)}) | ${kib(row.workerBytes)} (${kib(row.workerGzip)}) | ${row.startupCpuMs} ms | ${row.startupOverBaselineMs} ms | ${row.firstRequestMs} ms | ${row.warmRequestMs} ms |`);
}
console.log(`(start-up CPU: median of 3 profiles, local CPU; Miniflare: medians of ${RUNS} starts each, interleaved with a trivial Worker; requests are dev-signed AMAZON.HelpIntent through full verification)`);
await writeFile(join(ROOT, "bench/lambda-results.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
