/**
 * End to end through the deployed Worker (`exports.default.fetch`): dev-signed
 * requests travel the full verification path (chain served by the local-only
 * dev trust, real WebCrypto, real KV cache) and reach the handler; every
 * rejection is a 400 with the same generic body and the precise reason in the
 * log; wrong method, unknown paths and oversized bodies get their own statuses.
 */
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit } from "../../src/devkit/index.js";
import { REJECTION_BODY } from "../../src/verify/rejection-response.js";

const LOCAL = "http://localhost:8787/";
const kitPromise = importDevSigningKit(inject("devKit"));
const launch = () => createRequestEnvelope({ request: { type: "LaunchRequest" } });

/** Sends `request` to the Worker; returns the response and the rejection reasons it logged. */
async function sendLogged(request: Request): Promise<{ response: Response; reasons: string[] }> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const response = await exports.default.fetch(request);
  const lines = warn.mock.calls.map((call) => JSON.parse(String(call[0])) as { reason?: string });
  return { response, reasons: lines.flatMap((line) => (line.reason === undefined ? [] : [line.reason])) };
}

/** The request was refused with the generic 400 body, and exactly `reason` was logged. */
async function expectRejected(request: Request, reason: string): Promise<void> {
  const { response, reasons } = await sendLogged(request);
  expect(response.status).toBe(400);
  expect(await response.text()).toBe(REJECTION_BODY);
  expect(reasons).toEqual([reason]);
}

afterEach(() => vi.restoreAllMocks());

describe("the Worker's skill endpoint", () => {
  it("answers a verified LaunchRequest with the welcome", async () => {
    const kit = await kitPromise;
    const response = await exports.default.fetch(await createSignedRequest(kit, launch(), { url: LOCAL }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json<{ version: string; response: { outputSpeech: { ssml: string } } }>();
    expect(body.version).toBe("1.0");
    expect(body.response.outputSpeech.ssml).toMatch(/^<speak>.*Bedtime Stories/);
  });

  it("rejects a tampered body with a generic 400 and logs bad-signature", async () => {
    const kit = await kitPromise;
    const request = await createSignedRequest(kit, launch(), { url: LOCAL, tamper: "value" });
    await expectRejected(request, "bad-signature");
  });

  it("trusts the dev CA only on loopback: the same request to a public host is chain-untrusted", async () => {
    const kit = await kitPromise;
    const request = await createSignedRequest(kit, launch(), { url: "https://skill.example.com/" });
    // The public host path downloads from "S3": serve the dev chain so only trust decides.
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response(kit.chainPem));
    await expectRejected(request, "chain-untrusted");
  });

  it("rejects a request for another skill with wrong-skill-id", async () => {
    const kit = await kitPromise;
    const envelope = createRequestEnvelope({ request: { type: "LaunchRequest" }, applicationId: "amzn1.ask.skill.other" });
    const request = await createSignedRequest(kit, envelope, { url: LOCAL });
    await expectRejected(request, "wrong-skill-id");
  });

  it("rejects an unsigned request with missing-cert-url", async () => {
    const request = new Request(LOCAL, { method: "POST", body: JSON.stringify(launch()) });
    await expectRejected(request, "missing-cert-url");
  });

  it("answers other methods on the skill path with 405 and Allow: POST", async () => {
    const response = await exports.default.fetch(LOCAL);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("answers a wrong method on / and on /audio/<key> alike: one HttpError body, Allow listing the methods", async () => {
    const onSkill = await exports.default.fetch(LOCAL, { method: "PUT" });
    const onAudio = await exports.default.fetch("http://localhost:8787/audio/stories/dragons.mp3", { method: "PUT" });
    for (const response of [onSkill, onAudio]) {
      expect(response.status).toBe(405);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ error: "method-not-allowed", message: "Method not allowed." });
    }
    expect(onSkill.headers.get("allow")).toBe("POST");
    expect(onAudio.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers unknown paths with 404", async () => {
    const response = await exports.default.fetch("http://localhost:8787/nope", { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not-found", message: "Not found." });
  });

  it("refuses a declared oversized body with 413 before reading it", async () => {
    const request = new Request(LOCAL, {
      method: "POST",
      headers: { "content-length": String(300 * 1024) },
      body: "x".repeat(300 * 1024),
    });
    const response = await exports.default.fetch(request);
    expect(response.status).toBe(413);
  });

  it("refuses an oversized streamed body (no Content-Length) with 413", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(32);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 5) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await exports.default.fetch(new Request(LOCAL, { method: "POST", body, duplex: "half" } as RequestInit));
    expect(response.status).toBe(413);
  });
});

