// Signed-URL verification with real WebCrypto HMAC: valid, expired, tampered, missing and
// malformed parameters, and the canonical string binding key and expiry together.
import { describe, expect, it } from "vitest";
import { canonicalSignedString, signAudioKey, verifyAudioSignature } from "../../src/audio/signing.js";

const secret = "s3cret";
const nowMs = Date.UTC(2026, 5, 1, 12);

function query(params: Record<string, string>): URLSearchParams {
  return new URLSearchParams(params);
}

describe("verifyAudioSignature", () => {
  it("accepts a fresh signature and reports expiry after the lifetime", async () => {
    const { exp, sig } = await signAudioKey("a.mp3", secret, nowMs, 60);
    const params = query({ exp: String(exp), sig });
    expect(await verifyAudioSignature("a.mp3", params, secret, nowMs + 59_000)).toEqual({ ok: true });
    expect(await verifyAudioSignature("a.mp3", params, secret, nowMs + 60_000)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("binds the signature to the key, the expiry and the secret", async () => {
    const { exp, sig } = await signAudioKey("a.mp3", secret, nowMs);
    const bad = { ok: false, reason: "bad-signature" };
    expect(await verifyAudioSignature("b.mp3", query({ exp: String(exp), sig }), secret, nowMs)).toEqual(bad);
    expect(await verifyAudioSignature("a.mp3", query({ exp: String(exp + 1), sig }), secret, nowMs)).toEqual(bad);
    expect(await verifyAudioSignature("a.mp3", query({ exp: String(exp), sig }), "other", nowMs)).toEqual(bad);
    const flipped = (sig.startsWith("A") ? "B" : "A") + sig.slice(1);
    expect(await verifyAudioSignature("a.mp3", query({ exp: String(exp), sig: flipped }), secret, nowMs)).toEqual(bad);
  });

  it.each([
    [{}, "missing-signature"],
    [{ exp: "1" }, "missing-signature"],
    [{ sig: "x" }, "missing-signature"],
    [{ exp: "-1", sig: "A".repeat(43) }, "malformed-expiry"],
    [{ exp: "01", sig: "A".repeat(43) }, "malformed-expiry"],
    [{ exp: "1e9", sig: "A".repeat(43) }, "malformed-expiry"],
    [{ exp: "9".repeat(13), sig: "A".repeat(43) }, "malformed-expiry"],
    [{ exp: "1", sig: "A".repeat(42) }, "malformed-signature"],
    [{ exp: "1", sig: `${"A".repeat(42)}=` }, "malformed-signature"],
    [{ exp: "1", sig: `${"A".repeat(42)}+` }, "malformed-signature"],
    [{ exp: "1", sig: `${"A".repeat(42)}B` }, "malformed-signature"],
  ])("%j is refused as %s", async (params, reason) => {
    expect(await verifyAudioSignature("a.mp3", query(params), secret, nowMs)).toEqual({ ok: false, reason });
  });

  it("uses a versioned canonical string with the decoded key", () => {
    expect(canonicalSignedString("ep 1/café.mp3", 1700000000)).toBe(
      "skillflare-audio-v1\nep 1/café.mp3\n1700000000",
    );
  });

  it("matches an independently computed HMAC", async () => {
    const { exp, sig } = await signAudioKey("k.mp3", secret, nowMs, 100);
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const mac = new Uint8Array(
      await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`skillflare-audio-v1\nk.mp3\n${exp}`)),
    );
    const expected = btoa(String.fromCharCode(...mac)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(sig).toBe(expected);
    expect(exp).toBe(nowMs / 1000 + 100);
  });
});
