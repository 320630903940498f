/**
 * The warm path's per-isolate shortcuts must never change an outcome: a
 * memoised chain URL still rejects a bad header on every call, a memoised
 * cache key still differs per anchor set and URL and equals the digest it
 * stands for, an anchor array changed in place is re-read, the table-driven
 * base64 decoder accepts and rejects exactly what the regex + `atob` decoder
 * it replaced did, the one shared UTF-8 decoder keeps no state between
 * requests, and every memo stays within its bound however many distinct
 * inputs an attacker sends.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { decodeBase64Strict } from "../../src/shared/base64.js";
import { BoundedMemo } from "../../src/verify/bounded-memo.js";
import { normaliseCertChainUrl } from "../../src/verify/cert-url.js";
import { AlexaVerificationError } from "../../src/verify/errors.js";
import { SigningKeyMemo } from "../../src/verify/signature.js";
import { loadedTrustAnchors, loadTrustAnchors, toHex } from "../../src/verify/trust-anchors.js";
import { cacheKeyFor } from "../../src/verify/validated-chain.js";
import { signBytes } from "../../src/devkit/index.js";
import { verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { devKit, envelopeAt, signedRequest, trustingOptions } from "./helpers/dev-requests.js";
import { VERISIGN_G5_ROOT } from "./helpers/real-fixtures.js";
import { alexaRequest, expectRejection } from "./helpers/requests.js";

const CANONICAL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem";

function reasonOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AlexaVerificationError) return error.reason;
    throw error;
  }
}

describe("chain URL memo", () => {
  it("rejects a bad URL on every call, including after a good one was memoised", () => {
    for (const bad of ["https://s3.amazonaws.com/echo.api/../x.pem", "http://s3.amazonaws.com/echo.api/a.pem", ""]) {
      expect(normaliseCertChainUrl(CANONICAL)).toBe(CANONICAL);
      expect(reasonOf(() => normaliseCertChainUrl(bad))).toBe("invalid-cert-url");
      expect(reasonOf(() => normaliseCertChainUrl(bad))).toBe("invalid-cert-url");
    }
  });

  it("returns the same normalised URL from the memo as from the first check", () => {
    const raw = "HTTPS://S3.AMAZONAWS.COM:443//echo.api/./x/../memo-test.pem#frag";
    const first = normaliseCertChainUrl(raw);
    expect(first).toBe("https://s3.amazonaws.com/echo.api/memo-test.pem");
    expect(normaliseCertChainUrl(raw)).toBe(first);
  });

  it("still answers correctly after many distinct URLs have churned the memo", () => {
    for (let i = 0; i < 500; i++) normaliseCertChainUrl(`https://s3.amazonaws.com/echo.api/churn-${i}.pem`);
    expect(normaliseCertChainUrl(CANONICAL)).toBe(CANONICAL);
    expect(reasonOf(() => normaliseCertChainUrl("https://evil.example/echo.api/x.pem"))).toBe("invalid-cert-url");
  });
});

describe("cache key", () => {
  it("is the SHA-256 of anchor-set id and URL, on every call", async () => {
    const anchors = await loadTrustAnchors(DEFAULT_TRUST_ANCHORS);
    const url = "https://s3.amazonaws.com/echo.api/key-test.pem";
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${anchors.id}\n${url}`));
    const expected = `alexa-chain:v2:${toHex(digest)}`;
    expect(await cacheKeyFor(url, anchors.id)).toBe(expected);
    expect(await cacheKeyFor(url, anchors.id)).toBe(expected);
  });

  it("differs per anchor set and per URL, on every call", async () => {
    const bundled = (await loadTrustAnchors(DEFAULT_TRUST_ANCHORS)).id;
    const plusVeriSign = (await loadTrustAnchors([...DEFAULT_TRUST_ANCHORS, VERISIGN_G5_ROOT])).id;
    const url = "https://s3.amazonaws.com/echo.api/key-test-2.pem";
    for (let round = 0; round < 2; round++) {
      const keys = new Set([
        await cacheKeyFor(url, bundled),
        await cacheKeyFor(url, plusVeriSign),
        await cacheKeyFor(`${url}x`, bundled),
        await cacheKeyFor(`${url}x`, plusVeriSign),
      ]);
      expect(keys.size).toBe(4);
    }
  });
});

describe("trust anchor lookup by array identity", () => {
  it("re-reads an anchor array whose elements were replaced in place", async () => {
    const pems = [...DEFAULT_TRUST_ANCHORS];
    const before = await loadTrustAnchors(pems);
    pems.push(VERISIGN_G5_ROOT);
    const grown = await loadTrustAnchors(pems);
    expect(grown.id).not.toBe(before.id);
    expect(grown.certificates).toHaveLength(before.certificates.length + 1);
    pems.splice(0, pems.length, VERISIGN_G5_ROOT);
    const replaced = await loadTrustAnchors(pems);
    expect(replaced.certificates).toHaveLength(1);
    expect(replaced.id).toBe((await loadTrustAnchors([VERISIGN_G5_ROOT])).id);
  });

  it("the synchronous lookup answers only once the very same array has loaded, unchanged", async () => {
    const pems = [VERISIGN_G5_ROOT, ...DEFAULT_TRUST_ANCHORS];
    expect(loadedTrustAnchors(pems)).toBeUndefined();
    const loading = loadTrustAnchors(pems);
    const loaded = await loading;
    await Promise.resolve();
    expect(loadedTrustAnchors(pems)).toBe(loaded);
    expect(loadedTrustAnchors([...pems])).toBeUndefined();
    pems.pop();
    expect(loadedTrustAnchors(pems)).toBeUndefined();
  });

  it("a broken array stays a configuration error on every call", async () => {
    const broken = ["not a pem"];
    await expect(loadTrustAnchors(broken)).rejects.toBeInstanceOf(TypeError);
    await expect(loadTrustAnchors(broken)).rejects.toBeInstanceOf(TypeError);
  });
});

describe("shared UTF-8 decoder", () => {
  it("carries nothing over from a rejected body to the next request", async () => {
    const { kit, clock } = await devKit();
    for (const bad of [new Uint8Array([0x7b, 0xe2, 0x9c]), new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const headers = { "Signature-256": await signBytes(kit.signingKey, "SHA-256", bad), SignatureCertChainUrl: kit.chainUrl };
      await expectRejection(verifyAlexaRequest(alexaRequest(bad, headers), trustingOptions(kit, clock)), "body-not-json");
      const body = JSON.stringify(envelopeAt(clock, { type: "IntentRequest", intent: "Search", slots: { term: "\u2713 Pokémon" } }));
      const verified = await verifyAlexaRequest(await signedRequest(kit, body), trustingOptions(kit, clock));
      expect(verified.rawBody).toBe(body);
    }
  });
});

describe("signing key memo", () => {
  it("holds a key per SPKI and hash only after it imported it, and only in its own verifier's memo", async () => {
    const pair = (await crypto.subtle.generateKey(
      { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
      true,
      ["sign", "verify"],
    )) as CryptoKeyPair;
    const exported = (await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer;
    const spki = btoa(String.fromCharCode(...new Uint8Array(exported)));
    const memo = new SigningKeyMemo();
    const other = new SigningKeyMemo();
    expect(memo.get(spki, "SHA-256")).toBeUndefined();
    const imported = await memo.import(spki, "SHA-256");
    expect(memo.get(spki, "SHA-256")).toBe(imported);
    expect(other.get(spki, "SHA-256")).toBeUndefined();
    expect(memo.get(spki, "SHA-1")).toBeUndefined();
    const sha1 = await memo.import(spki, "SHA-1");
    expect(sha1).not.toBe(imported);
    expect(sha1.algorithm).toMatchObject({ hash: { name: "SHA-1" } });
  });
});

describe("decodeBase64Strict", () => {
  const SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  const reference = (text: string): number[] | undefined => (SHAPE.test(text) ? Array.from(atob(text), (c) => c.charCodeAt(0)) : undefined);
  const decoded = (text: string) => {
    const bytes = decodeBase64Strict(text);
    return bytes === undefined ? undefined : Array.from(bytes);
  };

  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = btoa(String.fromCharCode(...bytes));
        expect(decoded(text)).toEqual(Array.from(bytes));
      }),
    );
  });

  it("agrees with the regex + atob decoder on arbitrary near-base64 strings", () => {
    const near = fc.string({ unit: fc.constantFrom(..."AZaz09+/=-_ \n.\u00e9\u0141"), maxLength: 24 });
    fc.assert(
      fc.property(near, (text) => {
        expect(decoded(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(["", "QQ==", "QUI=", "QUJD", "QUJDRA==", "QR==", "QUJ="])("accepts %j like atob", (text) => {
    expect(decoded(text)).toEqual(reference(text));
  });

  it.each(["Q", "QQ", "QQ=", "Q===", "====", "QQ==QQ==", "QU=D", "QUJD\n", " QUJD", "QUJ\u0141", "QUJ\u0100"])("rejects %j", (text) => {
    expect(decodeBase64Strict(text)).toBeUndefined();
  });
});

describe("BoundedMemo", () => {
  it("never holds more than its bound, dropping the oldest first", () => {
    const memo = new BoundedMemo<string, number>(3);
    for (let i = 0; i < 100; i++) memo.set(`k${i}`, i);
    expect(memo.size).toBe(3);
    expect(memo.get("k96")).toBeUndefined();
    expect([memo.get("k97"), memo.get("k98"), memo.get("k99")]).toEqual([97, 98, 99]);
    memo.set("k98", -1);
    expect(memo.size).toBe(3);
    expect(memo.get("k98")).toBe(-1);
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => new BoundedMemo(0)).toThrow(RangeError);
    expect(() => new BoundedMemo(1.5)).toThrow(RangeError);
  });
});
