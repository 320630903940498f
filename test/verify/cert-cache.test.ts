/**
 * The certificate cache: isolate memory, then KV, then the network. Checks
 * that only validated chains are kept, that every hit is re-checked against
 * the request's clock (after notAfter and before notBefore), that a different
 * anchor set never reuses a pass, that concurrent misses share one download,
 * that KV writes respect KV's limits (TTL >= 60 s and <= notAfter, one write
 * per key per second) and that a KV outage falls back to the network.
 * DESIGN.md "Cert cache".
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDevSigningKit, createKitChainFetch, getSharedDevSigningKit, type DevSigningKit } from "../../src/devkit/index.js";
import { createMemoryCertCache, type ValidatedSigningKey } from "../../src/verify/cert-cache.js";
import { createAlexaVerifier } from "../../src/verify/create-verifier.js";
import { createKvCertCache, type KVNamespaceLike } from "../../src/verify/kv-cert-cache.js";
import { cacheKeyFor } from "../../src/verify/validated-chain.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { verifyAlexaRequest, type VerifyOptions } from "../../src/verify/verify-request.js";
import type { FetchLike } from "../../src/verify/download-chain.js";
import { devKit, envelopeAt, signedRequest } from "./helpers/dev-requests.js";
import { expectRejection } from "./helpers/requests.js";

const HOUR = 3_600_000;
let urlCounter = 0;

/** A kit with its own chain URL (so no test sees another's cache entries) and a chosen leaf window. */
async function kitAt(clock: number, leaf: { notBefore?: number; notAfter?: number } = {}): Promise<DevSigningKit> {
  const shared = await getSharedDevSigningKit();
  return createDevSigningKit({
    now: clock,
    chainUrl: `https://s3.amazonaws.com/echo.api/cache-test-${++urlCounter}-${clock}.pem`,
    ...(shared.keyPairs ? { keyPairs: shared.keyPairs } : {}),
    leaf,
  });
}

function countingFetch(kit: DevSigningKit, delayMs = 0): { fetch: FetchLike; calls: () => number } {
  const serve = createKitChainFetch(kit);
  let calls = 0;
  return {
    calls: () => calls,
    fetch: async (url, init) => {
      calls++;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return serve(url, init);
    },
  };
}

/** Verifies at `clock`, then waits for the work handed to `waitUntil` (the deferred KV write). */
async function verifyAt(kit: DevSigningKit, clock: number, options: VerifyOptions) {
  const deferred: Promise<unknown>[] = [];
  const request = await signedRequest(kit, envelopeAt(clock));
  try {
    return await verifyAlexaRequest(request, { trustAnchors: kit.anchorsPem, now: () => clock, ...options }, { waitUntil: (p) => deferred.push(p) });
  } finally {
    await Promise.all(deferred);
  }
}

