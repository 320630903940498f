/**
 * Issue #12, the chain lookup of one verifier (real WebCrypto, the dev kit CA, real local
 * KV): a chain fetch that resolves to something not a Response is a 400-class failure; 50
 * concurrent cold requests whose cache reads come back at scattered times make exactly one
 * download (the single flight covers the cache read); failed URLs are remembered (negative
 * cache); downloads of never-seen URLs are capped per verifier; a planted KV entry can never
 * name a signing key (entries are re-validated from their PEM); a KV read that never answers
 * is bounded and a KV write that never finishes stays off the request's path.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDevSigningKit, createKitChainFetch, generateRsaKeyPair, getSharedDevSigningKit, toRequestSigningKey, type DevSigningKit } from "../../src/devkit/index.js";
import { encodeBase64 } from "../../src/shared/base64.js";
import { createAlexaVerifier } from "../../src/verify/create-verifier.js";
import type { FetchLike } from "../../src/verify/download-chain.js";
import { createKvCertCache } from "../../src/verify/kv-cert-cache.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { cacheKeyFor } from "../../src/verify/validated-chain.js";
import type { VerifyOptions } from "../../src/verify/verifier-options.js";
import type { KvNamespaceLike } from "../../src/shared/kv.js";
import { devKit, envelopeAt, signedRequest } from "./helpers/dev-requests.js";
import { expectRejection } from "./helpers/requests.js";

let counter = 0;
async function freshKit(clock: number): Promise<DevSigningKit> {
  const shared = await getSharedDevSigningKit();
  return createDevSigningKit({ now: clock, chainUrl: `https://s3.amazonaws.com/echo.api/hardening-${++counter}-${Date.now()}.pem`, ...(shared.keyPairs ? { keyPairs: shared.keyPairs } : {}) });
}

function counting(fetch: FetchLike, delayMs = 0): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push(url);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return fetch(url, init);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const verifierAt = (kit: DevSigningKit, clock: number, options: VerifyOptions) => createAlexaVerifier({ trustAnchors: kit.anchorsPem, now: () => clock, ...options });

describe("a chain fetch that resolves to something that is not a Response", () => {
  it.each([["null", null], ["undefined", undefined], ["a string", "-----BEGIN CERTIFICATE-----"], ["a plain object", { status: 200 }], ["a number", 200]])(
    "%s is chain-download-failed", async (_, answer) => {
      const { kit, clock } = await devKit();
      const fetch = (async () => answer) as unknown as FetchLike;
      await expectRejection(verifierAt(kit, clock, { fetch }).verify(await signedRequest(kit, envelopeAt(clock))), "chain-download-failed");
    });

  it("a fetch whose body throws mid-read is chain-download-failed too", async () => {
    const { kit, clock } = await devKit();
    const body = new ReadableStream({ pull: (controller) => controller.error(new TypeError("connection reset")) });
    const fetch: FetchLike = async () => new Response(body);
    await expectRejection(verifierAt(kit, clock, { fetch }).verify(await signedRequest(kit, envelopeAt(clock))), "chain-download-failed");
  });
});

describe("one download for many cold requests", () => {
  it("50 concurrent requests, KV reads answering before and after the download ended: 1 download", async () => {
    const { clock } = await devKit();
    const kit = await freshKit(clock);
    const server = counting(createKitChainFetch(kit), 20);
    let reads = 0;
    const scatteredKv: KvNamespaceLike = {
      get: async (key, type) => {
        await sleep((reads++ % 10) * 15); // 0..135 ms: many answer after the 20 ms download is over
        return env.CERT_CACHE.get(key, type);
      },
      put: (key, value, options) => env.CERT_CACHE.put(key, value, options),
    };
    const verifier = verifierAt(kit, clock, { fetch: server.fetch, certCache: createKvCertCache(scatteredKv) });
    const requests = await Promise.all(Array.from({ length: 50 }, () => signedRequest(kit, envelopeAt(clock))));
    const results = await Promise.all(requests.map((request) => verifier.verify(request)));
    expect(results).toHaveLength(50);
    expect(server.calls).toHaveLength(1);
    expect(reads).toBe(1);
  });
});

describe("the download guard", () => {
  it("remembers a failed URL: the same code again without a fetch, until the TTL passes", async () => {
    const { kit, clock } = await devKit();
    let now = clock;
    const server = counting(async () => new Response("gone", { status: 404 }));
    const verifier = createAlexaVerifier({ trustAnchors: kit.anchorsPem, now: () => now, fetch: server.fetch, downloadGuard: { failureTtlMs: 5_000 } });
    const url = `https://s3.amazonaws.com/echo.api/unknown-${Date.now()}.pem`;
    for (let i = 0; i < 5; i++) await expectRejection(verifier.verify(await signedRequest(kit, envelopeAt(now), { chainUrl: url })), "chain-download-failed");
    expect(server.calls).toHaveLength(1);
    now += 6_000;
    await expectRejection(verifier.verify(await signedRequest(kit, envelopeAt(now), { chainUrl: url })), "chain-download-failed");
    expect(server.calls).toHaveLength(2);
  });

  it("caps downloads of never-seen URLs, yet a URL it validated before is still refreshed", async () => {
    const { clock } = await devKit();
    const kit = await freshKit(clock);
    const server = counting(async (url, init) => (url === kit.chainUrl ? createKitChainFetch(kit)(url, init) : new Response("no", { status: 403 })));
    const verifier = verifierAt(kit, clock, { fetch: server.fetch, downloadGuard: { maxUnseenDownloads: 3, failureTtlMs: 1 } });
    await verifier.verify(await signedRequest(kit, envelopeAt(clock)));
    const probe = (n: number) => signedRequest(kit, envelopeAt(clock), { chainUrl: `https://s3.amazonaws.com/echo.api/probe-${n}.pem` });
    for (const n of [1, 2]) await expectRejection(verifier.verify(await probe(n)), "chain-download-failed");
    for (const n of [3, 4, 5, 6]) await expectRejection(verifier.verify(await probe(n)), "chain-download-throttled");
    expect(server.calls).toHaveLength(3);
    expect((await verifier.verify(await signedRequest(kit, envelopeAt(clock)))).certChainUrl).toBe(kit.chainUrl);
  });
});

describe("a planted KV entry (KV is shared storage, entries are re-validated)", () => {
  async function plant(kit: DevSigningKit, clock: number, fields: { spki?: string; chainPem?: string }) {
    const anchors = await loadTrustAnchors(kit.anchorsPem);
    const key = await cacheKeyFor(kit.chainUrl, anchors.id);
    const genuine = { certUrl: kit.chainUrl, anchorsId: anchors.id, notBefore: clock - 1e9, notAfter: clock + 1e9, validatedAt: clock };
    await env.CERT_CACHE.put(key, JSON.stringify({ ...genuine, spki: fields.spki ?? "", chainPem: fields.chainPem ?? kit.chainPem }));
  }

  it("an attacker's key under the genuine chain's PEM is ignored: the key comes from the re-validated PEM", async () => {
    const { clock } = await devKit();
    const kit = await freshKit(clock);
    const attacker = await generateRsaKeyPair();
    const attackerSpki = encodeBase64(new Uint8Array((await crypto.subtle.exportKey("spki", attacker.publicKey)) as ArrayBuffer));
    await plant(kit, clock, { spki: attackerSpki });
    const server = counting(createKitChainFetch(kit));
    const verifier = verifierAt(kit, clock, { fetch: server.fetch, certCache: createKvCertCache(env.CERT_CACHE) });
    const forged = await signedRequest(kit, envelopeAt(clock), { signingKey: await toRequestSigningKey(attacker.privateKey) });
    await expectRejection(verifier.verify(forged), "bad-signature");
    expect((await verifier.verify(await signedRequest(kit, envelopeAt(clock)))).algorithm).toBe("SHA-256");
    expect(server.calls).toHaveLength(0);
  });

  it("an entry whose PEM does not validate is reported and replaced by a download", async () => {
    const { clock } = await devKit();
    const kit = await freshKit(clock);
    await plant(kit, clock, { chainPem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" });
    const errors: unknown[] = [];
    const server = counting(createKitChainFetch(kit));
    const verifier = verifierAt(kit, clock, { fetch: server.fetch, certCache: createKvCertCache(env.CERT_CACHE), onCacheError: (e) => errors.push(e) });
    await verifier.verify(await signedRequest(kit, envelopeAt(clock)));
    expect(server.calls).toHaveLength(1);
    expect(String(errors[0])).toContain("re-validation");
  });
});

describe("KV on the critical path", () => {
  it("a KV get that never answers costs at most cacheTimeoutMs, then the network answers", async () => {
    const { clock } = await devKit();
    const kit = await freshKit(clock);
    const hung: KvNamespaceLike = { get: () => new Promise(() => {}), put: async () => {} };
    const errors: unknown[] = [];
    const verifier = verifierAt(kit, clock, { fetch: createKitChainFetch(kit), certCache: createKvCertCache(hung), cacheTimeoutMs: 100, onCacheError: (e) => errors.push(e) });
    const started = Date.now();
    await verifier.verify(await signedRequest(kit, envelopeAt(clock)));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(String(errors[0])).toContain("longer than 100 ms");
  });

  it("a KV put that never finishes is handed to waitUntil, never awaited by the request", async () => {
    const { clock } = await devKit();
    const kit = await freshKit(clock);
    let puts = 0;
    const stuck: KvNamespaceLike = { get: async () => null, put: () => (puts++, new Promise(() => {})) };
    const deferred: Promise<unknown>[] = [];
    const verifier = verifierAt(kit, clock, { fetch: createKitChainFetch(kit), certCache: createKvCertCache(stuck) });
    const verified = await verifier.verify(await signedRequest(kit, envelopeAt(clock)), { waitUntil: (p) => deferred.push(p) });
    expect(verified.algorithm).toBe("SHA-256");
    expect(deferred).toHaveLength(1);
    await sleep(0);
    expect(puts).toBe(1);
  });
});
