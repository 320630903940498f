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
 * bytes exactly as they were signed.
 */

export interface CertificateShape {
  /** DER SubjectPublicKeyInfo, a view into the certificate's bytes. */
  readonly subjectPublicKeyInfo: Uint8Array;
}

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const VERSION = 0xa0;
const OPTIONAL_TRAILERS: readonly (readonly number[])[] = [
  [0x81, 0xa1], // issuerUniqueID [1]
  [0x82, 0xa2], // subjectUniqueID [2]
  [0xa3], // extensions [3]
];

/** The certificate's outline, or `undefined` if the bytes are not shaped like one. */
export function certificateShape(der: Uint8Array): CertificateShape | undefined {
  const outer = readTlv(der, 0, der.length);
  if (outer?.tag !== SEQUENCE || outer.end !== der.length) return undefined;
  const [tbs, signatureAlgorithm, signatureValue, ...extra] = children(der, outer) ?? [];
  if (tbs?.tag !== SEQUENCE || signatureAlgorithm?.tag !== SEQUENCE || signatureValue?.tag !== BIT_STRING || extra.length > 0) return undefined;

  const fields = children(der, tbs);
  if (fields === undefined) return undefined;
  let next = fields[0]?.tag === VERSION ? 1 : 0;
  const expected = [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE];
  for (const tag of expected) {
    if (fields[next]?.tag !== tag) return undefined;
    next++;
  }
  const spki = fields[next - 1] as Tlv;
  for (const tags of OPTIONAL_TRAILERS) {
    const field = fields[next];
    if (field !== undefined && tags.includes(field.tag)) next++;
  }
  if (next !== fields.length) return undefined;
  return { subjectPublicKeyInfo: der.subarray(spki.start, spki.end) };
}

/** The TLVs inside a constructed value, which must fill it exactly. */
function children(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const found: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(der, offset, parent.end);
    if (child === undefined) return undefined;
    found.push(child);
    offset = child.end;
  }
  return offset === parent.end ? found : undefined;
}

/** One tag-length-value at `offset`; single-byte tags and definite lengths only. */
function readTlv(der: Uint8Array, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = der[offset] as number;
  if ((tag & 0x1f) === 0x1f) return undefined;
  const first = der[offset + 1] as number;
  let length = first;
  let contentStart = offset + 2;
  if (first >= 0x80) {
    const octets = first & 0x7f;
    if (octets === 0 || octets > 3 || contentStart + octets > limit) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (der[contentStart + i] as number);
    contentStart += octets;
  }
  const end = contentStart + length;
  return end <= limit ? { tag, start: offset, contentStart, end } : undefined;
}
