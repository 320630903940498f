/**
 * `skillflare dev [--port N] [--inspector-port N] [--setup-only] [-- <wrangler dev args>]`: the
 * setup of setup.ts, then `wrangler dev` on the port asked for (default 8787) with its inspector
 * on a free port, so two dev servers can run side by side. `npm start -- --port 8802` lands
 * here. wrangler dev runs the generated .skillflare/dev-entry.js (dev-entry.ts): the project's
 * Worker with the local console at /_skillflare/ in front, which no deployed bundle carries.
 * While wrangler runs, .skillflare/dev.json tells `skillflare simulate` where it is.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { lastString, parseArgs } from "../args.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "../io.js";
import { type CommandRunner, runCommand } from "../process.js";
import { type DevEntry, prepareDevEntry } from "./dev-entry.js";
import { clearDevState, devUrl, writeDevState } from "./dev-state.js";
import { freePort, probePort } from "./free-port.js";
import { runDevSetup, wranglerCommand } from "./setup.js";

export const DEFAULT_DEV_PORT = 8787;

export const DEV_USAGE = `usage: skillflare dev [--port N] [--inspector-port N] [--setup-only] [-- <wrangler dev options>]

  Runs the skill locally: a dev signing kit trusted through .dev.vars, local D1 migrations,
  the audio of package.json "skillflare".audioDir in local R2, then wrangler dev.
  --port            where the skill listens (default ${DEFAULT_DEV_PORT}); \`npm start -- --port N\` passes it
  --inspector-port  wrangler's debugger port (default: a free one)
  --setup-only      do the setup and stop, without starting wrangler dev`;

/** Starts a long-running program attached to this terminal; resolves its exit code. */
export type Launcher = (command: string, args: readonly string[], cwd: string) => Promise<number>;

export const launchAttached: Launcher = (command, args, cwd) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
    const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
    const onTerm = forward("SIGTERM");
    const onInt = forward("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
    const done = (code: number) => {
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      resolve(code);
    };
    child.on("error", () => done(127));
    child.on("exit", (code, signal) => done(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));
  });

export interface DevDependencies {
  readonly cwd?: string;
  readonly run?: CommandRunner;
  readonly launch?: Launcher;
}

/** A port option's value: undefined when absent, a number, or the usage message for a bad one. */
function portOption(text: string | undefined, name: string): { readonly port?: number } | { readonly error: string } {
  if (text === undefined) return {};
  const port = Number(text);
  return /^\d+$/.test(text) && port >= 1 && port <= 65535 ? { port } : { error: `--${name} must be a port number 1-65535, not "${text}"` };
}

/**
 * wrangler dev's arguments: the entry script (none: wrangler.toml's main), the port, the free
 * inspector port, and the loopback upstream the dev trust needs.
 */
export function wranglerDevArgs(port: number, inspectorPort: number, extra: readonly string[] = [], script?: string): string[] {
  const entry = script === undefined ? [] : [script];
  return ["dev", ...entry, "--local", "--port", String(port), "--inspector-port", String(inspectorPort), "--local-upstream", `localhost:${port}`, ...extra];
}

/** The one line saying where the console is, or why there is none. */
function consoleLine(entry: DevEntry, port: number): string {
  return entry.kind === "console"
    ? `[skillflare] local console: ${devUrl(port)}_skillflare/ (wrangler dev runs ${entry.script}: ${entry.main} with withLocalConsole around its default export)`
    : `[skillflare] local console: none (${entry.reason}); wrangler dev runs ${entry.main ?? "wrangler.toml's main"} as it is`;
}

export async function devCommand(argv: readonly string[], io: CliIo, deps: DevDependencies = {}): Promise<ExitCode> {
  const parsed = parseArgs(argv, { port: "string", "inspector-port": "string", "setup-only": "boolean", help: "boolean" });
  if (parsed.ok && parsed.args.booleans.has("help")) {
    io.out(DEV_USAGE);
    return EXIT_OK;
  }
  if (!parsed.ok) {
    io.err(`skillflare dev: ${parsed.message}\n${DEV_USAGE}`);
    return EXIT_USAGE;
  }
  const portArg = portOption(lastString(parsed.args, "port"), "port");
  const inspectorArg = portOption(lastString(parsed.args, "inspector-port"), "inspector-port");
  if ("error" in portArg || "error" in inspectorArg) {
    io.err(`skillflare dev: ${"error" in portArg ? portArg.error : "error" in inspectorArg ? inspectorArg.error : ""}`);
    return EXIT_USAGE;
  }
  const port = portArg.port ?? DEFAULT_DEV_PORT;
  const cwd = deps.cwd ?? process.cwd();
  const setupOnly = parsed.args.booleans.has("setup-only");
  if (!setupOnly && (await probePort(port)) === null) {
    io.err(`skillflare dev: port ${port} is in use (another dev server?); choose another with --port N`);
    return EXIT_CHECK_FAILED;
  }
  try {
    await runDevSetup({ cwd, io, run: deps.run ?? runCommand });
  } catch (error) {
    io.err(`[skillflare] setup failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_CHECK_FAILED;
  }
  if (setupOnly) return EXIT_OK;
  const inspectorPort = inspectorArg.port ?? (await freePort());
  const [command, prefix] = wranglerCommand(cwd);
  const entry = await prepareDevEntry(cwd, await readFile(join(cwd, "wrangler.toml"), "utf8"));
  io.out(consoleLine(entry, port));
  io.out(`[skillflare] starting wrangler dev: the skill will answer on ${devUrl(port)} (inspector on ${inspectorPort})`);
  await writeDevState(cwd, port);
  try {
    const script = entry.kind === "console" ? entry.script : undefined;
    const code = await (deps.launch ?? launchAttached)(command, [...prefix, ...wranglerDevArgs(port, inspectorPort, parsed.args.positionals, script)], cwd);
    return code === 0 ? EXIT_OK : EXIT_CHECK_FAILED;
  } finally {
    clearDevState(cwd);
  }
}
