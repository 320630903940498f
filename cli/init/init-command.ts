/**
 * `skillflare init <dir> [--name "My Skill"] [--skillflare <npm spec>] [--toolchain node20|current]
 * [--force]`: writes a new skill project from templates/default/ (shipped in the package) plus
 * a generated package.json whose toolchain fits the Node running init, and that toolchain's
 * `wrangler types` output from templates/types/. Refuses a non-empty
 * directory unless --force (then only the template's files are overwritten; others stay).
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { lastString, parseArgs } from "../args.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "../io.js";
import { skillflarePackageRoot, skillflareVersion } from "../package-root.js";
import { fillPlaceholders, nameFromDirectory, nameProblem, projectNames, projectPackageJson, projectPath } from "./project-files.js";
import { type Toolchain, toolchainById, toolchainForNode } from "./toolchain.js";

export const INIT_USAGE = `usage: skillflare init <dir> [--name "My Skill"] [--skillflare <npm spec>] [--toolchain node20|current] [--force]

  Writes a new Alexa skill project into <dir>: a skill in src/index.ts, tests, wrangler.toml,
  migrations, skill-package/ and a README. Then: cd <dir> && npm install && npm start.
  --name        the skill's name (default: from <dir>); its invocation name is the lower-cased name
  --skillflare  the skillflare dependency spec (default ^<this version>; a tarball path works)
  --toolchain   node20 (wrangler 4.86) or current (newest wrangler, Node >= 22.12);
                default: the one for the Node running init
  --force       write into a non-empty directory (overwrites the template's files only)`;

export interface InitOptions {
  readonly dir: string;
  readonly name?: string;
  readonly skillflareSpec?: string;
  readonly toolchain?: Toolchain;
  readonly force?: boolean;
  /** The Node version the toolchain is chosen for (default process.version). */
  readonly nodeVersion?: string;
  /** Where templates/ is (default: this package). */
  readonly packageRoot?: string;
}

export type InitResult =
  | { readonly ok: true; readonly files: readonly string[]; readonly toolchain: Toolchain; readonly dir: string }
  | { readonly ok: false; readonly reason: "not-empty" | "bad-name"; readonly message: string };

async function templateFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? templateFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)])),
  );
  return nested.flat().sort();
}

/**
 * A local tarball or folder given as a path becomes a `file:` spec relative to the new project
 * (npm resolves `file:` against the project, not where init ran); registry specs stay as given.
 */
export function dependencySpec(spec: string, projectDir: string, cwd: string = process.cwd()): string {
  const looksLikePath = /^(\.{1,2}\/|\/)/.test(spec) || /\.(tgz|tar\.gz)$/.test(spec);
  if (!looksLikePath || spec.startsWith("file:") || !existsSync(resolve(cwd, spec))) return spec;
  const path = relative(projectDir, resolve(cwd, spec)).split("\\").join("/");
  return `file:${path.startsWith(".") ? path : `./${path}`}`;
}

/** Writes the project; returns what was written, or why nothing was. */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const dir = resolve(options.dir);
  const name = options.name ?? nameFromDirectory(basename(dir));
  const problem = nameProblem(name);
  if (problem !== null) return { ok: false, reason: "bad-name", message: problem };
  if (existsSync(dir) && (await readdir(dir)).length > 0 && options.force !== true) {
    return { ok: false, reason: "not-empty", message: `${dir} is not empty; choose a new directory, or add --force to write the template's files into it` };
  }
  const root = options.packageRoot ?? skillflarePackageRoot();
  const toolchain = options.toolchain ?? toolchainForNode(options.nodeVersion ?? process.version);
  const names = projectNames(name);
  const values = { ...names, compatibilityDate: toolchain.compatibilityDate, vitestPlugin: toolchain.vitestPlugin };
  const templateDir = join(root, "templates", "default");
  const written: string[] = [];
  for (const file of await templateFiles(templateDir)) {
    const target = join(dir, projectPath(file));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, fillPlaceholders(await readFile(join(templateDir, file), "utf8"), values));
    written.push(relative(dir, target));
  }
  // `wrangler types --include-runtime=false` output differs between the two wranglers: one per toolchain.
  await writeFile(join(dir, "worker-configuration.d.ts"), await readFile(join(root, "templates", "types", `${toolchain.id}.d.ts`), "utf8"));
  written.push("worker-configuration.d.ts");
  const spec = options.skillflareSpec === undefined ? `^${skillflareVersion(root)}` : dependencySpec(options.skillflareSpec, dir);
  await writeFile(join(dir, "package.json"), projectPackageJson(names, spec, toolchain));
  written.push("package.json");
  return { ok: true, files: written.sort(), toolchain, dir };
}

export async function initCommand(argv: readonly string[], io: CliIo, nodeVersion: string = process.version): Promise<ExitCode> {
  const parsed = parseArgs(argv, { name: "string", skillflare: "string", toolchain: "string", force: "boolean", help: "boolean" });
  if (parsed.ok && parsed.args.booleans.has("help")) {
    io.out(INIT_USAGE);
    return EXIT_OK;
  }
  if (!parsed.ok || parsed.args.positionals.length !== 1) {
    io.err(`skillflare init: ${parsed.ok ? "give exactly one directory" : parsed.message}\n${INIT_USAGE}`);
    return EXIT_USAGE;
  }
  const toolchainId = lastString(parsed.args, "toolchain");
  const toolchain = toolchainId === undefined ? undefined : toolchainById(toolchainId);
  if (toolchainId !== undefined && toolchain === undefined) {
    io.err(`skillflare init: --toolchain must be node20 or current, not "${toolchainId}"`);
    return EXIT_USAGE;
  }
  const name = lastString(parsed.args, "name");
  const spec = lastString(parsed.args, "skillflare");
  const dir = parsed.args.positionals[0] ?? "";
  const result = await initProject({
    dir,
    nodeVersion,
    force: parsed.args.booleans.has("force"),
    ...(name === undefined ? {} : { name }),
    ...(spec === undefined ? {} : { skillflareSpec: spec }),
    ...(toolchain === undefined ? {} : { toolchain }),
  });
  if (!result.ok) {
    io.err(`skillflare init: ${result.message}`);
    return result.reason === "bad-name" ? EXIT_USAGE : EXIT_CHECK_FAILED;
  }
  io.out(`Created ${result.dir} (${result.files.length} files)`);
  io.out(`Toolchain: ${result.toolchain.label}${toolchainId === undefined ? `, chosen for Node ${nodeVersion}` : ""}`);
  io.out(`Next:\n  cd ${relative(process.cwd(), result.dir) || "."}\n  npm start    # installs on first run, then serves the skill on http://localhost:8787/\n  npm test`);
  return EXIT_OK;
}
