/**
 * The three servers of the load bench, each in its own process tree on 127.0.0.1:
 *   worker_miniflare: the shipped bundle on Miniflare directly (miniflare-host.ts),
 *   worker_wrangler_dev: the same Worker under `wrangler dev --local` (tooling, reported apart),
 *   express: the ask-sdk peer (bench/express-peer/server.ts) with SQLite,
 * and, for the persistence mix only, a reference that is not a skill:
 *   d1_ceiling: a Worker that makes the example's D1 queries for the mix (one trivial query per
 *     request, none for a resume the device reports) and nothing else
 *     (storage-only-worker.ts), on Miniflare like worker_miniflare: local D1's own ceiling.
 * The three skill sides trust the same dev kit chain and start with empty storage (D1 migrated).
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { startChildServer, type ChildServer } from "./child-server.js";
import { freePort } from "./free-port.js";
import type { DevTrustJson, WorkerOnMiniflareOptions } from "./miniflare-worker.js";
import { STORAGE_ONLY_SCRIPT } from "./storage-only-worker.js";

/** The d1_ceiling reference side: the storage-only Worker making the example's D1 queries for the mix. */
export function startD1CeilingSide(projectDir: string, scratch: string, options: WorkerOnMiniflareOptions): Promise<Side> {
  return startMiniflareSide(projectDir, scratch, { ...options, bundle: { ...options.bundle, script: STORAGE_ONLY_SCRIPT } }, "d1_ceiling", "?storage=d1");
}

export type SideName = "worker_miniflare" | "worker_wrangler_dev" | "express" | "d1_ceiling";

export interface Side {
  readonly name: SideName;
  readonly url: string;
  readonly server: ChildServer;
}

const run = promisify(execFile);
const TSX = ["--import", "tsx"];

export async function startMiniflareSide(projectDir: string, scratch: string, options: WorkerOnMiniflareOptions, name: "worker_miniflare" | "d1_ceiling" = "worker_miniflare", query = ""): Promise<Side> {
  const file = join(scratch, `${name}-options.json`);
  await writeFile(file, JSON.stringify({ ...options, persistDir: join(scratch, `${name}-state`) } satisfies WorkerOnMiniflareOptions));
  const server = await startChildServer({
    command: process.execPath,
    args: [...TSX, "bench/load/miniflare-host.ts", file],
    cwd: projectDir,
    ready: /listening (http:\/\/\S+)/,
    timeoutMs: 60_000,
  });
  return { name, url: `${server.readyMatch}${query}`, server };
}

export async function startWranglerDevSide(projectDir: string, scratch: string, devTrust: DevTrustJson, skillId: string): Promise<Side> {
  const persistTo = join(scratch, "wrangler-state");
  const env = { WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" };
  await run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  const port = await freePort();
  const inspectorPort = await freePort();
  const server = await startChildServer({
    command: "npx",
    args: [
      "wrangler", "dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
      "--persist-to", persistTo, "--show-interactive-dev-session=false", "--local-upstream", `127.0.0.1:${port}`,
      "--var", `SKILL_IDS:${skillId}`, "--var", `SKILLFLARE_DEV_TRUST:${JSON.stringify(devTrust)}`,
    ],
    cwd: projectDir,
    env,
    ready: /Ready on (http:\/\/\S+)/,
    timeoutMs: 120_000,
  });
  return { name: "worker_wrangler_dev", url: `http://127.0.0.1:${port}/`, server };
}

export async function startExpressSide(projectDir: string, scratch: string, chainUrl: string, chainPem: string): Promise<Side> {
  const config = { chainUrl, chainPem, sqliteFile: join(scratch, "peer.sqlite") };
  const server = await startChildServer({
    command: process.execPath,
    args: [...TSX, "bench/express-peer/server.ts"],
    cwd: projectDir,
    env: { PEER_CONFIG: JSON.stringify(config), NODE_ENV: "production" },
    ready: /listening (\d+)/,
    timeoutMs: 60_000,
  });
  return { name: "express", url: `http://127.0.0.1:${server.readyMatch}/`, server };
}
