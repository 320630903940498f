/**
 * The setup `skillflare dev` does before `wrangler dev`, in the project directory:
 *   1. the dev signing kit in .skillflare/dev-kit.json (made or renewed when needed);
 *   2. .dev.vars: SKILLFLARE_DEV_TRUST (that kit's anchors and chain), SKILL_IDS (plus the
 *      dev skill id), and for the local console at /_skillflare/ SKILLFLARE_DEV_KIT (the kit
 *      itself) and SKILLFLARE_DEV_MODELS (skill-package's interaction models by locale),
 *      every other line kept;
 *   3. local D1 migrations (`wrangler d1 migrations apply DB --local`) when the project has D1;
 *   4. local R2: the audio files of package.json's "skillflare".audioDir put under their paths,
 *      skipped when the stamp in .wrangler/state says this exact content is already there.
 * Each step prints one line; a failing step throws with wrangler's own output.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DevSigningKitJson } from "skillflare/testing";
import { ensureDevKitFile } from "../dev-setup-kit.js";
import {
  devKitValue,
  devModelsValue,
  devTrustValue,
  devVarsValue,
  objectsToSeed,
  parseSeedStamp,
  skillIdsWithDev,
  updateDevVars,
  wranglerVar,
  type SeedStamp,
} from "../dev-setup-plan.js";
import type { CliIo } from "../io.js";
import type { CommandRunner } from "../process.js";
import { audioBucketFromWranglerToml, DEFAULT_AUDIO_BUCKET } from "../wrangler.js";
import { audioFilesIn } from "./audio-seed.js";
import { readProjectConfig } from "./project-config.js";

const SEED_STAMP = join(".wrangler", "state", "skillflare-seed.json");
const MODELS_DIR = join("skill-package", "interactionModels", "custom");

export interface DevSetupOptions {
  readonly cwd: string;
  readonly io: CliIo;
  readonly run: CommandRunner;
}

async function readText(path: string): Promise<string | undefined> {
  return existsSync(path) ? readFile(path, "utf8") : undefined;
}

/** The project's wrangler: node_modules/.bin first, npx otherwise. */
export function wranglerCommand(cwd: string): [string, string[]] {
  const local = join(cwd, "node_modules", ".bin", process.platform === "win32" ? "wrangler.cmd" : "wrangler");
  return existsSync(local) ? [local, []] : ["npx", ["wrangler"]];
}

async function wrangler(options: DevSetupOptions, args: readonly string[], timeoutMs = 120_000): Promise<void> {
  const [command, prefix] = wranglerCommand(options.cwd);
  const result = await options.run(command, [...prefix, ...args], {
    cwd: options.cwd,
    timeoutMs,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.code !== 0) {
    const why = result.spawnError ?? (result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit ${result.code}`);
    throw new Error(`wrangler ${args.join(" ")} failed (${why}):\n${result.stderr}${result.stdout}`);
  }
}

/** The interaction models in skill-package/, by locale (the file name), for the console. */
async function readModels(cwd: string): Promise<Record<string, unknown>> {
  const dir = join(cwd, MODELS_DIR);
  const files = existsSync(dir) ? (await readdir(dir)).filter((name) => name.endsWith(".json")).sort() : [];
  const entries = await Promise.all(
    files.map(async (name) => [name.slice(0, -".json".length), JSON.parse(await readFile(join(dir, name), "utf8")) as unknown] as const),
  );
  return Object.fromEntries(entries);
}

async function setUpDevVars(options: DevSetupOptions, kit: DevSigningKitJson, toml: string): Promise<void> {
  const path = join(options.cwd, ".dev.vars");
  const current = await readText(path);
  const skillIds = skillIdsWithDev(devVarsValue(current ?? "", "SKILL_IDS") ?? wranglerVar(toml, "SKILL_IDS"));
  const models = await readModels(options.cwd);
  const next = updateDevVars(current, {
    SKILLFLARE_DEV_TRUST: devTrustValue(kit),
    SKILL_IDS: skillIds,
    SKILLFLARE_DEV_KIT: devKitValue(kit),
    SKILLFLARE_DEV_MODELS: devModelsValue(models),
  });
  if (next !== current) await writeFile(path, next, { mode: 0o600 });
  const locales = Object.keys(models).join(", ") || "none";
  options.io.out(`[skillflare] .dev.vars: ${next === current ? "up to date" : "updated"} (SKILL_IDS=${skillIds}; console models: ${locales})`);
}

async function seedAudio(options: DevSetupOptions, audioDir: string, bucket: string): Promise<void> {
  const { io, cwd } = options;
  const dir = join(cwd, audioDir);
  if (!existsSync(dir)) {
    io.out(`[skillflare] R2 (local): no ${audioDir}/ folder, nothing to put in ${bucket}`);
    return;
  }
  const files = await audioFilesIn(dir);
  const stampPath = join(cwd, SEED_STAMP);
  const todo = objectsToSeed(parseSeedStamp(await readText(stampPath)), bucket, files);
  for (const [index, file] of todo.entries()) {
    io.out(`[skillflare] R2 (local): putting ${bucket}/${file.key} (${index + 1} of ${todo.length})...`);
    await wrangler(options, ["r2", "object", "put", `${bucket}/${file.key}`, "--file", file.file, "--content-type", file.contentType, "--local"]);
  }
  const done: SeedStamp = { bucket, objects: Object.fromEntries(files.map((file) => [file.key, file.sha256])) };
  await mkdir(join(cwd, ".wrangler", "state"), { recursive: true });
  await writeFile(stampPath, `${JSON.stringify(done, null, 2)}\n`);
  const summary =
    files.length === 0 ? `no audio files in ${audioDir}/ yet` : todo.length === 0 ? `all ${files.length} audio files of ${audioDir}/ already there` : `${todo.length} of ${files.length} audio files of ${audioDir}/ put`;
  io.out(`[skillflare] R2 (local): ${summary}`);
}

export async function runDevSetup(options: DevSetupOptions): Promise<void> {
  const { io, cwd } = options;
  const toml = await readText(join(cwd, "wrangler.toml"));
  if (toml === undefined) throw new Error(`no wrangler.toml in ${cwd}: run skillflare dev in your project's folder`);
  const config = await readProjectConfig(cwd);
  const { kit, renewed } = await ensureDevKitFile(join(cwd, ".skillflare", "dev-kit.json"));
  io.out(`[skillflare] dev signing kit: ${renewed === null ? "kept" : `created (${renewed})`} .skillflare/dev-kit.json`);
  await setUpDevVars(options, kit, toml);
  if (/^\s*\[\[d1_databases\]\]/m.test(toml)) {
    io.out("[skillflare] D1 (local): applying migrations...");
    await wrangler(options, ["d1", "migrations", "apply", "DB", "--local"]);
    io.out("[skillflare] D1 (local): migrations applied");
  }
  if (config.audioDir !== undefined) await seedAudio(options, config.audioDir, audioBucketFromWranglerToml(toml) ?? DEFAULT_AUDIO_BUCKET);
}