describe("memory cache and single flight", () => {
  it("a second request for the same URL is served from memory", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const server = countingFetch(kit);
    const certCache = createMemoryCertCache();
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    await verifyAt(kit, clock + 1000, { fetch: server.fetch, certCache });
    expect(server.calls()).toBe(1);
  });

  it("twenty concurrent misses for one URL share one download", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const server = countingFetch(kit, 30);
    const verifier = createAlexaVerifier({ trustAnchors: kit.anchorsPem, now: () => clock, fetch: server.fetch });
    const requests = await Promise.all(Array.from({ length: 20 }, () => signedRequest(kit, envelopeAt(clock))));
    const results = await Promise.all(requests.map((request) => verifier.verify(request)));
    expect(results.every((r) => r.algorithm === "SHA-256")).toBe(true);
    expect(server.calls()).toBe(1);
  });

  it("concurrent misses that fail share the failure, and failures are not put in the cert cache", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    let calls = 0;
    const failing: FetchLike = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Response("down", { status: 503 });
    };
    const certCache = createMemoryCertCache();
    const requests = await Promise.all(Array.from({ length: 5 }, () => signedRequest(kit, envelopeAt(clock))));
    const verifier = createAlexaVerifier({ trustAnchors: kit.anchorsPem, now: () => clock, fetch: failing, certCache });
    const outcomes = await Promise.allSettled(requests.map((request) => verifier.verify(request)));
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(calls).toBe(1);
    const server = countingFetch(kit);
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    expect(server.calls()).toBe(1);
  });

  it("a cached chain is rejected once expired at this request's clock, without refetching", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock, { notBefore: clock - HOUR, notAfter: clock + HOUR });
    const server = countingFetch(kit);
    const certCache = createMemoryCertCache();
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    await expectRejection(verifyAt(kit, clock + HOUR + 60_000, { fetch: server.fetch, certCache }), "cert-expired");
    expect(server.calls()).toBe(1);
  });

  it("a cached chain is rejected for a request whose clock is before its notBefore", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock, { notBefore: clock - HOUR, notAfter: clock + HOUR });
    const server = countingFetch(kit);
    const certCache = createMemoryCertCache();
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    await expectRejection(verifyAt(kit, clock - 2 * HOUR, { fetch: server.fetch, certCache }), "cert-not-yet-valid");
    expect(server.calls()).toBe(1);
  });

  it("an entry validated more than a day before is refetched", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const server = countingFetch(kit);
    const certCache = createMemoryCertCache();
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    await verifyAt(kit, clock + 25 * HOUR, { fetch: server.fetch, certCache });
    expect(server.calls()).toBe(2);
  });

  it("a pass under one anchor set is never reused under another", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const server = countingFetch(kit);
    const certCache = createMemoryCertCache();
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    await expectRejection(verifyAt(kit, clock, { fetch: server.fetch, certCache, trustAnchors: undefined }), "chain-untrusted");
    expect(server.calls()).toBe(2);
  });

  it("an entry stored under the right key but for another URL or anchor set is ignored", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const anchors = await loadTrustAnchors(kit.anchorsPem);
    const key = await cacheKeyFor(kit.chainUrl, anchors.id);
    const certCache = createMemoryCertCache();
    const planted: ValidatedSigningKey = {
      certUrl: "https://s3.amazonaws.com/echo.api/other.pem",
      anchorsId: anchors.id,
      spki: "AAAA",
      notBefore: 0,
      notAfter: clock + HOUR,
      validatedAt: clock,
      chainPem: kit.chainPem,
    };
    await certCache.put(key, planted, clock);
    const server = countingFetch(kit);
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    expect(server.calls()).toBe(1);
  });

  it("keeps at most maxEntries, evicting the least recently used", async () => {
    const cache = createMemoryCertCache({ maxEntries: 2 });
    const entry = (certUrl: string): ValidatedSigningKey => ({ certUrl, anchorsId: "a", spki: "", notBefore: 0, notAfter: 1, validatedAt: 0, chainPem: "" });
    await cache.put("a", entry("a"), 0);
    await cache.put("b", entry("b"), 0);
    await cache.get("a", 0);
    await cache.put("c", entry("c"), 0);
    expect(await cache.get("b", 0)).toBeUndefined();
    expect((await cache.get("a", 0))?.certUrl).toBe("a");
    expect((await cache.get("c", 0))?.certUrl).toBe("c");
  });
});

describe("defaults", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("without options it downloads with the global fetch and remembers in this isolate's memory", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const serve = createKitChainFetch(kit);
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => serve(input, init));
    await verifyAt(kit, clock, {});
    await verifyAt(kit, clock, {});
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe(kit.chainUrl);
    expect(spy.mock.calls[0]?.[1]?.redirect).toBe("manual");
  });
});

