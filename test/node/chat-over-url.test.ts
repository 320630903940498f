// `skillflare chat`, `simulate "words"` and `check --url` against the example Worker served by
// `wrangler dev` as `npm start` runs it (workerd, local D1 migrated into a temp --persist-to
// folder, a temp .dev.vars trusting a dev kit made for this run) on free loopback ports: every request goes over HTTP through
// the Worker's full verification, as it does against `npm start`.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevSigningKit, DEV_SKILL_ID, exportDevSigningKit } from "../../src/devkit/index.js";
import { chatCommand } from "../../cli/chat.js";
import { checkCommand } from "../../cli/check.js";
import { memoryIo } from "../../cli/io.js";
import { devTrustValue, updateDevVars } from "../../cli/dev-setup-plan.js";
import { runCommand } from "../../cli/process.js";
import { simulateCommand } from "../../cli/simulate.js";

const projectDir = new URL("../..", import.meta.url).pathname;
let dir = "";
let kitPath = "";
let url = "";
let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "skillflare-chat-"));
  const kit = await createDevSigningKit();
  kitPath = join(dir, "dev-kit.json");
  writeFileSync(kitPath, JSON.stringify(exportDevSigningKit(kit)));
  const migrate = await runCommand("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], { cwd: projectDir, timeoutMs: 120_000, env: { ...process.env, CI: "true" } });
  if (migrate.code !== 0) throw new Error(`migrations failed: ${migrate.stderr}${migrate.stdout}`);
  const port = await freePort();
  writeFileSync(join(dir, ".dev.vars"), updateDevVars(undefined, { SKILLFLARE_DEV_TRUST: devTrustValue(exportDevSigningKit(kit)), SKILL_IDS: DEV_SKILL_ID }));
  // As `npm start` runs it: the Worker sees requests addressed to localhost (--local-upstream).
  server = spawn(
    join(projectDir, "node_modules/.bin/wrangler"),
    ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort()), "--local-upstream", `localhost:${port}`, "--persist-to", dir, "--env-file", join(dir, ".dev.vars"), "--show-interactive-dev-session=false"],
    { cwd: projectDir, env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server?.stdout?.on("data", onData);
    server?.stderr?.on("data", onData);
    server?.once("exit", (code) => reject(new Error(`wrangler dev exited ${code}:\n${output}`)));
  });
  url = `http://localhost:${port}/`;
}, 180_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const lines = (...typed: string[]) => Readable.from(typed.map((line) => `${line}\n`));

describe("skillflare chat over a URL", () => {
  it("reads one utterance a line when stdin is not a terminal, and shows each turn", async () => {
    const io = memoryIo();
    const code = await chatCommand(["--url", url, "--kit", kitPath], io, {
      input: lines("open bedtime stories", "play the dragon story", "/advance 55s", "/intent AMAZON.PauseIntent", "/state", "/bogus"),
      terminal: false,
    });
    const out = io.stdout.join("\n");
    expect(code).toBe(0);
    expect(out).toContain("heard:     launch (opens the skill)");
    expect(out).toContain("speech:    Welcome to Bedtime Stories.");
    expect(out).toMatch(/heard: {5}PlayStoryIntent via "play the \{story\} story"/);
    expect(out).toMatch(/sent: {6}PlayStoryIntent story="dragon" \(id dragons\)/);
    expect(out).toContain("directive: AudioPlayer.Play REPLACE_ALL");
    expect(out).toContain("then:      AudioPlayer.PlaybackStarted token=story:dragons offset=0");
    expect(out).toContain("sent:      AudioPlayer.PlaybackNearlyFinished token=story:dragons offset=50000"); // 10 s before the end of a 60 s stream
    expect(out).toContain("then:      AudioPlayer.PlaybackStopped token=story:dragons offset=55000");
    expect(out).toContain('"activity": "STOPPED"');
    expect(out).toContain("unknown command /bogus");
  });

  it("--json prints one {request, response} object a line for every request, device events included", async () => {
    const io = memoryIo();
    const code = await chatCommand(["--url", url, "--kit", kitPath, "--json"], io, { input: lines("ask bedtime stories to play the moon", "/advance 5s"), terminal: false });
    expect(code).toBe(0);
    const sent = io.stdout.map((line) => JSON.parse(line) as { request: { request: { type: string } }; response: unknown; status: number });
    expect(sent.map((e) => e.request.request.type)).toEqual(["IntentRequest", "AudioPlayer.PlaybackStarted"]);
    expect(sent.every((e) => e.status === 200 && e.response !== null)).toBe(true);
  });
});

describe("skillflare simulate with free words, and check against the running skill", () => {
  it("resolves the words and prints the answer and the events that followed", async () => {
    const io = memoryIo();
    const code = await simulateCommand(["play the dragon story", "--url", url, "--kit", kitPath], io);
    expect(io.stderr).toEqual([`> "play the dragon story" -> ${url}`]);
    expect(code).toBe(0);
    expect(io.stdout).toContain("speech:    Here is The Sleepy Dragon.");
    expect(io.stdout.some((line) => line.startsWith("then:      AudioPlayer.PlaybackStarted"))).toBe(true);
  });

  it("exits 1 when the skill cannot be reached", async () => {
    const io = memoryIo();
    const code = await simulateCommand(["help", "--url", `http://localhost:${await freePort()}/`, "--kit", kitPath], io);
    expect(code).toBe(1);
    expect(io.stderr.join("\n")).toContain("cannot reach the skill");
  });

  it("finds a handler for every intent of the example, by its source and by asking it", async () => {
    const io = memoryIo();
    const code = await checkCommand(["--src", join(projectDir, "src/example"), "--url", url, "--kit", kitPath], io);
    expect(io.stdout[0]).toBe("skill-package/interactionModels/custom/en-US.json: 0 errors, 0 warnings");
    expect(code).toBe(0);
  });
});
