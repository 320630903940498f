/**
 * The downloaded chain is checked in full but parsed lazily. Every block must
 * be PEM as before and shaped like a DER certificate, so junk anywhere in the
 * file is still `invalid-pem`, even after the point where the path reaches an
 * anchor; a block that is shaped like a certificate but that pkijs cannot
 * read is `invalid-pem` if the path walk reaches it, and is never built if
 * the path ends before it. The SubjectPublicKeyInfo taken from the DER
 * outline is byte for byte what pkijs re-encodes. The verifier builds only
 * the certificates on the path.
 */
import * as pkijs from "pkijs";
import { describe, expect, it, vi } from "vitest";
import { createKitChainFetch, derToPem, pemToDerBlocks } from "../../src/devkit/index.js";
import { DEFAULT_TRUST_ANCHORS } from "../../src/verify/anchors.js";
import { validateChainPath } from "../../src/verify/chain-path.js";
import { createPkijsEngine } from "../../src/verify/crypto-engine.js";
import { certificateShape } from "../../src/verify/der-shape.js";
import { parsePemChain } from "../../src/verify/pem.js";
import { ServedChain } from "../../src/verify/served-chain.js";
import { loadTrustAnchors } from "../../src/verify/trust-anchors.js";
import { verifyAlexaRequest } from "../../src/verify/verify-request.js";
import { devKit, envelopeAt, signedRequest, trustingOptions } from "./helpers/dev-requests.js";
import { ECHO_API_CHAINS, rootPem } from "./helpers/real-fixtures.js";
import { expectRejection } from "./helpers/requests.js";

/** DER tag-length-value with a definite length. */
function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = new Uint8Array(content.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of content) {
    body.set(part, offset);
    offset += part.length;
  }
  const length = body.length < 0x80 ? [body.length] : body.length < 0x100 ? [0x81, body.length] : [0x82, body.length >> 8, body.length & 0xff];
  return new Uint8Array([tag, ...length, ...body]);
}

const SEQ = 0x30;
/** Shaped like a certificate (outline of RFC 5280 4.1) but empty inside: pkijs cannot read it. */
const HOLLOW_CERTIFICATE = tlv(
  SEQ,
  tlv(SEQ, tlv(0x02, new Uint8Array([1])), tlv(SEQ), tlv(SEQ), tlv(SEQ), tlv(SEQ), tlv(SEQ)),
  tlv(SEQ),
  tlv(0x03, new Uint8Array([0])),
);

const realCertificates = (): Uint8Array[] => [...ECHO_API_CHAINS.values()].flatMap((pem) => pemToDerBlocks(pem));

describe("certificateShape", () => {
  it("accepts every real certificate and every bundled anchor", () => {
    const all = [...realCertificates(), ...DEFAULT_TRUST_ANCHORS.flatMap((pem) => pemToDerBlocks(pem))];
    expect(all.length).toBeGreaterThan(40);
    for (const der of all) expect(certificateShape(der)).toBeDefined();
  });

  it("gives the SubjectPublicKeyInfo exactly as pkijs encodes it", () => {
    for (const der of realCertificates()) {
      const [parsed] = parsePemChain(derToPem(der));
      const reencoded = new Uint8Array(parsed!.certificate.subjectPublicKeyInfo.toSchema().toBER(false));
      expect(certificateShape(der)?.subjectPublicKeyInfo).toEqual(reencoded);
    }
  });

  it("rejects every truncation and any trailing byte of a real certificate", () => {
    const [der] = realCertificates();
    for (let length = 0; length < der!.length; length++) expect(certificateShape(der!.subarray(0, length)), `length ${length}`).toBeUndefined();
    expect(certificateShape(new Uint8Array([...der!, 0]))).toBeUndefined();
  });

  it.each([
    ["an INTEGER", tlv(0x02, new Uint8Array([5]))],
    ["a SEQUENCE holding an INTEGER", tlv(SEQ, tlv(0x02, new Uint8Array([5])))],
    ["a certificate without its signature", tlv(SEQ, tlv(SEQ), tlv(SEQ))],
    ["a TBS missing the subject public key info", tlv(SEQ, tlv(SEQ, tlv(0x02, new Uint8Array([1])), tlv(SEQ), tlv(SEQ), tlv(SEQ), tlv(SEQ)), tlv(SEQ), tlv(0x03, new Uint8Array([0])))],
    ["extensions before the unique ids", tlv(SEQ, tlv(SEQ, tlv(0x02, new Uint8Array([1])), tlv(SEQ), tlv(SEQ), tlv(SEQ), tlv(SEQ), tlv(SEQ), tlv(0xa3), tlv(0x81)), tlv(SEQ), tlv(0x03, new Uint8Array([0])))],
    ["an indefinite length", new Uint8Array([0x30, 0x80, 0x00, 0x00])],
    ["a length beyond the data", new Uint8Array([0x30, 0x82, 0xff, 0xff, 0x00])],
  ])("rejects %s", (_what, der) => {
    expect(certificateShape(der)).toBeUndefined();
  });

  it("accepts the hollow certificate used below, which pkijs cannot read", async () => {
    expect(certificateShape(HOLLOW_CERTIFICATE)).toBeDefined();
    await expectRejection((async () => parsePemChain(derToPem(HOLLOW_CERTIFICATE)))(), "invalid-pem");
  });
});

