/**
 * Finding the anchor by the issuer's DER bytes (chain-path.ts, trust-anchors.ts): a real
 * Amazon chain and the dev chain reach the same anchor and window whether the anchors are
 * looked up by bytes (a TrustAnchorSet) or compared name by name (plain certificates, as
 * before); when no anchor matches by bytes, the name-by-name walk still decides, so an
 * anchor set that never matches by bytes accepts and refuses exactly what it did before.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { validateChainPath } from "../../src/verify/chain-path.js";
import { createPkijsEngine } from "../../src/verify/crypto-engine.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { loadTrustAnchors, type TrustAnchorSet } from "../../src/verify/trust-anchors.js";
import { devKit } from "./helpers/dev-requests.js";
import { ECHO_API_CHAINS } from "./helpers/real-fixtures.js";
import { expectRejection } from "./helpers/requests.js";

const served = (pem: string) => parsePemChain(pem).map((parsed) => parsed.certificate);

/** The same anchors, but the byte lookup never finds one: only the name-by-name walk can. */
function withoutByteMatches(set: TrustAnchorSet): TrustAnchorSet {
  return { id: set.id, get certificates() { return set.certificates; }, named: () => [] };
}

const realChain = ECHO_API_CHAINS.get("echo-api-cert-12_2023.pem") ?? "";
const realClock = Date.parse("2023-06-01T00:00:00Z");

describe("anchor lookup by DER bytes", { timeout: 30_000 }, () => {
  it("a real Amazon chain reaches the same anchor by bytes as by name", async () => {
    const anchors = await loadTrustAnchors(DEFAULT_TRUST_ANCHORS);
    const byBytes = await validateChainPath(served(realChain), anchors, realClock, createPkijsEngine());
    const byName = await validateChainPath(served(realChain), anchors.certificates, realClock, createPkijsEngine());
    expect(byBytes.anchor.subject.isEqual(byName.anchor.subject)).toBe(true);
    expect(byBytes.path).toHaveLength(byName.path.length);
    expect(byBytes.window).toEqual(byName.window);
  });

  it("only the anchor the chain names is built: the byte lookup returns just it", async () => {
    const anchors = await loadTrustAnchors(DEFAULT_TRUST_ANCHORS);
    const [leaf, intermediate] = served(realChain);
    expect(anchors.named(new Uint8Array(leaf!.issuer.valueBeforeDecode))).toHaveLength(0);
    const named = anchors.named(new Uint8Array(intermediate!.issuer.valueBeforeDecode));
    expect(named).toHaveLength(1);
    expect(named[0]!.subject.isEqual(intermediate!.issuer)).toBe(true);
  });

  it("falls back to comparing names when no anchor matches by bytes, and still accepts the chain", async () => {
    const { kit, clock } = await devKit();
    const anchors = withoutByteMatches(await loadTrustAnchors(kit.anchorsPem));
    const result = await validateChainPath(served(kit.chainPem), anchors, clock, createPkijsEngine());
    expect(result.path).toHaveLength(2);
    const real = withoutByteMatches(await loadTrustAnchors(DEFAULT_TRUST_ANCHORS));
    expect((await validateChainPath(served(realChain), real, realClock, createPkijsEngine())).path).toHaveLength(2);
  });

  it("still refuses a chain no anchor issues, by bytes or by name", async () => {
    const { kit, clock } = await devKit();
    const amazonOnly = await loadTrustAnchors(DEFAULT_TRUST_ANCHORS);
    await expectRejection(validateChainPath(served(kit.chainPem), amazonOnly, clock, createPkijsEngine()), "chain-untrusted");
  });
});
