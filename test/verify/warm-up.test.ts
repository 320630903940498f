/**
 * The startup warm-up (src/verify/warm-up.ts) really validates what it claims to: Amazon's
 * 2023 signing chain to the bundled Amazon Root CA 1 at a clock inside its validity, the
 * leaf's SAN and key import included, so the code the first request runs was run once
 * already. Against anchors that do not issue it, it says so (`false`) instead of throwing,
 * and the Worker's call runs once per isolate.
 */
import { describe, expect, it } from "vitest";
import { AMAZON_ROOT_CA_3, DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { validateWarmUpChain, warmUpChainValidation } from "../../src/verify/warm-up.js";

describe("startup warm-up", () => {
  it("validates Amazon's 2023 chain to the bundled anchors", async () => {
    await expect(validateWarmUpChain(loadTrustAnchors(DEFAULT_TRUST_ANCHORS))).resolves.toBe(true);
  });

  it("says false, without throwing, when no anchor issues the chain", async () => {
    await expect(validateWarmUpChain(loadTrustAnchors([AMAZON_ROOT_CA_3]))).resolves.toBe(false);
    await expect(validateWarmUpChain(Promise.reject(new TypeError("no anchors")))).resolves.toBe(false);
  });

  it("runs once per isolate: later calls share the first result", async () => {
    const first = warmUpChainValidation(loadTrustAnchors(DEFAULT_TRUST_ANCHORS));
    expect(warmUpChainValidation(loadTrustAnchors([AMAZON_ROOT_CA_3]))).toBe(first);
    await expect(first).resolves.toBe(true);
  });
});