describe("ServedChain", () => {
  const REAL = ECHO_API_CHAINS.get("echo-api-cert-12_2023.pem") ?? "";

  it("builds a certificate only when asked, once", () => {
    const spy = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    try {
      const chain = ServedChain.fromPem(REAL);
      expect(chain.length).toBe(4);
      expect(spy).not.toHaveBeenCalled();
      const leaf = chain.certificate(0);
      expect(chain.certificate(0)).toBe(leaf);
      expect(spy).toHaveBeenCalledTimes(1);
      const iterator = chain.certificates();
      expect(iterator.next().value).toBe(leaf);
      expect(spy).toHaveBeenCalledTimes(1);
      iterator.next();
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("rejects junk anywhere in the file up front, as parsePemChain does", async () => {
    const junk = derToPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]));
    await expectRejection((async () => ServedChain.fromPem(REAL + junk))(), "invalid-pem");
    await expectRejection((async () => ServedChain.fromPem(`${REAL}trailing`))(), "invalid-pem");
    await expectRejection((async () => ServedChain.fromPem(""))(), "invalid-pem");
  });

  it("a hollow certificate is invalid-pem when the walk reaches it", async () => {
    const chain = ServedChain.fromPem(derToPem(HOLLOW_CERTIFICATE) + REAL);
    await expectRejection((async () => chain.certificate(0))(), "invalid-pem");
  });
});

describe("through the verifier", () => {
  async function verifyServing(chainPem: string) {
    const { kit, clock } = await devKit();
    const request = await signedRequest(kit, envelopeAt(clock));
    return verifyAlexaRequest(request, trustingOptions(kit, clock, { fetch: createKitChainFetch({ ...kit, chainPem }) }));
  }

  it("builds only the leaf and its issuing CA of the four served certificates", async () => {
    const { kit } = await devKit();
    expect((await loadTrustAnchors(kit.anchorsPem)).certificates).toHaveLength(2); // built once per isolate, not per chain
    const spy = vi.spyOn(pkijs.Certificate.prototype, "fromSchema");
    try {
      await verifyServing(kit.chainPem);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("junk after the certificate that reaches the anchor is still invalid-pem", async () => {
    const { kit } = await devKit();
    await expectRejection(verifyServing(kit.chainPem + derToPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]))), "invalid-pem");
    await expectRejection(verifyServing(`${kit.chainPem}-----BEGIN CERTIFICATE-----\nMII*\n-----END CERTIFICATE-----\n`), "invalid-pem");
  });

  it("a hollow certificate past the anchor is never built, and the chain verifies", async () => {
    const { kit } = await devKit();
    const result = await verifyServing(kit.chainPem + derToPem(HOLLOW_CERTIFICATE));
    expect(result.algorithm).toBe("SHA-256");
  });

  it("a hollow certificate in the issuer's place is invalid-pem", async () => {
    const { kit } = await devKit();
    const [leaf, , ...rest] = pemToDerBlocks(kit.chainPem);
    await expectRejection(verifyServing([leaf!, HOLLOW_CERTIFICATE, ...rest].map((der) => derToPem(der)).join("")), "invalid-pem");
  });

  it("walks past a served certificate to a deeper anchor when needed (cross-signed roots)", async () => {
    const served = ECHO_API_CHAINS.get("echo-api-cert-7_2019-2020.pem") ?? "";
    const chain = ServedChain.fromPem(served);
    const anchors = (await loadTrustAnchors([rootPem("Starfield_Class_2_CA.pem")])).certificates;
    const leaf = chain.certificate(0);
    const mid = (leaf.notBefore.value.getTime() + leaf.notAfter.value.getTime()) / 2;
    const result = await validateChainPath(chain.certificates(), anchors, mid, createPkijsEngine());
    expect(result.path).toHaveLength(4);
  });
});
