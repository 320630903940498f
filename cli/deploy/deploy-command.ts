/**
 * `skillflare deploy [--dry-run] [-- <wrangler deploy options>]`: refuses (exit 1) while
 * wrangler.toml still has placeholders or lacks what a live skill needs (deploy-checks.ts),
 * then applies the D1 migrations remotely and runs `wrangler deploy`, streaming wrangler's
 * output. --dry-run runs the checks and `wrangler deploy --dry-run` only (bundles offline).
 */
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "../args.js";
import { wranglerCommand } from "../dev/setup.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "../io.js";
import { type CommandRunner, runCommand } from "../process.js";
import { d1Bindings, deployProblems } from "./deploy-checks.js";

export const DEPLOY_USAGE = `usage: skillflare deploy [--dry-run] [-- <wrangler deploy options>]

  Checks wrangler.toml (real KV and D1 ids, your skill id, migrations, a custom-domain route),
  applies the D1 migrations to the remote database, then runs wrangler deploy.
  --dry-run  only the checks and \`wrangler deploy --dry-run\` (nothing is changed)`;

export interface DeployDependencies {
  readonly cwd?: string;
  readonly run?: CommandRunner;
}

export async function deployCommand(argv: readonly string[], io: CliIo, deps: DeployDependencies = {}): Promise<ExitCode> {
  const parsed = parseArgs(argv, { "dry-run": "boolean", help: "boolean" });
  if (parsed.ok && parsed.args.booleans.has("help")) {
    io.out(DEPLOY_USAGE);
    return EXIT_OK;
  }
  if (!parsed.ok) {
    io.err(`skillflare deploy: ${parsed.message}\n${DEPLOY_USAGE}`);
    return EXIT_USAGE;
  }
  const cwd = deps.cwd ?? process.cwd();
  const tomlPath = join(cwd, "wrangler.toml");
  if (!existsSync(tomlPath)) {
    io.err(`skillflare deploy: no wrangler.toml in ${cwd}; run it in your project's folder`);
    return EXIT_CHECK_FAILED;
  }
  const toml = await readFile(tomlPath, "utf8");
  const problems = deployProblems({
    toml,
    migrationFiles: (dir) => (existsSync(join(cwd, dir)) ? readdirSync(join(cwd, dir)) : []),
  });
  if (problems.length > 0) {
    io.err(`skillflare deploy: not deploying, ${problems.length} thing${problems.length === 1 ? "" : "s"} to fix in wrangler.toml first:`);
    for (const problem of problems) io.err(`  - ${problem.message}`);
    return EXIT_CHECK_FAILED;
  }
  const run = deps.run ?? runCommand;
  const [command, prefix] = wranglerCommand(cwd);
  const wrangler = async (args: readonly string[], what: string): Promise<boolean> => {
    io.out(`[skillflare] ${what}...`);
    const result = await run(command, [...prefix, ...args], {
      cwd,
      timeoutMs: 600_000,
      onStdoutLine: (line) => io.out(`  ${line}`),
      onStderrLine: (line) => io.err(`  ${line}`),
    });
    if (result.code === 0) return true;
    io.err(`skillflare deploy: ${what} failed (${result.spawnError ?? (result.timedOut ? "timed out" : `exit ${result.code}`)})`);
    return false;
  };
  const dryRun = parsed.args.booleans.has("dry-run");
  if (!dryRun) {
    for (const binding of d1Bindings(toml)) {
      if (!(await wrangler(["d1", "migrations", "apply", binding, "--remote"], `applying D1 migrations to ${binding} (remote)`))) return EXIT_CHECK_FAILED;
    }
  }
  const deployArgs = ["deploy", ...(dryRun ? ["--dry-run"] : []), ...parsed.args.positionals];
  if (!(await wrangler(deployArgs, dryRun ? "bundling (wrangler deploy --dry-run)" : "deploying (wrangler deploy)"))) return EXIT_CHECK_FAILED;
  io.out(dryRun ? "[skillflare] dry run done: nothing was deployed" : "[skillflare] deployed. Check the endpoint with: npx skillflare doctor https://<your domain>/");
  return EXIT_OK;
}
