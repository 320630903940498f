/**
 * A cheap structural check of one DER certificate, without building any
 * ASN.1 objects: the outline RFC 5280 section 4.1 prescribes, read from tags
 * and definite lengths only. Certificate ::= SEQUENCE { tbsCertificate
 * SEQUENCE, signatureAlgorithm SEQUENCE, signatureValue BIT STRING }, and the
 * TBS holds an optional [0] version, an INTEGER serial, five SEQUENCEs
 * (signature, issuer, validity, subject, subjectPublicKeyInfo) and then only
 * the optional [1], [2], [3] fields, in order; every length must end exactly
 * where its parent does, the outer one at the last byte. The served chain is
 * checked this way in full, while only the certificates the path actually
 * uses are handed to pkijs. The shape also gives the subjectPublicKeyInfo
 * bytes exactly as they were signed, and the subject name's DER, which is how
 * an anchor is found for a certificate without building the anchor in pkijs.
 */
import { childrenOf, readWhole, type Tlv } from "./der-reader.js";
import { fail } from "./errors.js";

export interface CertificateShape {
  /** DER SubjectPublicKeyInfo, a view into the certificate's bytes. */
  readonly subjectPublicKeyInfo: Uint8Array;
  /** DER subject Name (the whole SEQUENCE), a view into the certificate's bytes. */
  readonly subject: Uint8Array;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const VERSION = 0xa0;
const TBS_FIELDS = [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE];
const OPTIONAL_TRAILERS: readonly (readonly number[])[] = [
  [0x81, 0xa1], // issuerUniqueID [1]
  [0x82, 0xa2], // subjectUniqueID [2]
  [0xa3], // extensions [3]
];

/** The certificate's outline, or `undefined` if the bytes are not shaped like one. */
export function certificateShape(der: Uint8Array): CertificateShape | undefined {
  const outer = readWhole(der);
  if (outer?.tag !== SEQUENCE) return undefined;
  const [tbs, signatureAlgorithm, signatureValue, ...extra] = childrenOf(der, outer) ?? [];
  if (tbs?.tag !== SEQUENCE || signatureAlgorithm?.tag !== SEQUENCE || signatureValue?.tag !== BIT_STRING || extra.length > 0) return undefined;

  const fields = childrenOf(der, tbs);
  if (fields === undefined) return undefined;
  let next = fields[0]?.tag === VERSION ? 1 : 0;
  for (const tag of TBS_FIELDS) {
    if (fields[next]?.tag !== tag) return undefined;
    next++;
  }
  const spki = fields[next - 1] as Tlv;
  const subject = fields[next - 2] as Tlv;
  for (const tags of OPTIONAL_TRAILERS) {
    const field = fields[next];
    if (field !== undefined && tags.includes(field.tag)) next++;
  }
  if (next !== fields.length) return undefined;
  return { subjectPublicKeyInfo: der.subarray(spki.start, spki.end), subject: der.subarray(subject.start, subject.end) };
}

/** The outline of certificate `index` of a PEM text; throws `invalid-pem` if it has none. */
export function requireCertificateShape(der: Uint8Array, index: number): CertificateShape {
  return certificateShape(der) ?? fail("invalid-pem", `certificate ${index}: not shaped like an X.509 certificate`);
}
