/**
 * What a fresh isolate's first validation no longer pays for, and that nothing it checks
 * changed: `prepareTrustAnchors` builds anchors ahead (the Worker does it at startup, where
 * CPU counts against the 1 s startup limit instead of the first request's), and a PEM it
 * cannot read is still reported by the validation that needs it, as the TypeError it was;
 * names with equal DER bytes are equal to pkijs's chain engine without ICU's collator
 * (`localeCompare`), while names that differ in bytes still get pkijs's own equality; and
 * certificate keys go to WebCrypto as the DER their certificate carries, not re-encoded and
 * imported through a JWK by pkijs.
 */
import * as pkijs from "pkijs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { derToPem } from "../../src/devkit/index.js";
import { AMAZON_ROOT_CA_2, AMAZON_ROOT_CA_4 } from "../../src/verify/anchors.js";
import { validateChainPath } from "../../src/verify/chain-path.js";
import { buildPkijsEngine } from "../../src/verify/crypto-engine.js";
import { createMemoryCertCache } from "../../src/verify/cert-cache.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { ServedChain } from "../../src/verify/served-chain.js";
import { loadTrustAnchors, prepareTrustAnchors } from "../../src/verify/trust-anchors.js";
import { verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { devKit, envelopeAt, signedRequest } from "./helpers/dev-requests.js";

/** A PEM text no other test built (anchors are memoised by their exact text; trailing whitespace is allowed). */
const unseen = (pem: string, variant: number) => `${pem}${"\n".repeat(variant + 2)}`;

describe("the cold path", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prepareTrustAnchors builds each anchor once, ahead: loading and naming it later builds nothing", async () => {
    const pems = [unseen(AMAZON_ROOT_CA_2, 1), unseen(AMAZON_ROOT_CA_4, 1)];
    const spy = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    prepareTrustAnchors(pems);
    expect(spy).toHaveBeenCalledTimes(2);
    prepareTrustAnchors(pems);
    const anchors = await loadTrustAnchors(pems);
    expect(anchors.certificates).toHaveLength(2);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("a PEM prepareTrustAnchors cannot read is left to the load, which still names it", async () => {
    const broken = derToPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]));
    expect(() => prepareTrustAnchors([unseen(AMAZON_ROOT_CA_2, 2), broken])).not.toThrow();
    await expect(loadTrustAnchors([unseen(AMAZON_ROOT_CA_2, 2), broken])).rejects.toThrow(
      /^trustAnchors\[1\]: certificate 0: not shaped like an X\.509 certificate$/,
    );
  });

  it("a chain whose names chain byte for byte validates without localeCompare", async () => {
    const { kit, clock } = await devKit();
    const collator = vi.spyOn(String.prototype, "localeCompare");
    const verified = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), {
      trustAnchors: kit.anchorsPem,
      now: () => clock,
      certCache: createMemoryCertCache(),
      fetch: async () => new Response(kit.chainPem),
    });
    expect(verified.certChainUrl).toBe(kit.chainUrl);
    expect(collator).not.toHaveBeenCalled();
  });

  it("names that differ in bytes still go to pkijs's own equality", async () => {
    const { kit, clock } = await devKit();
    const served = parsePemChain(kit.chainPem).map((p) => p.certificate);
    const anchors = (await loadTrustAnchors(kit.anchorsPem)).certificates;
    const pkijsEquality = vi.spyOn(pkijs.RelativeDistinguishedNames.prototype, "isEqual");
    const result = await validateChainPath(served, anchors, clock, buildPkijsEngine());
    expect(result.path).toHaveLength(2);
    // The leaf is not self-signed: its subject and issuer differ in bytes, so pkijs decides that pair.
    const leaf = served[0];
    expect(pkijsEquality.mock.contexts.some((name) => name === leaf?.subject || name === leaf?.issuer)).toBe(true);
    expect(leaf?.subject.isEqual(leaf.issuer)).toBe(false);
  });

  it("imports each certificate key from the DER its certificate carries, not through pkijs's JWK path", async () => {
    const { kit, clock } = await devKit();
    const subtleImport = vi.spyOn(crypto.subtle, "importKey");
    const pkijsImport = vi.spyOn(pkijs.CryptoEngine.prototype, "importKey");
    const reEncode = vi.spyOn(pkijs.PublicKeyInfo.prototype, "toSchema");
    const served = parsePemChain(kit.chainPem).map((p) => p.certificate);
    const anchors = (await loadTrustAnchors(kit.anchorsPem)).certificates;
    await validateChainPath(served, anchors, clock, buildPkijsEngine());
    expect(pkijsImport).not.toHaveBeenCalled();
    expect(reEncode).not.toHaveBeenCalled();
    const imported = subtleImport.mock.calls.map(([format, data]) => [format, new Uint8Array(data as Uint8Array)]);
    const chain = ServedChain.fromPem(kit.chainPem);
    // The intermediate's key checks the leaf; the anchor's (served copy's subject) checks the intermediate.
    expect(imported).toContainEqual(["spki", new Uint8Array(chain.subjectPublicKeyInfo(1))]);
    expect(imported.every(([format]) => format === "spki")).toBe(true);
    expect(imported).toHaveLength(2);
  });
});
