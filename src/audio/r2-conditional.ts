/**
 * Translates a request's `If-None-Match` / `If-Modified-Since` into R2's `onlyIf`, so that
 * a GET that will end in 304 does not make R2 start streaming a body. It is only a hint:
 * the answer is always decided by `evaluatePreconditions` on the object's metadata, and the
 * caller re-reads the object if R2 withheld a body that turns out to be needed. Only the
 * forms R2 can express exactly are translated (one entity tag, or a usable date); `*`, lists
 * and anything unparsable or out of range give no hint.
 */

import { parseEntityTag, usableIfModifiedSince } from "./conditional.js";

export function r2PreconditionHint(headers: Headers): R2Conditional | undefined {
  const ifNoneMatch = headers.get("If-None-Match");
  if (ifNoneMatch !== null) {
    const tag = parseEntityTag(ifNoneMatch);
    return tag === null ? undefined : { etagDoesNotMatch: tag.opaque.slice(1, -1) };
  }
  const since = usableIfModifiedSince(headers);
  return since === null ? undefined : { uploadedAfter: since, secondsGranularity: true };
}
