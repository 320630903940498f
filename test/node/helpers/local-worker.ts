// Serves the example Worker the way `npm start` does, but self-contained for a test: a temp
// --persist-to directory with the D1 migrations applied and the example stories from
// assets/stories put in local R2, an env file with the dev trust, the dev kit and the
// interaction models (the same values cli/dev-setup.ts writes to .dev.vars), and
// `wrangler dev` on free ports (HTTP and inspector) running the entry `skillflare dev` generates
// (cli/dev/dev-entry.ts: the Worker inside withLocalConsole, the only way the console is
// served). `stop()` ends that one process by pid.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareDevEntry } from "../../../cli/dev/dev-entry.js";
import { devKitValue, devModelsValue, devTrustValue, updateDevVars } from "../../../cli/dev-setup-plan.js";
import { runCommand } from "../../../cli/process.js";
import { STORIES } from "../../../src/example/catalog.js";
import { createDevSigningKit, DEV_SKILL_ID, exportDevSigningKit } from "skillflare/testing";

export interface LocalWorker {
  readonly origin: string;
  stop(): Promise<void>;
}

const WRANGLER = join("node_modules", ".bin", "wrangler");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function wrangler(args: readonly string[]): Promise<void> {
  const outcome = await runCommand(WRANGLER, args, { timeoutMs: 60_000 });
  if (outcome.code !== 0) throw new Error(`wrangler ${args.join(" ")} failed: ${outcome.spawnError ?? ""}${outcome.stderr}${outcome.stdout}`);
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not serve ${url} within ${timeoutMs} ms:\n${log()}`);
}

/** Starts the example Worker on loopback with seeded local state; call `stop()` when done. */
export async function startLocalWorker(): Promise<LocalWorker> {
  const dir = await mkdtemp(join(tmpdir(), "skillflare-console-"));
  const persistTo = join(dir, "state");
  const kit = exportDevSigningKit(await createDevSigningKit());
  const model = JSON.parse(await readFile("skill-package/interactionModels/custom/en-US.json", "utf8")) as unknown;
  const envFile = join(dir, "dev.vars");
  await writeFile(
    envFile,
    updateDevVars(undefined, {
      SKILLFLARE_DEV_TRUST: devTrustValue(kit),
      SKILL_IDS: DEV_SKILL_ID,
      SKILLFLARE_DEV_KIT: devKitValue(kit),
      SKILLFLARE_DEV_MODELS: devModelsValue({ "en-US": model }),
    }),
  );
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  for (const story of STORIES) {
    const file = join("assets", story.key);
    await wrangler(["r2", "object", "put", `skillflare-audio/${story.key}`, "--file", file, "--content-type", "audio/mpeg", "--local", "--persist-to", persistTo]);
  }
  const entry = await prepareDevEntry(process.cwd(), await readFile("wrangler.toml", "utf8"));
  if (entry.kind !== "console") throw new Error(`skillflare dev would serve no console: ${entry.reason}`);
  const [port, inspectorPort] = [await freePort(), await freePort()];
  // --local-upstream: without it the Worker would see wrangler.toml's custom domain as its host.
  const args = ["dev", entry.script, "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort)];
  args.push("--local-upstream", `localhost:${port}`);
  args.push("--persist-to", persistTo, "--env-file", envFile, "--show-interactive-dev-session=false");
  const child = spawn(WRANGLER, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/_skillflare/`, child, () => output, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}
