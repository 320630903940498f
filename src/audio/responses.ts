/**
 * The headers and small bodies of every audio response. Representation headers come from
 * the R2 object: `ETag` (R2's quoted `httpEtag`), `Last-Modified` (`uploaded`),
 * `Content-Type` (stored, else inferred from the key), `Content-Disposition` and
 * `Content-Language` when stored, and `Cache-Control` (stored per object, else the route's
 * setting). `Content-Encoding` is deliberately not forwarded: byte ranges of an encoded
 * body confuse players, and workerd would re-encode the body. Errors are the one `HttpError`
 * JSON body every route uses (src/shared/http-error.ts), so they look like the Worker's own.
 */

import { HttpError, type HttpErrorCode } from "../shared/http-error.js";
import { contentTypeFor } from "./content-type.js";
import type { Validators } from "./conditional.js";
import { unsatisfiedContentRange } from "./range.js";

/** Default `Cache-Control`: a day, for clients, Cloudflare's edge cache and Alexa alike. */
export const DEFAULT_AUDIO_CACHE_CONTROL = "public, max-age=86400";

export const ALLOWED_METHODS = "GET, HEAD";

/** The validators of an R2 object, as the conditional logic wants them. */
export function validatorsOf(object: R2Object): Validators {
  return { etag: object.httpEtag, lastModified: object.uploaded };
}

/** Headers shared by 200, 206 and HEAD answers (Content-Length is set by the caller). */
export function representationHeaders(object: R2Object, cacheControl: string): Headers {
  const headers = new Headers();
  const stored = object.httpMetadata ?? {};
  headers.set("Content-Type", contentTypeFor(object.key, stored.contentType));
  if (stored.contentDisposition) headers.set("Content-Disposition", stored.contentDisposition);
  if (stored.contentLanguage) headers.set("Content-Language", stored.contentLanguage);
  headers.set("Accept-Ranges", "bytes");
  headers.set("ETag", object.httpEtag);
  headers.set("Last-Modified", object.uploaded.toUTCString());
  headers.set("Cache-Control", stored.cacheControl || cacheControl);
  headers.set("X-Content-Type-Options", "nosniff");
  return headers;
}

/** 304: the validators and caching headers a 200 would have carried, no body. */
export function notModified(object: R2Object, cacheControl: string): Response {
  return notModifiedFromHeaders(representationHeaders(object, cacheControl));
}

/** 304 built from a cached 200's headers (the cache hit path has no R2 object). */
export function notModifiedFromHeaders(source: Headers): Response {
  const headers = new Headers();
  for (const name of ["ETag", "Last-Modified", "Cache-Control"]) {
    const value = source.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}

/** The audio route's failures, as the one `HttpError` every route answers with. */
function failure(status: number, code: HttpErrorCode, detail: string, headers: Record<string, string> = {}): Response {
  return new HttpError(status, code, detail, { headers }).toResponse();
}

export function methodNotAllowed(): Response {
  return failure(405, "method-not-allowed", "audio is GET and HEAD only", { Allow: ALLOWED_METHODS });
}

export function badRequest(): Response {
  return failure(400, "bad-request", "bad audio key");
}

export function forbidden(): Response {
  return failure(403, "forbidden", "bad audio URL signature");
}

export function notFound(): Response {
  return failure(404, "not-found", "no such audio object");
}

export function rangeNotSatisfiable(size: number): Response {
  return failure(416, "range-not-satisfiable", `object is ${size} bytes`, {
    "Content-Range": unsatisfiedContentRange(size),
    "Accept-Ranges": "bytes",
  });
}

export function storageUnavailable(): Response {
  return failure(503, "service-unavailable", "audio storage failed", { "Retry-After": "5" });
}
