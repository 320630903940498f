// `skillflare init <dir> --from-lambda <lambda-dir>`: an ask-sdk v2 Lambda skill becomes a
// Worker project without a byte of it changing. The Lambda folder is copied to <dir>/lambda/;
// around it go package.json, wrangler.toml, src/worker.js, skillflare's D1 migrations and the
// interaction models found beside it; then the report says what was detected and what could
// not be carried over. `npm install && npm start` serves it; `skillflare simulate` talks to it.
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "../io.js";
import { detectLambda } from "./detect.js";
import { copyLambdaFolder, findInteractionModels, findSkillId, isDirectory, readLambdaFiles } from "./files.js";
import { packageJsonText, workerEntryText, workerName, wranglerTomlText } from "./generate.js";
import { detectionReport } from "./report.js";

export interface InitFromLambdaOptions {
  /** The new project's folder; must not exist or be empty. */
  readonly dir: string;
  readonly lambdaDir: string;
  /** package.json's skillflare dependency; default `^<this version>`. */
  readonly skillflareSpec?: string;
}

/** skillflare's own folder (with migrations/), from cli/ in the repo or dist/cli/ in the package. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "skillflare") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("skillflare init: cannot find skillflare's package.json above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

const PACKAGE_ROOT = packageRoot();
const WRANGLER_VERSION = "4.86.0";
const COMPATIBILITY_DATE = "2026-04-20";

async function ownVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

async function copyMigrations(to: string): Promise<void> {
  const from = join(PACKAGE_ROOT, "migrations");
  await mkdir(to, { recursive: true });
  for (const name of (await readdir(from)).filter((file) => file.endsWith(".sql")).sort()) await copyFile(join(from, name), join(to, name));
}

/** Writes the project and prints the report; returns the CLI exit code. */
export async function initFromLambda(options: InitFromLambdaOptions, io: CliIo): Promise<ExitCode> {
  const dir = resolve(options.dir);
  const lambdaDir = resolve(options.lambdaDir);
  if (!(await isDirectory(lambdaDir))) {
    io.err(`skillflare init: --from-lambda ${options.lambdaDir} is not a folder`);
    return EXIT_USAGE;
  }
  if (!(await isEmptyOrMissing(dir))) {
    io.err(`skillflare init: ${options.dir} exists and is not empty; choose a new folder`);
    return EXIT_USAGE;
  }
  const files = await readLambdaFiles(lambdaDir);
  const detection = detectLambda(files);
  const models = await findInteractionModels(lambdaDir);
  const skillId = await findSkillId(lambdaDir);
  const generate = {
    name: workerName(basename(dir)),
    ...(skillId !== undefined ? { skillId } : {}),
    skillflareSpec: options.skillflareSpec ?? `^${await ownVersion()}`,
    wranglerVersion: WRANGLER_VERSION,
    compatibilityDate: COMPATIBILITY_DATE,
  };

  await copyLambdaFolder(lambdaDir, join(dir, "lambda"));
  await mkdir(join(dir, "src"), { recursive: true });
  await writeFile(join(dir, "package.json"), packageJsonText(detection, generate));
  await writeFile(join(dir, "wrangler.toml"), wranglerTomlText(detection, generate));
  await writeFile(join(dir, "src", "worker.js"), workerEntryText(detection));
  await writeFile(join(dir, ".gitignore"), "node_modules/\n.wrangler/\n.dev.vars\ndist/\n");
  await copyMigrations(join(dir, "migrations"));
  if (models.size > 0) {
    const target = join(dir, "skill-package", "interactionModels", "custom");
    await mkdir(target, { recursive: true });
    for (const [name, path] of models) await copyFile(path, join(target, name));
  }

  const skippedNodeModules = await isDirectory(join(lambdaDir, "node_modules"));
  for (const line of detectionReport(detection, { dir: options.dir, models: [...models.keys()], ...(skillId !== undefined ? { skillId } : {}), skippedNodeModules })) io.out(line);
  io.out("");
  io.out(`Next: cd ${options.dir} && npm install && npm start   (then: npx skillflare simulate)`);
  return detection.sdk === "alexa-sdk-v1" || detection.sdk === "none" ? EXIT_CHECK_FAILED : EXIT_OK;
}
