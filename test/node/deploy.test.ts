// `skillflare deploy` refuses, before wrangler is called, while wrangler.toml has the template's
// placeholders (KV and D1 ids, the zero skill id, the example route), no route, or the D1
// database has no migrations, saying what to fix (exit 1); once ready it applies the D1
// migrations remotely and then runs `wrangler deploy`, in that order, through the injected
// runner (no network here). Usage errors are exit 2.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deployCommand } from "../../cli/deploy/deploy-command.js";
import { deployProblems } from "../../cli/deploy/deploy-checks.js";
import { memoryIo } from "../../cli/io.js";
import type { CommandRunner, ProcessOutcome } from "../../cli/process.js";

const TEMPLATE_TOML = readFileSync(new URL("../../templates/default/wrangler.toml", import.meta.url), "utf8");
const READY_TOML = TEMPLATE_TOML.replace('id = "00000000000000000000000000000000"', 'id = "3f1e0c9a5b7d4e2f8a6c1b9d0e7f3a25"')
  .replace('database_id = "00000000-0000-0000-0000-000000000000"', 'database_id = "7c2d9e41-5a3b-4f60-9e8d-2b1c4a6f0e93"')
  .replace("amzn1.ask.skill.00000000-0000-0000-0000-000000000000", "amzn1.ask.skill.8d3f1a2b-4c5e-4f67-8a9b-0c1d2e3f4a5b")
  .replace('pattern = "skill.example.com"', 'pattern = "alexa.colors.dev"');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(toml: string, migrations = true): string {
  const dir = mkdtempSync(join(tmpdir(), "skillflare-deploy-"));
  temps.push(dir);
  writeFileSync(join(dir, "wrangler.toml"), toml);
  if (migrations) {
    mkdirSync(join(dir, "migrations"));
    writeFileSync(join(dir, "migrations", "0001_skill_attributes.sql"), "CREATE TABLE t (a TEXT);");
  }
  return dir;
}

function recorder(fail: (args: readonly string[]) => boolean = () => false) {
  const calls: string[][] = [];
  const run: CommandRunner = async (command, args, options) => {
    calls.push([command, ...args]);
    options?.onStdoutLine?.("wrangler says hi");
    const failed = fail(args);
    return { code: failed ? 1 : 0, stdout: "", stderr: failed ? "boom" : "", timedOut: false } satisfies ProcessOutcome;
  };
  return { calls, run };
}

/** The wrangler arguments of each call, without the command (node_modules/.bin/wrangler or npx wrangler). */
const wranglerArgs = (calls: string[][]) => calls.map((call) => call.slice(call[0] === "npx" ? 2 : 1));

describe("skillflare deploy", () => {
  it("refuses the template as written, naming each placeholder and what to run, without calling wrangler", async () => {
    const io = memoryIo();
    const { calls, run } = recorder();
    expect(await deployCommand([], io, { cwd: project(TEMPLATE_TOML), run })).toBe(1);
    expect(calls).toEqual([]);
    const text = io.stderr.join("\n");
    expect(text).toContain("not deploying, 4 things to fix");
    expect(text).toContain("KV namespace CERT_CACHE has the placeholder id: run `npx wrangler kv namespace create CERT_CACHE`");
    expect(text).toContain("D1 database DB has the placeholder database_id: run `npx wrangler d1 create my-skill`".replace("my-skill", /database_name = "([^"]+)"/.exec(TEMPLATE_TOML)?.[1] ?? ""));
    expect(text).toContain("SKILL_IDS in wrangler.toml [vars] still has the placeholder skill id");
    expect(text).toContain("the route skill.example.com is the template's placeholder");
  });

  it("finds missing migrations, a missing route and an empty SKILL_IDS", () => {
    const noRoute = READY_TOML.replace(/^routes = .*$/m, "").replace(/SKILL_IDS = "[^"]*"/, 'SKILL_IDS = ""');
    const codes = deployProblems({ toml: noRoute, migrationFiles: () => ["README.md"] }).map((problem) => problem.code);
    expect(codes).toEqual(["migrations", "skill-id", "route"]);
    expect(deployProblems({ toml: READY_TOML, migrationFiles: () => ["0001_skill_attributes.sql"] })).toEqual([]);
  });

  it("reads routes in their other forms: route = \"...\" and a multi-line routes array", () => {
    const base = READY_TOML.replace(/^routes = .*$/m, "");
    const facts = (toml: string) => deployProblems({ toml, migrationFiles: () => ["1.sql"] });
    expect(facts(`route = "alexa.colors.dev/*"\n${base}`)).toEqual([]);
    expect(facts(`routes = [\n  { pattern = "alexa.colors.dev", custom_domain = true }, # live\n]\n${base}`)).toEqual([]);
    expect(facts(`routes = [\n  "skill.example.com/*",\n]\n${base}`).map((problem) => problem.code)).toEqual(["route"]);
  });

  it("refuses a project whose migrations folder is empty", async () => {
    const io = memoryIo();
    const { calls, run } = recorder();
    expect(await deployCommand([], io, { cwd: project(READY_TOML, false), run })).toBe(1);
    expect(calls).toEqual([]);
    expect(io.stderr.join("\n")).toContain("D1 database DB has no migrations in migrations/");
  });

  it("when ready, applies the D1 migrations remotely and then runs wrangler deploy with the extra options", async () => {
    const io = memoryIo();
    const { calls, run } = recorder();
    expect(await deployCommand(["--", "--env", "production"], io, { cwd: project(READY_TOML), run })).toBe(0);
    expect(wranglerArgs(calls)).toEqual([
      ["d1", "migrations", "apply", "DB", "--remote"],
      ["deploy", "--env", "production"],
    ]);
    expect(io.stdout).toContain("  wrangler says hi");
    expect(io.stdout.at(-1)).toContain("deployed");
  });

  it("stops before wrangler deploy when the migrations fail", async () => {
    const io = memoryIo();
    const { calls, run } = recorder((args) => args.includes("migrations"));
    expect(await deployCommand([], io, { cwd: project(READY_TOML), run })).toBe(1);
    expect(wranglerArgs(calls)).toEqual([["d1", "migrations", "apply", "DB", "--remote"]]);
    expect(io.stderr.join("\n")).toContain("applying D1 migrations to DB (remote) failed (exit 1)");
  });

  it("--dry-run checks and bundles only", async () => {
    const { calls, run } = recorder();
    expect(await deployCommand(["--dry-run"], memoryIo(), { cwd: project(READY_TOML), run })).toBe(0);
    expect(wranglerArgs(calls)).toEqual([["deploy", "--dry-run"]]);
  });

  it("usage errors are exit 2; no wrangler.toml is exit 1", async () => {
    const { calls, run } = recorder();
    expect(await deployCommand(["--bogus"], memoryIo(), { cwd: project(READY_TOML), run })).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), "skillflare-deploy-"));
    temps.push(empty);
    const io = memoryIo();
    expect(await deployCommand([], io, { cwd: empty, run })).toBe(1);
    expect(io.stderr.join("\n")).toContain("no wrangler.toml");
    expect(calls).toEqual([]);
  });
});
