/**
 * `npm start`'s setup step (the `prestart` script), run with tsx from the project root:
 *   1. the dev signing kit in .skillflare/dev-kit.json (made or renewed when needed);
 *   2. .dev.vars: SKILLFLARE_DEV_TRUST (that kit's anchors and chain), SKILL_IDS (plus the
 *      dev skill id), and for the local console at /_skillflare/ SKILLFLARE_DEV_KIT (the kit
 *      itself) and SKILLFLARE_DEV_MODELS (skill-package's interaction models by locale),
 *      every other line kept;
 *   3. local D1 migrations (`wrangler d1 migrations apply DB --local`);
 *   4. local R2: the example stories from assets/ put under their keys, skipped when the stamp
 *      in .wrangler/state says this exact content is already there.
 * Then `wrangler dev` starts (the `start` script). Exit 1 with the failing step on error.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { STORIES } from "../src/example/catalog.js";
import type { DevSigningKitJson } from "skillflare/testing";
import { DEV_KIT_PATH, ensureDevKitFile } from "./dev-setup-kit.js";
import {
  devKitValue,
  devModelsValue,
  devTrustValue,
  devVarsValue,
  objectsToSeed,
  skillIdsWithDev,
  updateDevVars,
  wranglerVar,
  type SeedStamp,
  parseSeedStamp,
} from "./dev-setup-plan.js";
import { audioBucketFromWranglerToml, DEFAULT_AUDIO_BUCKET } from "./wrangler.js";

const DEV_VARS = ".dev.vars";
const STATE_DIR = ".wrangler/state";
const SEED_STAMP = join(STATE_DIR, "skillflare-seed.json");
const ASSETS_DIR = "assets";
const MODELS_DIR = "skill-package/interactionModels/custom";

const say = (line: string) => process.stdout.write(`[skillflare] ${line}\n`);

async function readText(path: string): Promise<string | undefined> {
  return existsSync(path) ? readFile(path, "utf8") : undefined;
}

function wrangler(args: readonly string[]): void {
  const local = join("node_modules", ".bin", process.platform === "win32" ? "wrangler.cmd" : "wrangler");
  const [command, prefix] = existsSync(local) ? [local, []] : ["npx", ["wrangler"]];
  const result = spawnSync(command, [...prefix, ...args], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stderr}${result.stdout}`);
  }
}

/** The interaction models in skill-package/, by locale (the file name), for the console. */
async function readModels(): Promise<Record<string, unknown>> {
  const files = existsSync(MODELS_DIR) ? (await readdir(MODELS_DIR)).filter((name) => name.endsWith(".json")).sort() : [];
  const entries = await Promise.all(
    files.map(async (name) => [name.slice(0, -".json".length), JSON.parse(await readFile(join(MODELS_DIR, name), "utf8")) as unknown] as const),
  );
  return Object.fromEntries(entries);
}

async function setUpDevVars(kit: DevSigningKitJson, toml: string): Promise<void> {
  const current = await readText(DEV_VARS);
  const skillIds = skillIdsWithDev(devVarsValue(current ?? "", "SKILL_IDS") ?? wranglerVar(toml, "SKILL_IDS"));
  const models = await readModels();
  const next = updateDevVars(current, {
    SKILLFLARE_DEV_TRUST: devTrustValue(kit),
    SKILL_IDS: skillIds,
    SKILLFLARE_DEV_KIT: devKitValue(kit),
    SKILLFLARE_DEV_MODELS: devModelsValue(models),
  });
  if (next !== current) await writeFile(DEV_VARS, next, { mode: 0o600 });
  say(`${DEV_VARS}: ${next === current ? "up to date" : "updated"} (SKILL_IDS=${skillIds}; console models: ${Object.keys(models).join(", ") || "none"})`);
}

async function seedStories(bucket: string): Promise<void> {
  const objects = await Promise.all(
    STORIES.map(async (story) => {
      const file = join(ASSETS_DIR, story.key);
      return { key: story.key, file, sha256: createHash("sha256").update(await readFile(file)).digest("hex") };
    }),
  );
  const stamp = await readText(SEED_STAMP).then(parseSeedStamp);
  const todo = objectsToSeed(stamp, bucket, objects);
  for (const object of todo) {
    wrangler(["r2", "object", "put", `${bucket}/${object.key}`, "--file", object.file, "--content-type", "audio/mpeg", "--local"]);
    say(`R2 (local): put ${bucket}/${object.key}`);
  }
  const done: SeedStamp = { bucket, objects: Object.fromEntries(objects.map((object) => [object.key, object.sha256])) };
  await mkdir(STATE_DIR, { recursive: true });
  await writeFile(SEED_STAMP, `${JSON.stringify(done, null, 2)}\n`);
  say(`R2 (local): ${todo.length === 0 ? "stories already seeded" : `${todo.length} of ${objects.length} stories seeded`}`);
}

async function main(): Promise<void> {
  const toml = (await readText("wrangler.toml")) ?? "";
  const { kit, renewed } = await ensureDevKitFile();
  say(`dev signing kit: ${renewed === null ? "kept" : `created (${renewed})`} ${DEV_KIT_PATH}`);
  await setUpDevVars(kit, toml);
  wrangler(["d1", "migrations", "apply", "DB", "--local"]);
  say("D1 (local): migrations applied");
  await seedStories(audioBucketFromWranglerToml(toml) ?? DEFAULT_AUDIO_BUCKET);
}

main().catch((error: unknown) => {
  process.stderr.write(`[skillflare] setup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
