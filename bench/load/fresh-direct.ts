/**
 * `npm run bench:fresh-direct [-- "<v8 flags>" ...]`: a production-shaped first request (a
 * genuine Alexa SessionEndedRequest with Amazon's chain, to bench/load/amazon/'s Worker) on
 * workerd run directly, without Miniflare, so that nothing but the Worker runs JavaScript on
 * workerd's main thread, and with V8 flags per variant, to ask V8 what the first request pays
 * for. `--no-lazy` (compile every function when the script loads) shows how much of it is
 * lazy compilation; `--no-opt --no-maglev` how much of the background threads' CPU is
 * optimising compilation. Each argument is one variant's flags, space-separated (default:
 * none, then `--no-lazy`). Each sample starts a new workerd for the Worker and one for a
 * trivial Worker (`Response.json({})`, the same flags) and reads from /proc, once workerd has
 * settled after each step (process-cpu.ts), the first request's CPU on the main thread and on
 * the other threads, the second request's and start-up's; the trivial Worker's figures are
 * subtracted sample by sample. No KV or D1 is bound (workerd alone has no local simulators),
 * so the verifier keeps its cert cache in memory, and the request is one the example skill
 * answers without storage: this measures verification, the HTTP endpoint and the skill
 * runtime, not storage. FRESH_DIRECT_SAMPLES (default 9) samples per variant, interleaved.
 * Prints a table and writes bench/fresh-direct.json.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAmazonBundle, readAmazonRequest, SESSION_ENDED_FIXTURE, type AmazonRequest } from "./amazon/fixture.js";
import { median } from "../measure.js";
import { stopChild } from "./child-server.js";
import { freePort } from "./free-port.js";
import { settledCpu } from "./process-cpu.js";
import { buildWorkerBundle, type WorkerBundle } from "./worker-bundle.js";

const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
const OUT_FILE = fileURLToPath(new URL("../fresh-direct.json", import.meta.url));
/** The workerd binary Miniflare runs (the `workerd` package's main export is its path). */
const { default: workerdPath } = createRequire(import.meta.url)("workerd") as { default: string };
const TRIVIAL_SCRIPT = `export default { async fetch(request) { await request.arrayBuffer(); return Response.json({}); } };`;
const READY_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 20_000;

interface DirectSample {
  readonly firstMainMs: number;
  readonly firstOtherMs: number;
  readonly secondMs: number;
  readonly startupMs: number;
}

/** The workerd config for one Worker on one port: the Amazon bindings as text, the given V8 flags. */
function configFor(port: number, flags: readonly string[], bindings: Record<string, string>, bundle: WorkerBundle): string {
  const textBindings = Object.keys(bindings).map((name) => `(name = ${JSON.stringify(name)}, text = embed ${JSON.stringify(`${name}.txt`)})`);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
  v8Flags = ${JSON.stringify(flags)},
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = ${JSON.stringify(bundle.compatibilityDate)},
  compatibilityFlags = ${JSON.stringify(bundle.compatibilityFlags)},
  bindings = [ ${textBindings.join(", ")} ],
);
`;
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.end(() => resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`workerd did not listen on ${port} within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One fresh workerd running `script`: its start-up CPU, then the first and second request's. */
async function sampleOnce(bundle: WorkerBundle, flags: readonly string[], request: AmazonRequest): Promise<DirectSample> {
  const dir = await mkdtemp(join(tmpdir(), "skillflare-fresh-direct-"));
  const port = await freePort();
  await writeFile(join(dir, "worker.js"), bundle.script);
  for (const [name, value] of Object.entries(request.bindings)) await writeFile(join(dir, `${name}.txt`), value);
  await writeFile(join(dir, "config.capnp"), configFor(port, flags, request.bindings, bundle));
  const child = spawn(workerdPath, ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
  // A failed spawn emits 'error' and never 'exit'; either one ends the child.
  const ended = new Promise<unknown>((resolve) => {
    child.once("exit", () => resolve(undefined));
    child.once("error", resolve);
  });
  try {
    if (child.pid === undefined) throw (await ended) ?? new Error("workerd did not start");
    const pids = [child.pid];
    await Promise.race([waitForPort(port), ended.then((error) => Promise.reject(error ?? new Error("workerd exited before it listened")))]);
    const before = await settledCpu(pids);
    const post = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: request.headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    };
    await post();
    const first = await settledCpu(pids);
    await post();
    const second = await settledCpu(pids);
    const firstMainMs = first.mainMs - before.mainMs;
    return { firstMainMs, firstOtherMs: first.allMs - before.allMs - firstMainMs, secondMs: second.allMs - first.allMs, startupMs: before.allMs };
  } catch (error) {
    throw new Error(`fresh-direct (${flags.join(" ") || "no flags"}): ${String(error)}\n${stderr}`);
  } finally {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const samples = Number(process.env["FRESH_DIRECT_SAMPLES"] ?? 9);
  if (!Number.isInteger(samples) || samples <= 0) throw new Error("FRESH_DIRECT_SAMPLES must be a positive integer");
  const variants = (process.argv.length > 2 ? process.argv.slice(2) : ["", "--no-lazy"]).map((arg) => arg.split(" ").filter((flag) => flag !== ""));
  const request = await readAmazonRequest(PROJECT_DIR, SESSION_ENDED_FIXTURE);
  const built = await buildWorkerBundle(PROJECT_DIR);
  const bundle = await buildAmazonBundle(PROJECT_DIR, built);
  const trivial = { ...built, script: TRIVIAL_SCRIPT };
  const runs = variants.map((flags) => ({ flags, worker: [] as DirectSample[], trivial: [] as DirectSample[] }));
  for (let i = 0; i < samples; i++) {
    for (const run of runs) {
      run.worker.push(await sampleOnce(bundle, run.flags, request));
      run.trivial.push(await sampleOnce(trivial, run.flags, request));
    }
  }
  const results = runs.map(({ flags, worker, trivial }) => {
    const net = (pick: (s: DirectSample) => number) => median(worker.map((s, i) => pick(s) - pick(trivial[i] as DirectSample)));
    const result = {
      v8_flags: flags,
      first_main_thread_net_cpu_ms: net((s) => s.firstMainMs),
      first_other_threads_net_cpu_ms: net((s) => s.firstOtherMs),
      second_net_cpu_ms: net((s) => s.secondMs),
      startup_net_cpu_ms: net((s) => s.startupMs),
      trivial_first_main_thread_cpu_ms: median(trivial.map((s) => s.firstMainMs)),
      samples: worker,
      trivial_samples: trivial,
    };
    return result;
  });
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  console.log(row(["V8 flags", "first: main thread ms", "first: other threads ms", "second ms", "start-up ms"]));
  console.log(row(["---", "---:", "---:", "---:", "---:"]));
  for (const r of results) {
    const cells = [r.first_main_thread_net_cpu_ms, r.first_other_threads_net_cpu_ms, r.second_net_cpu_ms, r.startup_net_cpu_ms].map((ms) => ms.toFixed(1));
    console.log(row([r.v8_flags.join(" ") || "(none)", ...cells]));
  }
  console.log(`net of a trivial Worker (its first request: ${results.map((r) => r.trivial_first_main_thread_cpu_ms.toFixed(1)).join(", ")} ms on the main thread), median of ${samples}`);
  await writeFile(OUT_FILE, `${JSON.stringify({ started_at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  console.log(`wrote ${OUT_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
