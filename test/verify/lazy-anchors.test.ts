/**
 * Trust anchors are read, shape-checked and digested when loaded, but their
 * pkijs certificates are built only when a chain has to be validated, and
 * then only the anchor the chain names (by its DER subject). A fresh isolate
 * whose first request is answered from the cert cache (KV) therefore builds
 * no certificate at all; a broken anchor is still a configuration error
 * (TypeError), when loading if its PEM or DER shape is wrong, or, if only
 * pkijs can tell, when a validation first builds it (it is named, or a chain
 * named no anchor by bytes and every anchor is compared by name).
 * `prepareTrustAnchors` builds them ahead, at a Worker's startup (cold-path.test.ts).
 */
import * as pkijs from "pkijs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { derToPem } from "../../src/devkit/index.js";
import { AMAZON_ROOT_CA_3, DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { encodeBase64 } from "../../src/shared/base64.js";
import { createMemoryCertCache } from "../../src/verify/cert-cache.js";
import { requireCertificateShape } from "../../src/verify/der-shape.js";
import { readPemCertificates } from "../../src/verify/pem.js";
import { ServedChain } from "../../src/verify/served-chain.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { cacheKeyFor } from "../../src/verify/validated-chain.js";
import { verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { devKit, envelopeAt, signedRequest } from "./helpers/dev-requests.js";
import { VERISIGN_G5_ROOT } from "./helpers/real-fixtures.js";

/** Shaped like a certificate, but pkijs cannot read it (no algorithm OIDs, names, dates). */
const EMPTY_SEQUENCE = [0x30, 0x00];
const TBS = [0x30, 0x0d, 0x02, 0x01, 0x01, ...EMPTY_SEQUENCE, ...EMPTY_SEQUENCE, ...EMPTY_SEQUENCE, ...EMPTY_SEQUENCE, ...EMPTY_SEQUENCE];
const HOLLOW = new Uint8Array([0x30, 0x14, ...TBS, ...EMPTY_SEQUENCE, 0x03, 0x01, 0x00]);

describe("lazily built anchors", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("loading builds no certificate; the first use builds each once", async () => {
    const spy = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    // Anchors are memoised by their PEM text, and the Worker under test prepared the bundled
    // ones at startup: a trailing newline makes texts no other test has built.
    const anchors = await loadTrustAnchors([`${AMAZON_ROOT_CA_3}\n`, `${VERISIGN_G5_ROOT}\n`]);
    expect(anchors.id).toMatch(/^[0-9a-f]{64}$/);
    expect(spy).not.toHaveBeenCalled();
    const certificates = anchors.certificates;
    expect(certificates).toHaveLength(2);
    expect(anchors.certificates).toBe(certificates);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("a cache hit under an anchor set never built verifies without building any certificate", async () => {
    const { kit, clock } = await devKit();
    const pems = [AMAZON_ROOT_CA_3, ...kit.anchorsPem];
    const anchors = await loadTrustAnchors(pems);
    const certCache = createMemoryCertCache();
    const spki = encodeBase64(ServedChain.fromPem(kit.chainPem).subjectPublicKeyInfo(0));
    const entry = { certUrl: kit.chainUrl, anchorsId: anchors.id, spki, notBefore: clock - 1000, notAfter: clock + 1000, validatedAt: clock, chainPem: kit.chainPem };
    await certCache.put(await cacheKeyFor(kit.chainUrl, anchors.id), entry, clock);
    const spy = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    const fetch = vi.fn(async () => new Response("unused"));
    const verified = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), { trustAnchors: pems, now: () => clock, certCache, fetch });
    expect(verified.certChainUrl).toBe(kit.chainUrl);
    expect(fetch).not.toHaveBeenCalled();
    expect(spy).not.toHaveBeenCalled();
  });

  it("a PEM that is not a certificate is a TypeError when loading", async () => {
    await expect(loadTrustAnchors([...DEFAULT_TRUST_ANCHORS, derToPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]))])).rejects.toThrow(
      /^trustAnchors\[5\]: certificate 0: not shaped like an X\.509 certificate$/,
    );
  });

  it("validating a chain builds only the anchor it names, not the whole set", async () => {
    const { kit, clock } = await devKit();
    const pems = [...DEFAULT_TRUST_ANCHORS, ...kit.anchorsPem];
    const anchors = await loadTrustAnchors(pems);
    const spy = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), {
      trustAnchors: pems,
      now: () => clock,
      certCache: createMemoryCertCache(),
      fetch: async () => new Response(kit.chainPem),
    });
    // The leaf, its issuing CA and the one anchor above them: none of the other anchors.
    expect(spy).toHaveBeenCalledTimes(3);
    const [firstDevAnchor] = readPemCertificates(kit.anchorsPem[0] ?? "");
    expect(anchors.named(requireCertificateShape(firstDevAnchor ?? new Uint8Array(), 0).subject)).toHaveLength(1);
  });

  it("a hollow certificate pkijs cannot read is a TypeError once a validation needs every anchor, never a request rejection", async () => {
    const { kit, clock } = await devKit();
    const pems = [derToPem(HOLLOW), AMAZON_ROOT_CA_3];
    const anchors = await loadTrustAnchors(pems);
    expect(() => anchors.certificates).toThrow(TypeError);
    // No anchor has the dev chain's issuer bytes, so the walk compares names with every anchor.
    const failure = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), {
      trustAnchors: pems,
      now: () => clock,
      certCache: createMemoryCertCache(),
      fetch: async () => new Response(kit.chainPem),
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(String(failure)).toContain("trustAnchors[0]");
  });

  it("a hollow anchor that no chain names is never built: a chain that names another anchor verifies", async () => {
    const { kit, clock } = await devKit();
    const verified = await verifyAlexaRequest(await signedRequest(kit, envelopeAt(clock)), {
      trustAnchors: [derToPem(HOLLOW), ...kit.anchorsPem],
      now: () => clock,
      certCache: createMemoryCertCache(),
      fetch: async () => new Response(kit.chainPem),
    });
    expect(verified.certChainUrl).toBe(kit.chainUrl);
  });
});
