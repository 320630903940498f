/**
 * The example Worker's bundle on Miniflare directly, with the bindings of wrangler.toml as
 * local resources (D1 `DB` with the migrations applied, KV `CERT_CACHE`, R2 `AUDIO`), the dev
 * signing kit trusted through `SKILLFLARE_DEV_TRUST` (honoured for loopback requests only,
 * as under `npm start`), on 127.0.0.1 and a port the OS picks. Each call is a fresh workerd
 * process and so a fresh isolate: the fresh-isolate bench relies on that. The local D1 and KV
 * simulators are started (first query) before the URL is handed out, because in production
 * those services are always up: a fresh isolate should not pay Miniflare's own start-up.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { descendantsNamed, settledCpu } from "./process-cpu.js";
import type { WorkerBundle } from "./worker-bundle.js";

export interface DevTrustJson {
  readonly anchors: readonly string[];
  readonly chains: Readonly<Record<string, string>>;
}

export interface WorkerOnMiniflare {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  readonly miniflare: Miniflare;
  /** CPU (ms) the workerd process had used when it was ready: start-up, module evaluation of every Worker included. */
  readonly startupCpuMs: number;
  readonly dispose: () => Promise<void>;
}

export interface WorkerOnMiniflareOptions {
  readonly bundle: WorkerBundle;
  readonly devTrust: DevTrustJson;
  readonly skillId: string;
  /** SQL of migrations/*.sql, in order. */
  readonly migrations: readonly string[];
  /** Text bindings instead of SKILL_IDS + SKILLFLARE_DEV_TRUST (then `devTrust` and `skillId` are unused). */
  readonly bindings?: Readonly<Record<string, string>>;
  /** Where D1, KV and R2 keep their files (default: Miniflare's own temporary directory). */
  readonly persistDir?: string;
  /** Opens workerd's V8 inspector on this loopback port (the request profile uses it). */
  readonly inspectorPort?: number;
}

export async function readMigrations(projectDir: string): Promise<string[]> {
  const dir = join(projectDir, "migrations");
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return Promise.all(files.map((name) => readFile(join(dir, name), "utf8")));
}

export async function startWorkerOnMiniflare(options: WorkerOnMiniflareOptions): Promise<WorkerOnMiniflare> {
  const { bundle } = options;
  const miniflare = new Miniflare({
    modules: true,
    script: bundle.script,
    compatibilityDate: bundle.compatibilityDate,
    compatibilityFlags: [...bundle.compatibilityFlags],
    host: "127.0.0.1",
    port: 0,
    bindings: options.bindings ?? { SKILL_IDS: options.skillId, SKILLFLARE_DEV_TRUST: JSON.stringify(options.devTrust) },
    d1Databases: ["DB"],
    kvNamespaces: ["CERT_CACHE"],
    r2Buckets: ["AUDIO"],
    ...(options.inspectorPort === undefined ? {} : { inspectorPort: options.inspectorPort }),
    ...(options.persistDir === undefined
      ? {}
      : { d1Persist: `${options.persistDir}/d1`, kvPersist: `${options.persistDir}/kv`, r2Persist: `${options.persistDir}/r2` }),
  });
  try {
    const url = (await miniflare.ready).href;
    const startupCpuMs = (await settledCpu(descendantsNamed(process.pid, "workerd"))).allMs;
    const db = await miniflare.getD1Database("DB");
    for (const sql of options.migrations) await db.batch(statementsOf(sql).map((s) => db.prepare(s)));
    // Start the local KV simulator too (D1's started with the migrations): in production the
    // storage services are always up, so a fresh isolate must not pay their start-up.
    await (await miniflare.getKVNamespace("CERT_CACHE")).get("bench-warm-up");
    return { url, miniflare, startupCpuMs, dispose: () => miniflare.dispose() };
  } catch (error) {
    await miniflare.dispose();
    throw error;
  }
}

/** A migration file's statements (comments dropped; our migrations hold no `;` inside strings). */
function statementsOf(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
