/**
 * Conditional requests (RFC 9110 section 13) evaluated against an object's validators: its
 * entity tag (R2's quoted `httpEtag`) and its last-modified time (R2's `uploaded`).
 * `If-None-Match` uses the weak comparison and takes precedence over `If-Modified-Since`,
 * which is only looked at when there is no `If-None-Match`; either one yields 304 for GET
 * and HEAD. `If-Range` uses the strong comparison (or an exact date match) and decides
 * whether a `Range` header is honoured or the whole object is sent. `If-Match` and
 * `If-Unmodified-Since` are not evaluated: they guard writes, and this route only reads.
 * An `If-Modified-Since` that is no usable date (unparsable, before 1970, or more than a day
 * after the server's clock, e.g. `Fri, 31 Dec 9999 23:59:59 GMT`) is ignored, as RFC 9110
 * section 13.1.3 asks of an invalid one; R2 itself refuses such dates.
 */

export interface Validators {
  /** Quoted entity tag, e.g. `"abc"` or `W/"abc"`. */
  etag: string;
  lastModified: Date;
}

export type PreconditionOutcome = "not-modified" | "proceed";

interface EntityTag {
  weak: boolean;
  opaque: string;
}

const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/** Parses one entity-tag, or null when it is not one. */
export function parseEntityTag(text: string): EntityTag | null {
  const match = ENTITY_TAG.exec(text.trim());
  if (!match) return null;
  return { weak: match[1] !== undefined, opaque: match[2] ?? "" };
}

/** Weak comparison: the opaque tags are equal, whatever their weakness. */
function weakMatch(a: EntityTag, b: EntityTag): boolean {
  return a.opaque === b.opaque;
}

/** Strong comparison: both tags strong and their opaque tags equal. */
function strongMatch(a: EntityTag, b: EntityTag): boolean {
  return !a.weak && !b.weak && a.opaque === b.opaque;
}

/**
 * True when an `If-None-Match` value matches the current tag: `*` matches any existing
 * object; otherwise any listed tag matching weakly. Entries that do not parse are skipped.
 */
export function ifNoneMatchMatches(header: string, currentEtag: string): boolean {
  if (header.trim() === "*") return true;
  const current = parseEntityTag(currentEtag);
  if (current === null) return false;
  return splitList(header).some((entry) => {
    const tag = parseEntityTag(entry);
    return tag !== null && weakMatch(tag, current);
  });
}

/** Splits a comma list of entity tags without breaking a quoted tag containing a comma. */
function splitList(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"|[^,\s]+/g) ?? [];
}

/** HTTP dates carry whole seconds; compare at that granularity. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** An HTTP date header's value as a Date, or null when it does not parse. */
export function parseHttpDate(text: string): Date | null {
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? null : new Date(millis);
}

const DAY_MS = 86_400_000;

/** The `If-Modified-Since` date when it is usable (see the module comment), else null. */
export function usableIfModifiedSince(headers: Headers, nowMs: number = Date.now()): Date | null {
  const value = headers.get("If-Modified-Since");
  const since = value === null ? null : parseHttpDate(value);
  if (since === null) return null;
  const ms = since.getTime();
  return ms >= 0 && ms <= nowMs + DAY_MS ? since : null;
}

/** Evaluates `If-None-Match` and, failing that, `If-Modified-Since` (GET/HEAD only). */
export function evaluatePreconditions(headers: Headers, current: Validators, nowMs: number = Date.now()): PreconditionOutcome {
  const ifNoneMatch = headers.get("If-None-Match");
  if (ifNoneMatch !== null) {
    return ifNoneMatchMatches(ifNoneMatch, current.etag) ? "not-modified" : "proceed";
  }
  const since = usableIfModifiedSince(headers, nowMs);
  if (since !== null && wholeSeconds(current.lastModified) <= wholeSeconds(since)) return "not-modified";
  return "proceed";
}

/**
 * Whether the `Range` header may be honoured given `If-Range`: true when there is no
 * `If-Range`, when its entity tag strongly matches, or when its date equals the
 * last-modified time to the second. A weak tag or an unparsable value never matches, and
 * the whole object is sent, which is what a resuming client needs after a change.
 */
export function ifRangeAllowsPartial(headers: Headers, current: Validators): boolean {
  const ifRange = headers.get("If-Range");
  if (ifRange === null) return true;
  const trimmed = ifRange.trim();
  if (trimmed.startsWith('"') || trimmed.startsWith("W/")) {
    const requested = parseEntityTag(trimmed);
    const currentTag = parseEntityTag(current.etag);
    return requested !== null && currentTag !== null && strongMatch(requested, currentTag);
  }
  const date = parseHttpDate(trimmed);
  return date !== null && wholeSeconds(date) === wholeSeconds(current.lastModified);
}
