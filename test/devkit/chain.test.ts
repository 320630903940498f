import type * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEV_CHAIN_URL, getSharedDevSigningKit } from "../../src/devkit/index.js";
import {
  commonName,
  dnsNames,
  extension,
  isSignedBy,
  nameBytes,
  parseCertificate,
  parseCertificates,
  spkiBytes,
} from "./certificates.js";

describe("dev kit chain", () => {
  it("serves four certificates: leaf, intermediate, Root CA 1 by G2, G2 by Class 2", async () => {
    const kit = await getSharedDevSigningKit();
    const [leaf, intermediate, rootCa1Cross, g2Cross, ...rest] = parseCertificates(kit.chainPem);
    expect(rest).toHaveLength(0);
    if (!leaf || !intermediate || !rootCa1Cross || !g2Cross) throw new Error("chain too short");
    const class2 = parseCertificate(kit.certificatesPem.class2Root);

    expect(commonName(leaf.subject)).toBe("echo-api.amazon.com");
    expect(commonName(intermediate.subject)).toBe("skillflare dev");
    expect(commonName(rootCa1Cross.subject)).toBe("skillflare dev Root CA 1");
    expect(commonName(g2Cross.subject)).toBe("skillflare dev Services Root Certificate Authority - G2");

    const links: [pkijs.Certificate, pkijs.Certificate][] = [
      [leaf, intermediate],
      [intermediate, rootCa1Cross],
      [rootCa1Cross, g2Cross],
      [g2Cross, class2],
    ];
    for (const [child, parent] of links) {
      expect(nameBytes(child.issuer)).toEqual(nameBytes(parent.subject));
      expect(await isSignedBy(child, parent)).toBe(true);
    }
    expect(await isSignedBy(leaf, rootCa1Cross)).toBe(false);
  });

  it("anchors are the self-signed Root CA 1 and G2, same names and keys as the cross-signed ones", async () => {
    const kit = await getSharedDevSigningKit();
    const [rootCa1, g2, ...rest] = kit.anchorsPem.map(parseCertificate);
    expect(rest).toHaveLength(0);
    if (!rootCa1 || !g2) throw new Error("missing anchors");
    const [, , rootCa1Cross, g2Cross] = parseCertificates(kit.chainPem);
    if (!rootCa1Cross || !g2Cross) throw new Error("chain too short");

    for (const [anchor, cross] of [[rootCa1, rootCa1Cross], [g2, g2Cross]] as const) {
      expect(nameBytes(anchor.issuer)).toEqual(nameBytes(anchor.subject));
      expect(await isSignedBy(anchor, anchor)).toBe(true);
      expect(nameBytes(anchor.subject)).toEqual(nameBytes(cross.subject));
      expect(spkiBytes(anchor)).toEqual(spkiBytes(cross));
    }
    for (const anchorPem of kit.anchorsPem) expect(kit.chainPem).not.toContain(anchorPem);
    expect(kit.anchorsPem).toEqual([kit.certificatesPem.rootCa1SelfSigned, kit.certificatesPem.servicesRootG2SelfSigned]);
  });

  it("carries the extensions a real chain has", async () => {
    const kit = await getSharedDevSigningKit();
    const [leaf, ...cas] = parseCertificates(kit.chainPem);
    if (!leaf) throw new Error("empty chain");
    expect(dnsNames(leaf)).toEqual(["echo-api.amazon.com"]);
    const leafConstraints = extension(leaf, "2.5.29.19")?.parsedValue;
    expect(leafConstraints).toBeInstanceOf(pkijs.BasicConstraints);
    expect((leafConstraints as pkijs.BasicConstraints).cA).toBe(false);
    for (const certificate of [...cas, ...kit.anchorsPem.map(parseCertificate)]) {
      const constraints = extension(certificate, "2.5.29.19")?.parsedValue as pkijs.BasicConstraints;
      expect(constraints.cA).toBe(true);
      expect(extension(certificate, "2.5.29.15")?.critical).toBe(true);
      expect(extension(certificate, "2.5.29.14")).toBeDefined();
    }
    // Every issued (non-self-signed) certificate names its issuer's key.
    for (const certificate of [leaf, ...cas]) {
      expect(extension(certificate, "2.5.29.35")).toBeDefined();
    }
    // SKI is the SHA-1 of the subject key; AKI is the issuer's SKI; self-signed anchors carry no AKI.
    const keyId = (certificate: pkijs.Certificate) =>
      new Uint8Array((extension(certificate, "2.5.29.14")?.parsedValue as asn1js.OctetString).valueBlock.valueHexView);
    const authorityKeyId = (certificate: pkijs.Certificate) =>
      new Uint8Array((extension(certificate, "2.5.29.35")?.parsedValue as pkijs.AuthorityKeyIdentifier).keyIdentifier?.valueBlock.valueHexView ?? []);
    const issuers = [...cas, parseCertificate(kit.certificatesPem.class2Root)];
    for (const [index, certificate] of [leaf, ...cas].entries()) {
      const subjectKey = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
      expect(keyId(certificate)).toEqual(new Uint8Array(await crypto.subtle.digest("SHA-1", new Uint8Array(subjectKey))));
      expect(authorityKeyId(certificate)).toEqual(keyId(issuers[index]!));
    }
    for (const anchor of kit.anchorsPem.map(parseCertificate)) expect(extension(anchor, "2.5.29.35")).toBeUndefined();
    expect(certificateVersionAndAlgorithms(leaf)).toEqual({ version: 2, algorithm: "1.2.840.113549.1.1.11" });
  });

  it("is valid at the kit's clock and uses the default chain URL", async () => {
    const kit = await getSharedDevSigningKit();
    expect(kit.chainUrl).toBe(DEFAULT_DEV_CHAIN_URL);
    const now = kit.createdAt.getTime();
    for (const certificate of parseCertificates(kit.chainPem)) {
      expect(certificate.notBefore.value.getTime()).toBeLessThan(now);
      expect(certificate.notAfter.value.getTime()).toBeGreaterThan(now);
    }
    const leaf = parseCertificate(kit.certificatesPem.leaf);
    expect(leaf.notAfter.value.getTime() - now).toBeGreaterThan(360 * 86_400_000);
  });
});

function certificateVersionAndAlgorithms(certificate: pkijs.Certificate) {
  return { version: certificate.version, algorithm: certificate.signatureAlgorithm.algorithmId };
}
