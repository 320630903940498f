/**
 * Issue #12, faults with real local bindings, through the Worker module's `fetch` (a fresh
 * bindings object per case is a fresh isolate's verifier). The chain host answers 404, 500,
 * a redirect, a slow drip, 10 MB or garbage; KV throws, is slow or never answers; R2 throws.
 * Each is answered with the right status within a bound, the same Worker is healthy for the
 * next request, and attributes persisted in real local D1 are intact (write, fault, read back).
 * (D1 failing mid-save: test/example/save-failure.test.ts.)
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit } from "../../src/devkit/index.js";
import worker from "../../src/worker.js";

const LOCAL = "http://localhost:8787/";
const kitPromise = importDevSigningKit(inject("devKit"));
const UNSERVED = "https://s3.amazonaws.com/echo.api/fault-host.pem";
let users = 0;

afterEach(() => vi.restoreAllMocks());

async function call(request: Request, bindings: Env): Promise<{ status: number; ms: number; reasons: string[] }> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  const started = Date.now();
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, bindings, ctx);
  await response.arrayBuffer();
  const ms = Date.now() - started;
  await waitOnExecutionContext(ctx);
  const reasons = warn.mock.calls.flatMap((c) => (JSON.parse(String(c[0])) as { reason?: string }).reason ?? []);
  warn.mockRestore();
  return { status: response.status, ms, reasons };
}

async function stopped(userId: string, offsetInMilliseconds: number, chainUrl?: string): Promise<Request> {
  const envelope = createRequestEnvelope({ request: { type: "AudioPlayer.PlaybackStopped", token: "story:sea", offsetInMilliseconds }, userId });
  return createSignedRequest(await kitPromise, envelope, { url: LOCAL, ...(chainUrl ? { chainUrl } : {}) });
}

async function savedOffset(userId: string): Promise<number | undefined> {
  const row = await env.DB.prepare("SELECT value FROM skill_attributes WHERE partition_key = ?1 AND name = 'playback'").bind(userId).first<{ value: string }>();
  return row === null ? undefined : (JSON.parse(row.value) as { offsetInMilliseconds: number }).offsetInMilliseconds;
}

const drip = () =>
  new Response(new ReadableStream({ async pull(controller) { await new Promise((r) => setTimeout(r, 200)); controller.enqueue(new TextEncoder().encode("-")); } }));
const huge = () =>
  new Response(new ReadableStream({ pull(controller) { controller.enqueue(new Uint8Array(1024 * 1024).fill(65)); } }), { headers: {} });
const tenMegabytes = () => { let sent = 0; return new Response(new ReadableStream({ pull(c) { if (sent++ >= 10) return c.close(); c.enqueue(new Uint8Array(1024 * 1024).fill(65)); } })); };

describe("the chain host misbehaves", () => {
  it.each([
    ["404", () => new Response("no", { status: 404 }), "chain-download-failed", 2_000],
    ["500", () => new Response("oops", { status: 500 }), "chain-download-failed", 2_000],
    ["a redirect", () => new Response(null, { status: 302, headers: { location: "https://evil.example/x.pem" } }), "chain-download-failed", 2_000],
    ["a slow drip past the 3 s timeout", drip, "chain-download-timeout", 5_000],
    ["10 MB", tenMegabytes, "chain-too-large", 2_000],
    ["an endless body", huge, "chain-too-large", 2_000],
    ["garbage", () => new Response(crypto.getRandomValues(new Uint8Array(2048))), "invalid-pem", 2_000],
  ] as const)("%s: 400 with the reason, within the bound; the next request is fine and saved", async (_, answer, reason, boundMs) => {
    const bindings = { ...env };
    const userId = `amzn1.ask.account.faults-${Date.now()}-${++users}`;
    expect((await call(await stopped(userId, 1_000), bindings)).status).toBe(200);
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer());
    const faulty = await call(await stopped(userId, 2_000, UNSERVED), bindings);
    expect(faulty.status).toBe(400);
    expect(faulty.reasons).toEqual([reason]);
    expect(faulty.ms).toBeLessThan(boundMs);
    vi.restoreAllMocks();
    expect((await call(await stopped(userId, 3_000), bindings)).status).toBe(200);
    expect(await savedOffset(userId)).toBe(3_000);
  });
});

describe("the cert cache KV misbehaves", () => {
  const wrap = (get: KVNamespace["get"], put?: KVNamespace["put"]) => ({ ...env, CERT_CACHE: { get, put: put ?? (async () => {}) } as unknown as KVNamespace });
  it.each([
    ["throws on get and put", wrap((async () => { throw new Error("KV 503"); }) as never, (async () => { throw new Error("KV 429"); }) as never)],
    ["answers after 2 s", wrap((async () => { await new Promise((r) => setTimeout(r, 2_000)); return null; }) as never)],
    ["never answers, and never finishes a put", wrap((() => new Promise(() => {})) as never, (() => new Promise(() => {})) as never)],
  ])("%s: the request is verified anyway within 2 s, twice, and the save lands in D1", async (_, bindings) => {
    const userId = `amzn1.ask.account.kv-faults-${Date.now()}-${++users}`;
    for (const offset of [5_000, 6_000]) {
      const ctx = createExecutionContext();
      const started = Date.now();
      const response = await worker.fetch!((await stopped(userId, offset)) as Request<unknown, IncomingRequestCfProperties>, bindings, ctx);
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      await response.arrayBuffer();
    }
    expect(await savedOffset(userId)).toBe(6_000);
  });
});

describe("R2 misbehaves", () => {
  it("get and head throw: 503 within the bound, then the real bucket serves the next request", async () => {
    await env.AUDIO.put("stories/faults.mp3", new Uint8Array(512).fill(7), { httpMetadata: { contentType: "audio/mpeg" } });
    const failing = { ...env, AUDIO: { get: async () => { throw new Error("R2 internal error"); }, head: async () => { throw new Error("R2 internal error"); } } as unknown as R2Bucket };
    for (const init of [{}, { method: "HEAD" }, { headers: { range: "bytes=0-9" } }]) {
      const faulty = await call(new Request("https://skill.example.com/audio/stories/faults.mp3", init), failing);
      expect(faulty.status).toBe(503);
      expect(faulty.ms).toBeLessThan(2_000);
    }
    const healthy = await call(new Request("https://skill.example.com/audio/stories/faults.mp3"), { ...env });
    expect(healthy.status).toBe(200);
  });
});
