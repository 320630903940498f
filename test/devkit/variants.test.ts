import { describe, expect, it } from "vitest";
import {
  createDevSigningKit,
  DEV_KIT_VARIANTS,
  getSharedDevSigningKit,
  getSharedDevSigningKitVariant,
  WRONG_SAN_DNS_NAME,
} from "../../src/devkit/index.js";
import { commonName, dnsNames, isSignedBy, nameBytes, parseCertificate, parseCertificates } from "./certificates.js";

const DAY_MS = 86_400_000;

describe("negative variants", () => {
  it("share the base kit's clock and chain URL", async () => {
    const base = await getSharedDevSigningKit();
    for (const variant of DEV_KIT_VARIANTS) {
      const kit = await getSharedDevSigningKitVariant(variant);
      expect(kit.createdAt.getTime()).toBe(base.createdAt.getTime());
      expect(kit.chainUrl).toBe(base.chainUrl);
      expect(parseCertificates(kit.chainPem)).toHaveLength(4);
    }
  });

  it("expired leaf: notAfter is before the kit's clock; the CAs stay valid", async () => {
    const kit = await getSharedDevSigningKitVariant("expired-leaf");
    const now = kit.createdAt.getTime();
    const [leaf, ...cas] = parseCertificates(kit.chainPem);
    expect(leaf?.notAfter.value.getTime()).toBeLessThan(now);
    for (const ca of cas) expect(ca.notAfter.value.getTime()).toBeGreaterThan(now);
  });

  it("not-yet-valid leaf: notBefore is after the kit's clock", async () => {
    const kit = await getSharedDevSigningKitVariant("not-yet-valid-leaf");
    const leaf = parseCertificate(kit.certificatesPem.leaf);
    expect(leaf.notBefore.value.getTime()).toBeGreaterThan(kit.createdAt.getTime());
  });

  it("wrong SAN keeps CN echo-api.amazon.com; no-san has no SAN at all", async () => {
    const wrong = parseCertificate((await getSharedDevSigningKitVariant("wrong-san")).certificatesPem.leaf);
    expect(dnsNames(wrong)).toEqual([WRONG_SAN_DNS_NAME]);
    expect(commonName(wrong.subject)).toBe("echo-api.amazon.com");
    const none = parseCertificate((await getSharedDevSigningKitVariant("no-san")).certificatesPem.leaf);
    expect(none.extensions?.some((extension) => extension.extnID === "2.5.29.17")).toBe(false);
  });

  it("untrusted root: none of the normal anchors names or signs its chain", async () => {
    const base = await getSharedDevSigningKit();
    const kit = await getSharedDevSigningKitVariant("untrusted-root");
    const chain = parseCertificates(kit.chainPem);
    const trusted = base.anchorsPem.map(parseCertificate);
    for (const anchorPem of kit.anchorsPem) expect(base.anchorsPem).not.toContain(anchorPem);
    for (const certificate of chain) {
      for (const anchor of trusted) {
        expect(nameBytes(certificate.issuer)).not.toEqual(nameBytes(anchor.subject));
        expect(await isSignedBy(certificate, anchor)).toBe(false);
      }
    }
    // Still a coherent chain to its own (untrusted) roots.
    const [leaf, intermediate] = chain;
    if (!leaf || !intermediate) throw new Error("chain too short");
    expect(await isSignedBy(leaf, intermediate)).toBe(true);
    expect(dnsNames(leaf)).toEqual(["echo-api.amazon.com"]);
  });

  it("options apply to a fresh kit with explicit clock, URL and leaf window", async () => {
    const base = await getSharedDevSigningKit();
    const now = Date.UTC(2019, 4, 13, 12, 34, 56);
    const kit = await createDevSigningKit({
      now,
      chainUrl: "https://s3.amazonaws.com/echo.api/echo-api-cert-7.pem",
      keyPairs: base.keyPairs ?? {},
      leaf: { notBefore: now - 10 * DAY_MS, notAfter: now + 10 * DAY_MS, dnsNames: ["a.example", "echo-api.amazon.com"] },
    });
    const leaf = parseCertificate(kit.certificatesPem.leaf);
    expect(kit.createdAt.toISOString()).toBe("2019-05-13T12:34:56.000Z");
    expect(kit.chainUrl).toBe("https://s3.amazonaws.com/echo.api/echo-api-cert-7.pem");
    expect(leaf.notBefore.value.getTime()).toBe(now - 10 * DAY_MS);
    expect(leaf.notAfter.value.getTime()).toBe(now + 10 * DAY_MS);
    expect(dnsNames(leaf)).toEqual(["a.example", "echo-api.amazon.com"]);
    for (const ca of parseCertificates(kit.chainPem).slice(1)) {
      expect(ca.notBefore.value.getTime()).toBeLessThan(now);
      expect(ca.notAfter.value.getTime()).toBeGreaterThan(now);
    }
  });
});
