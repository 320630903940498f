// `skillflare audio check` from Node: exit codes 0/1/2 on the real fixtures, JSON output,
// --player, usage errors, and URLs fetched over loopback HTTPS with --ca (http refused).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { audioCheckCommand } from "../../cli/audio-check.js";
import { memoryIo } from "../../cli/io.js";
import { main } from "../../cli/skillflare.js";
import { makeCertificates, startAudioServer, type TestCertificates, type TestServer } from "./helpers/tls-servers.js";

const fixturePath = (name: string) => new URL(`../fixtures/audio/${name}`, import.meta.url).pathname;

async function check(...argv: string[]) {
  const io = memoryIo();
  const code = await audioCheckCommand(argv, io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

describe("skillflare audio check <file>", () => {
  it("exits 0 for a compliant file and describes it", async () => {
    const { code, out } = await check(fixturePath("ssml-ok-24000.mp3"));
    expect(code).toBe(0);
    expect(out).toContain("MP3, MPEG-2 layer III, 48 kbps CBR, 24000 Hz, joint-stereo, 1.58 s (66 frames)");
    expect(out).toContain("✓ meets Alexa's SSML <audio> rules");
  });

  it("exits 1 and lists each violation with Amazon's conversion command", async () => {
    const { code, out } = await check(fixturePath("mpeg1-128k-44100.mp3"));
    expect(code).toBe(1);
    expect(out).toContain("- [bitrate-not-48-kbps] bitrate is 128 kbps; Alexa SSML audio must be 48 kbps (convert: ffmpeg -i in -ac 2 -codec:a libmp3lame -b:a 48k -ar 24000 -write_xing 0 out.mp3)");
    expect(out.match(/^ {2}- \[/gm)).toHaveLength(3);
  });

  it("checks AudioPlayer rules with --player", async () => {
    expect((await check(fixturePath("mpeg1-128k-44100.mp3"), "--player")).code).toBe(0);
  });

  it("prints JSON with --json", async () => {
    const { code, out } = await check("--json", fixturePath("vbr-xing-24000.mp3"));
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ target: "ssml", ok: false, format: "mp3", violations: [{ code: "variable-bitrate" }], analysis: { vbrHeader: { kind: "xing" } } });
  });

  it("exits 2 for unreadable input and usage errors", async () => {
    expect((await check("/nonexistent/file.mp3")).code).toBe(2);
    expect((await check()).code).toBe(2);
    expect((await check("a.mp3", "b.mp3")).code).toBe(2);
    expect((await check("--loud", "a.mp3")).code).toBe(2);
  });

  it("is reachable through main() and prints usage for unknown commands", async () => {
    const io = memoryIo();
    expect(await main(["audio", "check", fixturePath("ssml-ok-22050.mp3")], io)).toBe(0);
    expect(await main(["audio", "play"], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("usage: skillflare <command>");
    expect(await main(["--help"], io)).toBe(0);
  });
});

describe("skillflare audio check <url>", () => {
  let certs: TestCertificates;
  let server: TestServer;
  beforeAll(async () => {
    certs = makeCertificates();
    server = await startAudioServer(certs.rsa, {
      "/ok.mp3": { body: new Uint8Array(readFileSync(fixturePath("ssml-ok-24000.mp3"))) },
      "/moved.mp3": { redirect: "/ok.mp3" },
    });
  });
  afterAll(async () => {
    await server?.close();
    certs?.cleanup();
  });

  it("fetches over https, following redirects, trusting --ca", async () => {
    const { code, out } = await check(`${server.origin}/moved.mp3`, "--ca", certs.rsa.certPath);
    expect(code).toBe(0);
    expect(out).toContain("✓ meets Alexa's SSML <audio> rules");
  });

  it("exits 2 when the certificate is not trusted, the URL is http, or the status is 404", async () => {
    expect((await check(`${server.origin}/ok.mp3`)).err).toMatch(/cannot fetch .*SELF_SIGNED|cannot fetch .*self.signed/i);
    expect((await check("http://127.0.0.1:1/ok.mp3")).err).toContain("not an https URL");
    expect((await check(`${server.origin}/missing.mp3`, "--ca", certs.rsa.certPath)).err).toContain("HTTP 404");
  });
});
