// `skillflare dev` in a throwaway project: the setup (real dev kit, .dev.vars, D1 migrations,
// the audio of package.json's audioDir put in local R2 under their paths, with their types)
// goes through the injected runner, then wrangler dev is launched on the port asked for with
// its own inspector port, and .skillflare/dev.json says where it runs while (and only while)
// it runs, which is where `simulate` posts by default. Usage errors are exit 2.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { devCommand, wranglerDevArgs, type Launcher } from "../../cli/dev/dev-command.js";
import { defaultSkillUrl, readDevState, writeDevState } from "../../cli/dev/dev-state.js";
import { freePort } from "../../cli/dev/free-port.js";
import { projectConfigFrom, ProjectConfigError } from "../../cli/dev/project-config.js";
import { memoryIo } from "../../cli/io.js";
import type { CommandRunner } from "../../cli/process.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TOML = `name = "t"\nmain = "src/index.ts"\n[vars]\nSKILL_IDS = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"\n[[r2_buckets]]\nbinding = "AUDIO"\nbucket_name = "t-audio"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "t"\ndatabase_id = "0"\n`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "skillflare-dev-"));
  temps.push(dir);
  writeFileSync(join(dir, "wrangler.toml"), TOML);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "t", skillflare: { audioDir: "sounds" } }));
  mkdirSync(join(dir, "sounds", "intro"), { recursive: true });
  writeFileSync(join(dir, "sounds", "intro", "hello.mp3"), "ID3");
  writeFileSync(join(dir, "sounds", "loop.m4a"), "m4a");
  writeFileSync(join(dir, "sounds", "README.md"), "not audio");
  return dir;
}

function fakeWrangler() {
  const calls: string[][] = [];
  const run: CommandRunner = async (_command, args) => {
    calls.push(args.slice(args[0] === "wrangler" ? 1 : 0));
    return { code: 0, stdout: "", stderr: "", timedOut: false };
  };
  return { calls, run };
}

describe("skillflare dev", () => {
  it("sets up, launches wrangler dev on --port with a free inspector port, and records where it runs", async () => {
    const dir = project();
    const port = await freePort();
    const { calls, run } = fakeWrangler();
    let launched: readonly string[] = [];
    let stateWhileRunning: unknown;
    const launch: Launcher = async (_command, args) => {
      launched = args;
      stateWhileRunning = readDevState(dir);
      return 0;
    };
    const io = memoryIo();
    expect(await devCommand(["--port", String(port)], io, { cwd: dir, run, launch })).toBe(0);
    expect(calls).toEqual([
      ["d1", "migrations", "apply", "DB", "--local"],
      ["r2", "object", "put", "t-audio/intro/hello.mp3", "--file", join(dir, "sounds", "intro", "hello.mp3"), "--content-type", "audio/mpeg", "--local"],
      ["r2", "object", "put", "t-audio/loop.m4a", "--file", join(dir, "sounds", "loop.m4a"), "--content-type", "audio/mp4", "--local"],
    ]);
    const devArgs = launched.slice(launched.indexOf("dev"));
    const inspector = Number(devArgs[devArgs.indexOf("--inspector-port") + 1]);
    expect(inspector).toBeGreaterThan(0);
    expect(inspector).not.toBe(9229);
    expect(devArgs).toEqual(wranglerDevArgs(port, inspector));
    expect(devArgs).toContain(`localhost:${port}`);
    expect(stateWhileRunning).toMatchObject({ port, url: `http://localhost:${port}/`, pid: process.pid });
    expect(existsSync(join(dir, ".skillflare", "dev.json"))).toBe(false);
    expect(readFileSync(join(dir, ".dev.vars"), "utf8")).toMatch(/^SKILLFLARE_DEV_TRUST='\{"anchors"/m);
    expect(existsSync(join(dir, ".skillflare", "dev-kit.json"))).toBe(true);
    expect(io.stdout.join("\n")).toContain("2 of 2 audio files of sounds/ put");
  });

  it("does not put the same audio twice (the seed stamp), and --setup-only starts nothing", async () => {
    const dir = project();
    const first = fakeWrangler();
    expect(await devCommand(["--setup-only"], memoryIo(), { cwd: dir, run: first.run, launch: async () => 1 })).toBe(0);
    const second = fakeWrangler();
    const io = memoryIo();
    expect(await devCommand(["--setup-only"], io, { cwd: dir, run: second.run, launch: async () => 1 })).toBe(0);
    expect(second.calls).toEqual([["d1", "migrations", "apply", "DB", "--local"]]);
    expect(io.stdout.join("\n")).toContain("all 2 audio files of sounds/ already there");
  });

  it("says so when the port is taken (exit 1) and answers bad options with exit 2", async () => {
    const dir = project();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const io = memoryIo();
      expect(await devCommand(["--port", String(taken)], io, { cwd: dir, run: fakeWrangler().run, launch: async () => 0 })).toBe(1);
      expect(io.stderr.join("\n")).toContain(`port ${taken} is in use`);
    } finally {
      blocker.close();
    }
    for (const argv of [["--port", "http"], ["--port", "70000"], ["--inspector-port", "0"], ["--bogus"]]) {
      expect(await devCommand(argv, memoryIo(), { cwd: dir, run: fakeWrangler().run, launch: async () => 0 }), argv.join(" ")).toBe(2);
    }
  });

  it("simulate's default URL is the running dev server's, and http://localhost:8787/ when none runs", async () => {
    const dir = project();
    expect(defaultSkillUrl(dir)).toBe("http://localhost:8787/");
    await writeDevState(dir, 8802);
    expect(defaultSkillUrl(dir)).toBe("http://localhost:8802/");
    expect(readDevState(dir, () => false)).toBeUndefined(); // its process is gone
  });

  it("reads package.json's skillflare.audioDir, and says what is wrong with a bad one", () => {
    expect(projectConfigFrom({ skillflare: { audioDir: "assets" } })).toEqual({ audioDir: "assets" });
    expect(projectConfigFrom({ name: "x" })).toEqual({});
    expect(() => projectConfigFrom({ skillflare: { audioDir: 3 } })).toThrow(ProjectConfigError);
    expect(() => projectConfigFrom({ skillflare: "assets" })).toThrow(/must be an object/);
  });
});
