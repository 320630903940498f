/**
 * The headers and small bodies of every audio response. Representation headers come from
 * the R2 object: `ETag` (R2's quoted `httpEtag`), `Last-Modified` (`uploaded`),
 * `Content-Type` (stored, else inferred from the key), `Content-Disposition` and
 * `Content-Language` when stored, and `Cache-Control` (stored per object, else the route's
 * setting). `Content-Encoding` is deliberately not forwarded: byte ranges of an encoded
 * body confuse players, and workerd would re-encode the body. Errors are short text bodies.
 */

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

/** A short plain-text answer for errors. */
export function textResponse(status: number, body: string, extra: HeadersInit = {}): Response {
  const headers = new Headers(extra);
  headers.set("Content-Type", "text/plain; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  return new Response(body, { status, headers });
}

export function methodNotAllowed(): Response {
  return textResponse(405, "Method Not Allowed\n", { Allow: ALLOWED_METHODS });
}

export function badRequest(): Response {
  return textResponse(400, "Bad Request\n");
}

export function forbidden(): Response {
  return textResponse(403, "Forbidden\n");
}

export function notFound(): Response {
  return textResponse(404, "Not Found\n");
}

export function rangeNotSatisfiable(size: number): Response {
  return textResponse(416, "Range Not Satisfiable\n", {
    "Content-Range": unsatisfiedContentRange(size),
    "Accept-Ranges": "bytes",
  });
}

export function storageUnavailable(): Response {
  return textResponse(503, "Audio storage unavailable\n", { "Retry-After": "5" });
}
