// `skillflare audio upload --local` for real: wrangler puts the object in a local R2 bucket
// (in a temp --persist-to dir, so `wrangler dev` state is untouched) and `wrangler r2 object
// get --local` reads it back. Covers a compliant file uploaded as is, a 128 kbps file converted
// by ffmpeg with Amazon's settings, --no-convert, and ffmpeg missing.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAlexaAudio } from "../../src/audio/mp3/index.js";
import { audioUploadCommand, keyProblem, runAudioUpload } from "../../cli/audio-upload.js";
import { memoryIo } from "../../cli/io.js";
import { runCommand } from "../../cli/process.js";

const projectDir = new URL("../..", import.meta.url).pathname;
const fixturePath = (name: string) => new URL(`../fixtures/audio/${name}`, import.meta.url).pathname;
const persistTo = mkdtempSync(join(tmpdir(), "skillflare-r2-"));
const hasFfmpeg = (() => {
  try {
    execFileSync("ffmpeg", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasFfmpeg) console.warn("SKIPPING the ffmpeg conversion test: ffmpeg is not installed (apt-get install ffmpeg)");

afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

async function readBack(key: string): Promise<Uint8Array | null> {
  const outcome = await runCommand("npx", ["wrangler", "r2", "object", "get", `skillflare-audio/${key}`, "--local", "--persist-to", persistTo, "--file", join(persistTo, "readback.bin")], {
    cwd: projectDir,
    timeoutMs: 60_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  return outcome.code === 0 ? new Uint8Array(readFileSync(join(persistTo, "readback.bin"))) : null;
}

async function upload(...argv: string[]) {
  const io = memoryIo();
  const code = await audioUploadCommand([...argv, "--local", "--persist-to", persistTo], io, projectDir);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

describe("skillflare audio upload --local", () => {
  it("uploads a compliant file unchanged to the AUDIO bucket from wrangler.toml", async () => {
    const { code, out, err } = await upload(fixturePath("ssml-ok-24000.mp3"), "--key", "tests/ok.mp3");
    expect(err).toContain("[1/3] checking");
    expect(err).not.toContain("[2/3]");
    expect(out).toBe("uploaded skillflare-audio/tests/ok.mp3 (local); the Worker serves it at /audio/tests/ok.mp3");
    expect(code).toBe(0);
    const stored = await readBack("tests/ok.mp3");
    expect(stored && Buffer.from(stored).equals(readFileSync(fixturePath("ssml-ok-24000.mp3")))).toBe(true);
  });

  it.skipIf(!hasFfmpeg)("converts a 128 kbps 44.1 kHz file with Amazon's settings, re-checks, uploads", async () => {
    const { code, err } = await upload(fixturePath("mpeg1-128k-44100.mp3"));
    expect(err).toContain("[2/3] converting with Amazon's settings: ffmpeg -i in -ac 2 -codec:a libmp3lame -b:a 48k -ar 24000 -write_xing 0 out.mp3");
    expect(err).toContain("converted: MP3, MPEG-2 layer III, 48 kbps CBR, 24000 Hz");
    expect(code).toBe(0);
    const stored = await readBack("mpeg1-128k-44100.mp3");
    expect(stored).not.toBeNull();
    const check = checkAlexaAudio(stored ?? new Uint8Array(), "ssml");
    expect(check.violations).toEqual([]);
    expect(check.analysis?.vbrHeader).toBeNull(); // -write_xing 0
  });

  it("refuses to upload a non-compliant file with --no-convert", async () => {
    const { code, err } = await upload(fixturePath("vbr-xing-24000.mp3"), "--key", "tests/vbr.mp3", "--no-convert");
    expect(code).toBe(1);
    expect(err).toContain("--no-convert was given");
    expect(err).not.toContain("[3/3]");
  });

  it("explains what to do when ffmpeg is missing", async () => {
    const io = memoryIo();
    const code = await runAudioUpload(
      { file: fixturePath("mpeg1-128k-44100.mp3"), key: "x.mp3", bucket: "skillflare-audio", local: true, convert: true, persistTo, cwd: projectDir },
      io,
      { run: runCommand, ffmpegPath: "/nonexistent/ffmpeg" },
    );
    expect(code).toBe(1);
    expect(io.stderr.join("\n")).toContain("ffmpeg is not installed; install ffmpeg or convert it yourself: ffmpeg -i in -ac 2");
  });

  it("exits 2 for unreadable files, bad keys and usage errors", async () => {
    expect((await upload("/nonexistent.mp3")).code).toBe(2);
    expect((await upload(fixturePath("ssml-ok-24000.mp3"), "--key", "../escape.mp3")).code).toBe(2);
    expect((await upload()).code).toBe(2);
  });

  it("refuses exactly the keys the audio route refuses", () => {
    expect(keyProblem("tests/ok.mp3")).toBeNull();
    expect(keyProblem("a".repeat(1024))).toBeNull();
    for (const bad of ["", "a".repeat(1025), "é".repeat(513), "/a.mp3", "a//b.mp3", "a/", "./a.mp3", "a/../b.mp3", "a\\b.mp3", "a\nb.mp3", "\ud800.mp3"]) {
      expect(keyProblem(bad), JSON.stringify(bad)).toMatch(/^the key must /);
    }
  });
});
