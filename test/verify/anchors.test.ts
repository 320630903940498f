/**
 * The bundled trust anchors are exactly the five roots documented in
 * src/verify/anchors.ts, pinned by SHA-256 fingerprint (as published by
 * Amazon Trust Services and shipped by Mozilla), and the anchor-set identity
 * used in cache keys is order-independent but content-sensitive.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { loadTrustAnchors, toHex } from "../../src/verify/trust-anchors.js";
import { VERISIGN_G5_ROOT } from "./helpers/real-fixtures.js";

const EXPECTED_SHA256 = [
  "8ecde6884f3d87b1125ba31ac3fcb13d7016de7f57cc904fe1cb97c6ae98196e", // Amazon Root CA 1
  "1ba5b2aa8c65401a82960118f80bec4f62304d83cec4713a19c39c011ea46db4", // Amazon Root CA 2
  "18ce6cfe7bf14e60b2e347b8dfe868cb31d02ebb3ada271569f50343b46db3a4", // Amazon Root CA 3
  "e35d28419ed02025cfa69038cd623962458da5c695fbdea3c22b0bfb25897092", // Amazon Root CA 4
  "568d6905a2c88708a4b3025190edcfedb1974a606a13c6e5290fcb2ae63edab5", // Starfield Services Root CA G2
];

describe("bundled trust anchors", () => {
  it("are the five pinned roots", async () => {
    const fingerprints = await Promise.all(
      DEFAULT_TRUST_ANCHORS.map(async (pem) => {
        const [only, ...rest] = parsePemChain(pem);
        expect(rest).toHaveLength(0);
        return toHex(await crypto.subtle.digest("SHA-256", only!.der));
      }),
    );
    expect(fingerprints).toEqual(EXPECTED_SHA256);
  });

  it("the anchor-set id ignores order and changes with content", async () => {
    const forward = await loadTrustAnchors(DEFAULT_TRUST_ANCHORS);
    const backward = await loadTrustAnchors([...DEFAULT_TRUST_ANCHORS].reverse());
    const plusVeriSign = await loadTrustAnchors([...DEFAULT_TRUST_ANCHORS, VERISIGN_G5_ROOT]);
    expect(backward.id).toBe(forward.id);
    expect(plusVeriSign.id).not.toBe(forward.id);
    expect(forward.certificates).toHaveLength(5);
  });

  it("a broken anchor PEM is a configuration error (TypeError), not a request rejection", async () => {
    await expect(loadTrustAnchors(["not a pem"])).rejects.toBeInstanceOf(TypeError);
    await expect(loadTrustAnchors([])).rejects.toBeInstanceOf(TypeError);
  });
});
