/**
 * The smallest DER reader the verifier needs: one tag-length-value at a time,
 * single-byte tags, definite lengths of at most three length octets (16 MiB),
 * every value bounded by its parent. It builds no objects beyond the offsets,
 * which is why the structural checks that run on every served certificate
 * (der-shape.ts) and the SAN check use it instead of asn1js. Anything outside
 * those rules reads as `undefined`, and callers treat that as malformed.
 */

export interface Tlv {
  readonly tag: number;
  /** Offset of the tag byte. */
  readonly start: number;
  readonly contentStart: number;
  /** Offset just past the value. */
  readonly end: number;
}

/** The TLV at `offset`, which must end at or before `limit`. */
export function readTlv(der: Uint8Array, offset: number, limit: number): Tlv | undefined {
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

/** The TLVs inside `parent`, which must fill it exactly. */
export function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const found: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(der, offset, parent.end);
    if (child === undefined) return undefined;
    found.push(child);
    offset = child.end;
  }
  return found;
}

/** The single TLV that `der` consists of, with nothing after it. */
export function readWhole(der: Uint8Array): Tlv | undefined {
  const tlv = readTlv(der, 0, der.length);
  return tlv?.end === der.length ? tlv : undefined;
}
