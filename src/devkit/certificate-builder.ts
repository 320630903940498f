/**
 * Issues one X.509 v3 certificate with pkijs: subject and issuer names, a
 * random positive serial, the validity window (UTCTime before 2050,
 * GeneralizedTime after, as RFC 5280 requires), the subject's RSA public key
 * and the extensions that make the certificate a CA or a TLS server leaf
 * (basicConstraints, keyUsage, subject/authority key identifiers, and for a
 * leaf extKeyUsage and subjectAltName). Signed RSASSA-PKCS1-v1_5 / SHA-256 by
 * the issuer's private key through an explicitly passed crypto engine.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { bytesEqual } from "../shared/bytes.js";

/** A distinguished name; attributes appear in the order C, O, OU, CN. */
export interface DistinguishedName {
  readonly country?: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly commonName?: string;
}

/** What kind of certificate to issue. */
export type CertificateProfile =
  | { readonly kind: "ca"; readonly pathLength?: number }
  | { readonly kind: "leaf"; readonly dnsNames: readonly string[] };

export interface CertificateSpec {
  readonly subject: DistinguishedName;
  readonly subjectPublicKey: CryptoKey;
  readonly issuer: DistinguishedName;
  readonly issuerPublicKey: CryptoKey;
  readonly issuerPrivateKey: CryptoKey;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly profile: CertificateProfile;
}

const OID = {
  country: "2.5.4.6",
  organization: "2.5.4.10",
  organizationalUnit: "2.5.4.11",
  commonName: "2.5.4.3",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
} as const;

const DNS_NAME = 2;

/** Issues and signs one certificate; returns the parsed pkijs object and its DER. */
export async function issueCertificate(
  spec: CertificateSpec,
  engine: pkijs.ICryptoEngine,
): Promise<{ certificate: pkijs.Certificate; der: Uint8Array<ArrayBuffer> }> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: randomSerial(engine.crypto) });
  certificate.subject = buildName(spec.subject);
  certificate.issuer = buildName(spec.issuer);
  certificate.notBefore = toTime(spec.notBefore);
  certificate.notAfter = toTime(spec.notAfter);
  await certificate.subjectPublicKeyInfo.importKey(spec.subjectPublicKey, engine);

  const subjectKeyId = await keyIdentifier(certificate.subjectPublicKeyInfo, engine);
  const issuerKeyId = await keyIdentifier(await publicKeyInfo(spec.issuerPublicKey, engine), engine);
  const selfIssued = bytesEqual(new Uint8Array(subjectKeyId), new Uint8Array(issuerKeyId));
  certificate.extensions = [
    basicConstraints(spec.profile),
    keyUsage(spec.profile),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: subjectKeyId })),
    ...(selfIssued ? [] : [authorityKeyIdentifier(issuerKeyId)]),
    ...(spec.profile.kind === "leaf" ? leafExtensions(spec.profile.dnsNames) : []),
  ];

  await certificate.sign(spec.issuerPrivateKey, "SHA-256", engine);
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  return { certificate, der };
}

/**
 * Builds a Name with one attribute per RDN (as CAs do; pkijs on its own would
 * put all attributes into a single multi-valued RDN). Parsed back from DER so
 * pkijs re-emits exactly these bytes and issuer/subject names match bytewise.
 */
function buildName(name: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const attributes: [string, string | undefined, "printable" | "utf8"][] = [
    [OID.country, name.country, "printable"],
    [OID.organization, name.organization, "utf8"],
    [OID.organizationalUnit, name.organizationalUnit, "utf8"],
    [OID.commonName, name.commonName, "utf8"],
  ];
  const rdns = attributes.flatMap(([type, value, encoding]) => {
    if (value === undefined) return [];
    const asn1Value =
      encoding === "printable" ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    const attribute = new pkijs.AttributeTypeAndValue({ type, value: asn1Value });
    return [new asn1js.Set({ value: [attribute.toSchema()] })];
  });
  const der = new asn1js.Sequence({ value: rdns }).toBER(false);
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

function toTime(date: Date): pkijs.Time {
  const type = date.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime;
  // X.509 times have whole-second precision; drop milliseconds so the value round-trips.
  return new pkijs.Time({ type, value: new Date(Math.floor(date.getTime() / 1000) * 1000) });
}

function randomSerial(crypto: Crypto): ArrayBuffer {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive, no leading zero byte
  return serial.buffer;
}

async function publicKeyInfo(publicKey: CryptoKey, engine: pkijs.ICryptoEngine): Promise<pkijs.PublicKeyInfo> {
  const info = new pkijs.PublicKeyInfo();
  await info.importKey(publicKey, engine);
  return info;
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
function keyIdentifier(info: pkijs.PublicKeyInfo, engine: pkijs.ICryptoEngine): Promise<ArrayBuffer> {
  return engine.crypto.subtle.digest("SHA-1", new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView));
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function basicConstraints(profile: CertificateProfile): pkijs.Extension {
  const value =
    profile.kind === "ca"
      ? new pkijs.BasicConstraints({
          cA: true,
          ...(profile.pathLength === undefined ? {} : { pathLenConstraint: profile.pathLength }),
        })
      : new pkijs.BasicConstraints({ cA: false });
  return extension(OID.basicConstraints, true, value.toSchema());
}

/** keyUsage bits: digitalSignature(0) keyEncipherment(2) keyCertSign(5) cRLSign(6). */
function keyUsage(profile: CertificateProfile): pkijs.Extension {
  const [bits, unusedBits] = profile.kind === "ca" ? [0x86, 1] : [0xa0, 5];
  const value = new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits });
  return extension(OID.keyUsage, true, value);
}

function authorityKeyIdentifier(issuerKeyId: ArrayBuffer): pkijs.Extension {
  const value = new pkijs.AuthorityKeyIdentifier({
    keyIdentifier: new asn1js.OctetString({ valueHex: issuerKeyId }),
  });
  return extension(OID.authorityKeyIdentifier, false, value.toSchema());
}

function leafExtensions(dnsNames: readonly string[]): pkijs.Extension[] {
  const usages = new pkijs.ExtKeyUsage({ keyPurposes: [OID.serverAuth, OID.clientAuth] });
  const extensions = [extension(OID.extKeyUsage, false, usages.toSchema())];
  if (dnsNames.length > 0) {
    const names = new pkijs.GeneralNames({
      names: dnsNames.map((value) => new pkijs.GeneralName({ type: DNS_NAME, value })),
    });
    extensions.push(extension(OID.subjectAltName, false, names.toSchema()));
  }
  return extensions;
}
