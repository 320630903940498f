// The TLS doctor against real loopback HTTPS servers: an ECDSA-only host fails the RSA-only
// handshake exactly like the seed thread (exit 1, "ecdsa-only", Cloudflare advice when the host
// looks like Cloudflare), an RSA host passes (exit 0), a dual-certificate host passes, and trust,
// expiry, redirects, ranges, HTTP status and the audio rules each show up in the verdict.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnoseUrl } from "../../cli/doctor/run-doctor.js";
import { doctorCommand } from "../../cli/doctor/run-doctor.js";
import { memoryIo } from "../../cli/io.js";
import { runCommand } from "../../cli/process.js";
import { makeCertificates, startAudioServer, type TestCertificates, type TestServer } from "./helpers/tls-servers.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/audio/${name}`, import.meta.url)));
const okMp3 = fixture("ssml-ok-24000.mp3");

let certs: TestCertificates;
let ecdsa: TestServer;
let rsa: TestServer;
let dual: TestServer;

beforeAll(async () => {
  certs = makeCertificates();
  ecdsa = await startAudioServer(certs.ecdsa, {
    "/ok.mp3": { body: okMp3, headers: { server: "cloudflare", "cf-ray": "0123456789abcdef-AMS" } },
  });
  rsa = await startAudioServer(certs.rsa, {
    "/ok.mp3": { body: okMp3 },
    "/moved": { redirect: "/ok.mp3" },
    "/music.mp3": { body: fixture("mpeg1-128k-44100.mp3") },
    "/no-range.mp3": { body: okMp3, ranges: false },
    "/plain.mp3": { body: okMp3, contentType: "text/plain" },
  });
  dual = await startAudioServer({ key: [certs.ecdsa.key, certs.rsa.key], cert: [certs.ecdsa.cert, certs.rsa.cert] }, { "/ok.mp3": { body: okMp3 } });
});

afterAll(async () => {
  await Promise.all([ecdsa?.close(), rsa?.close(), dual?.close()]);
  certs?.cleanup();
});

