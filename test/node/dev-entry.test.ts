// The entry `skillflare dev` hands to wrangler dev (cli/dev/dev-entry.ts): generated in
// .skillflare/ when wrangler.toml's main has a default export, re-exporting main's named exports
// and wrapping its default in withLocalConsole, launched as wrangler dev's script, with one log
// line saying where the console is or why there is none. (That wrangler really bundles it with
// the console, and that the deploy bundle has none, is bundle-budget.test.ts; that it serves the
// console in a browser, console-browser.test.ts.)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { devCommand, wranglerDevArgs } from "../../cli/dev/dev-command.js";
import { DEV_ENTRY_PATH, hasDefaultExport, mainFromWranglerToml } from "../../cli/dev/dev-entry.js";
import { freePort } from "../../cli/dev/free-port.js";
import { memoryIo } from "../../cli/io.js";
import type { CommandRunner } from "../../cli/process.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const run: CommandRunner = async () => ({ code: 0, stdout: "", stderr: "", timedOut: false });

function project(main: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), "skillflare-dev-entry-"));
  temps.push(dir);
  writeFileSync(join(dir, "wrangler.toml"), `name = "t"\nmain = "src/index.ts" # the Worker\n[vars]\nmain = "not/this.ts"\n`);
  if (main !== undefined) {
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "index.ts"), main);
  }
  return dir;
}

async function start(dir: string): Promise<{ args: readonly string[]; out: string; port: number }> {
  const port = await freePort();
  const io = memoryIo();
  let args: readonly string[] = [];
  expect(await devCommand(["--port", String(port), "--inspector-port", "9330"], io, { cwd: dir, run, launch: async (_c, a) => ((args = a), 0) })).toBe(0);
  return { args: args.slice(args.indexOf("dev")), out: io.stdout.join("\n"), port };
}

describe("skillflare dev's entry", () => {
  it("wraps main's default export in withLocalConsole, keeps its named exports, and runs that", async () => {
    const dir = project('export class Counter {}\nexport default createAlexaWorker({ skill });\n');
    const { args, out, port } = await start(dir);
    expect(args).toEqual(wranglerDevArgs(port, 9330, [], DEV_ENTRY_PATH));
    expect(args[1]).toBe(join(".skillflare", "dev-entry.js"));
    const entry = readFileSync(join(dir, DEV_ENTRY_PATH), "utf8");
    expect(entry).toContain('export * from "../src/index.ts";');
    expect(entry).toContain('import { withLocalConsole } from "skillflare/dev";');
    expect(entry).toContain("export default withLocalConsole(project.default);");
    expect(out).toContain(`local console: http://localhost:${port}/_skillflare/ (wrangler dev runs ${DEV_ENTRY_PATH}: src/index.ts`);
  });

  it("runs main as it is, and says there is no console, when main has no default export", async () => {
    const dir = project("export class Counter {}\n");
    const { args, out, port } = await start(dir);
    expect(args).toEqual(wranglerDevArgs(port, 9330));
    expect(existsSync(join(dir, DEV_ENTRY_PATH))).toBe(false);
    expect(out).toContain("local console: none (src/index.ts has no default export to wrap); wrangler dev runs src/index.ts as it is");
  });

  it("reads main from wrangler.toml's top level and recognises default exports", () => {
    expect(mainFromWranglerToml('name = "s"\nmain = "src/index.ts" # entry\n[vars]\n')).toBe("src/index.ts");
    expect(mainFromWranglerToml("main = 'src/worker.js'\n")).toBe("src/worker.js");
    expect(mainFromWranglerToml('name = "s"\n[vars]\nmain = "x.ts"\n')).toBeUndefined();
    for (const source of ["export default createAlexaWorker({ skill });", "export { worker as default };", "export {\n  default,\n} from './w.js';"]) {
      expect(hasDefaultExport(source), source).toBe(true);
    }
    for (const source of ["export class Counter {}", "const defaults = 1; export { defaults };", "// no exports"]) {
      expect(hasDefaultExport(source), source).toBe(false);
    }
  });
});