describe("KV cache", () => {
  function recordingKv(inner: KVNamespaceLike = env.CERT_CACHE) {
    const puts: { key: string; value: string; ttl: number }[] = [];
    const kv: KVNamespaceLike = {
      get: (key, type) => inner.get(key, type),
      put: async (key, value, options) => {
        puts.push({ key, value, ttl: options?.expirationTtl ?? 0 });
        await inner.put(key, value, options);
      },
    };
    return { kv, puts };
  }

  it("writes a validated chain to KV, and another isolate's memory finds it there", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const server = countingFetch(kit);
    const { kv, puts } = recordingKv();
    await verifyAt(kit, clock, { fetch: server.fetch, certCache: createKvCertCache(kv) });
    expect(puts).toHaveLength(1);
    const stored = JSON.parse(puts[0]?.value ?? "{}") as ValidatedSigningKey;
    expect(stored.certUrl).toBe(kit.chainUrl);
    expect(Object.keys(stored).sort()).toEqual(["anchorsId", "certUrl", "chainPem", "notAfter", "notBefore", "spki", "validatedAt"]);
    await verifyAt(kit, clock + 1000, { fetch: server.fetch, certCache: createKvCertCache(env.CERT_CACHE) });
    expect(server.calls()).toBe(1);
  });

  it("caps the TTL at one day and at the chain's notAfter, never below 60 s", async () => {
    const { clock } = await devKit();
    const longLived = await kitAt(clock);
    const shortLived = await kitAt(clock, { notBefore: clock - HOUR, notAfter: clock + HOUR });
    const expiring = await kitAt(clock, { notBefore: clock - HOUR, notAfter: clock + 30_000 });
    const ttls: number[] = [];
    for (const kit of [longLived, shortLived, expiring]) {
      const { kv, puts } = recordingKv();
      await verifyAt(kit, clock, { fetch: countingFetch(kit).fetch, certCache: createKvCertCache(kv) });
      ttls.push(...puts.map((p) => p.ttl));
    }
    expect(ttls).toEqual([86_400, 3_600]);
  });

  it("writes a key at most once per second", async () => {
    const { kv, puts } = recordingKv();
    const cache = createKvCertCache(kv);
    const entry: ValidatedSigningKey = { certUrl: "u", anchorsId: "a", spki: "", notBefore: 0, notAfter: 10 * HOUR, validatedAt: 0, chainPem: "" };
    const key = `throttle-test-${Date.now()}`;
    await cache.put(key, entry, 1000);
    await cache.put(key, entry, 1500);
    await cache.put(key, entry, 2100);
    expect(puts.map((p) => p.ttl)).toEqual([35_999, 35_997]);
  });

  it("survives a KV outage (get and put throw) by going to the network", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const server = countingFetch(kit);
    const errors: unknown[] = [];
    const broken: KVNamespaceLike = {
      get: async () => Promise.reject(new Error("KV get: 503")),
      put: async () => Promise.reject(new Error("KV put: 429 too many requests")),
    };
    const certCache = createKvCertCache(broken, { onError: (e) => errors.push(e) });
    await verifyAt(kit, clock, { fetch: server.fetch, certCache });
    expect(server.calls()).toBe(1);
    expect(errors.map(String)).toEqual(["Error: KV get: 503", "Error: KV put: 429 too many requests"]);
  });

  it("treats a corrupted KV entry as a miss", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock);
    const key = await cacheKeyFor(kit.chainUrl, (await loadTrustAnchors(kit.anchorsPem)).id);
    for (const junk of ["not json", "{}", JSON.stringify({ certUrl: kit.chainUrl, spki: 5 })]) {
      await env.CERT_CACHE.put(key, junk);
      const server = countingFetch(kit);
      await verifyAt(kit, clock, { fetch: server.fetch, certCache: createKvCertCache(env.CERT_CACHE) });
      expect(server.calls()).toBe(1);
    }
  });

  it("re-checks dates on a KV hit: an expired entry is not used, the chain is fetched again (it may have been replaced)", async () => {
    const { clock } = await devKit();
    const kit = await kitAt(clock, { notBefore: clock - HOUR, notAfter: clock + HOUR });
    const server = countingFetch(kit);
    await verifyAt(kit, clock, { fetch: server.fetch, certCache: createKvCertCache(env.CERT_CACHE) });
    const freshMemory = createKvCertCache(env.CERT_CACHE);
    await expectRejection(verifyAt(kit, clock + HOUR + 1000, { fetch: server.fetch, certCache: freshMemory }), "cert-expired");
    expect(server.calls()).toBe(2);
  });
});
