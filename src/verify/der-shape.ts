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
 * uses are handed to pkijs. Two rules pkijs does not check are checked here,
 * because they cover the bytes outside what the issuer signed: the outer
 * signatureAlgorithm must be byte for byte the TBS's signature field (RFC 5280
 * 4.1.1.2), and the signature BIT STRING must have no unused bits (every
 * signature algorithm yields whole octets). With them, no single-byte change
 * of a certificate on the path leaves it verifying (`npm run scan:chains`
 * checks every byte of the genuine chains). The shape also gives the subjectPublicKeyInfo
 * bytes exactly as they were signed, and the subject name's DER, which is how
 * an anchor is found for a certificate without building the anchor in pkijs.
 */
import { bytesEqual } from "../shared/bytes.js";
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
  const outline = outlineOf(der);
  return typeof outline === "string" ? undefined : outline;
}

/** The outline of certificate `index` of a PEM text; throws `invalid-pem`, saying what is wrong, if it has none. */
export function requireCertificateShape(der: Uint8Array, index: number): CertificateShape {
  const outline = outlineOf(der);
  return typeof outline === "string" ? fail("invalid-pem", `certificate ${index}: ${outline}`) : outline;
}

/** The outline, or why there is none. */
function outlineOf(der: Uint8Array): CertificateShape | string {
  const notShaped = "not shaped like an X.509 certificate";
  const outer = readWhole(der);
  if (outer?.tag !== SEQUENCE) return notShaped;
  const [tbs, signatureAlgorithm, signatureValue, ...extra] = childrenOf(der, outer) ?? [];
  if (tbs?.tag !== SEQUENCE || signatureAlgorithm?.tag !== SEQUENCE || signatureValue?.tag !== BIT_STRING || extra.length > 0) return notShaped;

  const fields = childrenOf(der, tbs);
  if (fields === undefined) return notShaped;
  const first = fields[0]?.tag === VERSION ? 1 : 0;
  let next = first;
  for (const tag of TBS_FIELDS) {
    if (fields[next]?.tag !== tag) return notShaped;
    next++;
  }
  const tbsSignature = fields[first + 1] as Tlv;
  const spki = fields[next - 1] as Tlv;
  const subject = fields[next - 2] as Tlv;
  for (const tags of OPTIONAL_TRAILERS) {
    const field = fields[next];
    if (field !== undefined && tags.includes(field.tag)) next++;
  }
  if (next !== fields.length) return notShaped;
  if (!bytesEqual(der.subarray(signatureAlgorithm.start, signatureAlgorithm.end), der.subarray(tbsSignature.start, tbsSignature.end))) {
    return "signatureAlgorithm differs from the tbsCertificate's signature field (RFC 5280 4.1.1.2)";
  }
  if (signatureValue.contentStart === signatureValue.end || der[signatureValue.contentStart] !== 0) return "signature BIT STRING with unused bits";
  return { subjectPublicKeyInfo: der.subarray(spki.start, spki.end), subject: der.subarray(subject.start, subject.end) };
}
