/**
 * The `Range` request header (RFC 9110 section 14.1.2 and 14.2), decided against the
 * object's size. Only single `bytes` ranges are honoured: `a-b`, `a-` and `-n`. A header
 * that does not parse, uses another unit, or asks for several ranges is reported as
 * `ignored`, and the caller answers 200 with the whole object, which RFC 9110 allows ("a
 * server MAY ignore the Range header field"); that keeps multipart/byteranges out of the
 * Worker, and no audio client we target (Alexa, browsers, ffmpeg) sends several ranges.
 * Positions are parsed as BigInt so huge numbers are compared exactly, then clamped to the
 * size; the result never throws and a partial range always lies inside the object.
 */

export type RangeDecision =
  | { kind: "absent" }
  | { kind: "ignored"; reason: "malformed" | "unknown-unit" | "multiple-ranges" }
  | { kind: "unsatisfiable" }
  | { kind: "partial"; start: number; end: number };

/** Longer headers are treated as malformed without being parsed. */
const MAX_RANGE_HEADER_LENGTH = 1024;

const BYTES_UNIT = /^bytes=/i;
const INT_RANGE = /^(\d+)-(\d*)$/;
const SUFFIX_RANGE = /^-(\d+)$/;

/**
 * Decides what to serve for `header` (null when the request has none) given an object of
 * `size` bytes. `end` is inclusive, as in `Content-Range`.
 */
export function decideRange(header: string | null, size: number): RangeDecision {
  if (header === null) return { kind: "absent" };
  if (header.length > MAX_RANGE_HEADER_LENGTH) return { kind: "ignored", reason: "malformed" };
  const trimmed = header.trim();
  if (!BYTES_UNIT.test(trimmed)) {
    return /^[!#$%&'*+.^_`|~0-9a-z-]+=/i.test(trimmed)
      ? { kind: "ignored", reason: "unknown-unit" }
      : { kind: "ignored", reason: "malformed" };
  }
  const specs = trimmed
    .slice("bytes=".length)
    .split(",")
    .map((spec) => spec.trim());
  // RFC 9110's list rule lets senders add empty elements; recipients skip them.
  const nonEmpty = specs.filter((spec) => spec !== "");
  const only = nonEmpty[0];
  if (only === undefined) return { kind: "ignored", reason: "malformed" };
  if (!nonEmpty.every(isRangeSpec)) return { kind: "ignored", reason: "malformed" };
  if (nonEmpty.length > 1) return { kind: "ignored", reason: "multiple-ranges" };
  return resolveSpec(only, BigInt(size));
}

function isRangeSpec(spec: string): boolean {
  const intRange = INT_RANGE.exec(spec);
  if (intRange) {
    const [, first = "", last = ""] = intRange;
    return last === "" || BigInt(last) >= BigInt(first);
  }
  return SUFFIX_RANGE.test(spec);
}

function resolveSpec(spec: string, size: bigint): RangeDecision {
  const suffix = SUFFIX_RANGE.exec(spec);
  if (suffix) {
    const length = BigInt(suffix[1] ?? "0");
    if (length === 0n || size === 0n) return { kind: "unsatisfiable" };
    const start = length >= size ? 0n : size - length;
    return partial(start, size - 1n);
  }
  const [, first = "", last = ""] = INT_RANGE.exec(spec) ?? [];
  const start = BigInt(first);
  if (start >= size) return { kind: "unsatisfiable" };
  const requestedEnd = last === "" ? size - 1n : BigInt(last);
  return partial(start, requestedEnd < size ? requestedEnd : size - 1n);
}

function partial(start: bigint, end: bigint): RangeDecision {
  return { kind: "partial", start: Number(start), end: Number(end) };
}

/** The `Content-Range` value for a partial response. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** The `Content-Range` value that goes with a 416. */
export function unsatisfiedContentRange(size: number): string {
  return `bytes */${size}`;
}
