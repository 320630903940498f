/**
 * The kit's local certificate authority, shaped exactly like Amazon's
 * echo-api chain since 2018: an old "Class 2" root cross-signs a "Services
 * Root G2", which cross-signs a "Root CA 1", which issues a "Server CA 1B"
 * intermediate, which issues the echo-api.amazon.com leaf. G2 and Root CA 1
 * also exist as self-signed certificates (same names, same keys) that serve as
 * trust anchors. Every name carries a "skillflare dev" prefix so nobody
 * mistakes these certificates for Amazon's.
 */
import type * as pkijs from "pkijs";
import { issueCertificate, type CertificateProfile, type DistinguishedName } from "./certificate-builder.js";
import { derToPem } from "./encoding.js";
import type { DevKitKeyPairs } from "./keys.js";

/** Every certificate of the kit, as PEM. */
export interface DevKitCertificatesPem {
  readonly leaf: string;
  readonly intermediate: string;
  readonly rootCa1CrossSigned: string;
  readonly servicesRootG2CrossSigned: string;
  readonly rootCa1SelfSigned: string;
  readonly servicesRootG2SelfSigned: string;
  readonly class2Root: string;
}

export interface LeafProfile {
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly dnsNames: readonly string[];
  readonly commonName: string;
}

export interface DevCaSpec {
  readonly keyPairs: DevKitKeyPairs;
  readonly now: Date;
  readonly namePrefix: string;
  readonly leaf: LeafProfile;
  readonly engine: pkijs.ICryptoEngine;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/** The served chain: leaf, intermediate, Root CA 1 by G2, G2 by Class 2. */
export function servedChainPem(certificates: DevKitCertificatesPem): string {
  const { leaf, intermediate, rootCa1CrossSigned, servicesRootG2CrossSigned } = certificates;
  return [leaf, intermediate, rootCa1CrossSigned, servicesRootG2CrossSigned].join("");
}

/** The trust anchors: self-signed Root CA 1, then self-signed Services Root G2. */
export function anchorPems(certificates: DevKitCertificatesPem): string[] {
  return [certificates.rootCa1SelfSigned, certificates.servicesRootG2SelfSigned];
}

/** Issues all seven certificates of the kit. */
export async function issueDevCertificates(spec: DevCaSpec): Promise<DevKitCertificatesPem> {
  const { keyPairs: keys, now, namePrefix: prefix } = spec;
  const names = {
    class2Root: { country: "US", organization: `${prefix} Technologies`, organizationalUnit: `${prefix} Class 2 Certification Authority` },
    servicesRootG2: { country: "US", organization: `${prefix} Technologies`, commonName: `${prefix} Services Root Certificate Authority - G2` },
    rootCa1: { country: "US", organization: prefix, commonName: `${prefix} Root CA 1` },
    intermediate: { country: "US", organization: prefix, organizationalUnit: "Server CA 1B", commonName: prefix },
    leaf: { organization: prefix, commonName: spec.leaf.commonName },
  } satisfies Record<keyof DevKitKeyPairs, DistinguishedName>;
  const window = (yearsBack: number, yearsAhead: number) => ({
    notBefore: new Date(now.getTime() - yearsBack * YEAR_MS),
    notAfter: new Date(now.getTime() + yearsAhead * YEAR_MS),
  });
  const issue = async (
    subject: keyof DevKitKeyPairs,
    issuer: keyof DevKitKeyPairs,
    validity: { notBefore: Date; notAfter: Date },
    profile: CertificateProfile,
  ): Promise<string> => {
    const { der } = await issueCertificate(
      {
        subject: names[subject],
        subjectPublicKey: keys[subject].publicKey,
        issuer: names[issuer],
        issuerPublicKey: keys[issuer].publicKey,
        issuerPrivateKey: keys[issuer].privateKey,
        ...validity,
        profile,
      },
      spec.engine,
    );
    return derToPem(der);
  };

  const ca = { kind: "ca" } as const;
  const [class2Root, servicesRootG2SelfSigned, servicesRootG2CrossSigned, rootCa1SelfSigned, rootCa1CrossSigned, intermediate, leaf] =
    await Promise.all([
      issue("class2Root", "class2Root", window(10, 20), ca),
      issue("servicesRootG2", "servicesRootG2", window(5, 15), ca),
      issue("servicesRootG2", "class2Root", window(5, 14), ca),
      issue("rootCa1", "rootCa1", window(3, 13), ca),
      issue("rootCa1", "servicesRootG2", window(3, 12), ca),
      issue("intermediate", "rootCa1", window(2, 8), { kind: "ca", pathLength: 0 }),
      issue("leaf", "intermediate", spec.leaf, { kind: "leaf", dnsNames: spec.leaf.dnsNames }),
    ]);
  return {
    leaf,
    intermediate,
    rootCa1CrossSigned,
    servicesRootG2CrossSigned,
    rootCa1SelfSigned,
    servicesRootG2SelfSigned,
    class2Root,
  };
}