async function doctor(url: string, ...flags: string[]) {
  const io = memoryIo();
  const code = await doctorCommand([url, ...flags], io);
  return { code, text: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}

describe("skillflare doctor", () => {
  it("fails an ECDSA-only host the way Alexa did (handshake_failure) and gives Cloudflare's options", async () => {
    const { code, text } = await doctor(`${ecdsa.origin}/ok.mp3`, "--ca", certs.ecdsa.certPath);
    expect(code).toBe(1);
    expect(text).toMatch(/✗ conservative handshake \(TLS 1\.2, RSA suites only\): handshake-failure/);
    expect(text).toMatch(/✓ default handshake: TLSv1\.3 .*ECDSA P-256 certificate/);
    expect(text).toContain("✗ Alexa will likely fail:\n    - [ecdsa-only] 127.0.0.1:");
    expect(text).toContain("serves only an ECDSA certificate: a TLS 1.2 client offering only RSA cipher suites gets a handshake_failure alert (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE (sslv3 alert handshake failure))");
    expect(text).toContain("Cloudflare's free plan serves an ECDSA-only Universal SSL certificate");
    expect(text).toContain("✓ meets Alexa's SSML <audio> rules"); // the rest is still checked
  });

  it("reports the ECDSA-only host as structured data", async () => {
    const report = await diagnoseUrl(new URL(`${ecdsa.origin}/ok.mp3`), { extraCaPems: [certs.ecdsa.cert] });
    expect(report.tls[0]?.conservative).toMatchObject({ ok: false, failure: "handshake-failure" });
    expect(report.tls[0]?.modern).toMatchObject({ ok: true, authorized: true, hostnameError: null, certificate: { keyType: "ecdsa" } });
    expect(report.verdict.problems.map((p) => p.code)).toEqual(["ecdsa-only"]);
    expect(report.http).toMatchObject({ status: 200, range: "supported", servedByCloudflare: true });
  });

  it("passes an RSA host serving a compliant MP3 with ranges", async () => {
    const { code, text } = await doctor(`${rsa.origin}/ok.mp3`, "--ca", certs.rsa.certPath);
    expect(code).toBe(0);
    expect(text).toMatch(/✓ conservative handshake \(TLS 1\.2, RSA suites only\): TLSv1\.2 ECDHE-RSA-AES128-GCM-SHA256, RSA 2048-bit certificate/);
    expect(text).toContain("✓ range requests: 206 Partial Content, Content-Range: bytes 0-1/");
    expect(text).toContain("✓ Alexa should be able to play this URL");
    expect(text).not.toContain("WHAT TO CHANGE");
  });

  it("passes a host that offers both an ECDSA and an RSA certificate", async () => {
    expect((await doctor(`${dual.origin}/ok.mp3`, "--ca", certs.ecdsa.certPath, "--ca", certs.rsa.certPath)).code).toBe(0);
  });

  it("follows and reports redirects", async () => {
    const { code, text } = await doctor(`${rsa.origin}/moved`, "--ca", certs.rsa.certPath);
    expect(code).toBe(0);
    expect(text).toContain(`→ 302 ${rsa.origin}/moved → /ok.mp3`);
  });

  it("fails an untrusted certificate (no --ca)", async () => {
    const report = await diagnoseUrl(new URL(`${rsa.origin}/ok.mp3`));
    expect(report.verdict.playable).toBe(false);
    expect(report.verdict.problems.map((p) => p.code)).toEqual(["certificate-untrusted"]);
  });

  it("fails an expired certificate", async () => {
    const io = memoryIo();
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    expect(await doctorCommand([`${rsa.origin}/ok.mp3`, "--ca", certs.rsa.certPath, "--json"], io, inTenDays)).toBe(1);
    const report = JSON.parse(io.stdout.join("\n"));
    expect(report.verdict.problems.map((p: { code: string }) => p.code)).toContain("certificate-expired");
    expect(report.http.body).toBeUndefined();
  });

  it("fails audio that breaks the SSML rules, passes it for AudioPlayer", async () => {
    const ssml = await doctor(`${rsa.origin}/music.mp3`, "--ca", certs.rsa.certPath);
    expect(ssml.code).toBe(1);
    expect(ssml.text).toContain("[audio-rules] [not-mpeg-2]");
    expect((await doctor(`${rsa.origin}/music.mp3`, "--ca", certs.rsa.certPath, "--player")).code).toBe(0);
  });

  it("warns, without failing, about missing range support and a wrong Content-Type", async () => {
    const noRange = await doctor(`${rsa.origin}/no-range.mp3`, "--ca", certs.rsa.certPath);
    expect(noRange.code).toBe(0);
    expect(noRange.text).toContain("! [no-range-support]");
    expect((await doctor(`${rsa.origin}/plain.mp3`, "--ca", certs.rsa.certPath)).text).toContain("! [content-type] Content-Type is text/plain");
  });

  it("fails on HTTP 404 and on an unreachable port", async () => {
    expect((await doctor(`${rsa.origin}/missing.mp3`, "--ca", certs.rsa.certPath)).text).toContain("[http-status]");
    const closed = await doctor("https://127.0.0.1:1/a.mp3", "--timeout", "5");
    expect(closed.code).toBe(1);
    expect(closed.text).toMatch(/HTTP request failed: ECONNREFUSED/);
  });

  it("rejects usage errors with exit 2", async () => {
    expect((await doctor("http://example.com/a.mp3")).code).toBe(2);
    expect((await doctor("not a url")).code).toBe(2);
    expect((await doctor(`${rsa.origin}/ok.mp3`, "--ca", "/nonexistent.pem")).code).toBe(2);
    expect((await doctor(`${rsa.origin}/ok.mp3`, "--bogus")).code).toBe(2);
  });

  it("runs end to end through the built bin on plain Node (dist/cli/bin.js, no tsx)", async () => {
    const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
    const ecdsaRun = await runCommand(process.execPath, [bin, "doctor", `${ecdsa.origin}/ok.mp3`, "--ca", certs.ecdsa.certPath], { timeoutMs: 60_000 });
    expect(ecdsaRun.code).toBe(1);
    expect(ecdsaRun.stdout).toContain("serves only an ECDSA certificate");
    const rsaRun = await runCommand(process.execPath, [bin, "doctor", `${rsa.origin}/ok.mp3`, "--ca", certs.rsa.certPath], { timeoutMs: 60_000 });
    expect(rsaRun.code).toBe(0);
    expect(rsaRun.stdout).toContain("Alexa should be able to play this URL");
  });
});
