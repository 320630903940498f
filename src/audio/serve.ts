/**
 * `serveAudio`: answers a GET or HEAD for one R2 object, the way Alexa, browsers and
 * players expect. Order of checks: method (405), key (400), URL signature when a secret is
 * set (403), then storage. HEAD uses `head()`. A GET with a `Range` header reads the
 * metadata first (conditionals, `If-Range`, size for the range), then fetches just that
 * range from R2 with `onlyIf: { etagMatches }` so a concurrent overwrite cannot mix two
 * versions; if the object changed, or the range is ignored, the whole object is sent.
 * A plain GET is one `get()` (with R2's `onlyIf` as a hint so a 304 streams no body;
 * the answer is decided on the returned metadata), fronted by the edge cache. Missing
 * objects are 404, and so are objects of a type the route does not serve (by default only
 * audio and card images: `servedTypes`); R2 failures are 503; our own bugs still throw (500).
 */

import { audioCacheKey, lookUpCached, storeInCache } from "./cache.js";
import { contentTypeFor, isDefaultServedType } from "./content-type.js";
import { evaluatePreconditions, ifRangeAllowsPartial, parseHttpDate } from "./conditional.js";
import { validateAudioKey } from "./key.js";
import { r2PreconditionHint } from "./r2-conditional.js";
import {
  defaultAudioCache,
  defaultAudioLog,
  describeError,
  type AudioLogEvent,
  type ServeAudioOptions,
} from "./options.js";
import { contentRange, decideRange } from "./range.js";
import {
  badRequest,
  DEFAULT_AUDIO_CACHE_CONTROL,
  forbidden,
  methodNotAllowed,
  notFound,
  notModified,
  notModifiedFromHeaders,
  rangeNotSatisfiable,
  representationHeaders,
  storageUnavailable,
  validatorsOf,
} from "./responses.js";
import { verifyAudioSignature } from "./signing.js";

/** Thrown by `fromStorage` only, so that R2 failures (503) are told apart from bugs. */
class AudioStorageError extends Error {
  override readonly name = "AudioStorageError";
  readonly code = "storage-failed";
}

async function fromStorage<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new AudioStorageError(describeError(error), { cause: error });
  }
}

function hasBody(object: R2Object): object is R2ObjectBody {
  return "body" in object;
}

/** Whether the route serves this object's type; a refusal is logged and answered like a miss. */
function servable(context: Context, object: R2Object): boolean {
  const contentType = contentTypeFor(object.key, object.httpMetadata?.contentType);
  if ((context.options.servedTypes ?? isDefaultServedType)(contentType)) return true;
  context.log({ event: "audio_refused_type", key: context.key, contentType });
  return false;
}

interface Context {
  request: Request;
  bucket: R2Bucket;
  key: string;
  options: ServeAudioOptions;
  cacheControl: string;
  log: (event: AudioLogEvent) => void;
}

/** Serves `key` from `bucket` for `request`. Never throws for bad input or missing data. */
export async function serveAudio(
  request: Request,
  bucket: R2Bucket,
  key: string,
  options: ServeAudioOptions = {},
): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed();
  const log = options.log ?? defaultAudioLog;
  const keyCheck = validateAudioKey(key);
  if (!keyCheck.ok) {
    log({ event: "audio_bad_key", reason: keyCheck.reason });
    return badRequest();
  }
  if (options.urlSecret) {
    const nowMs = (options.now ?? Date.now)();
    const query = new URL(request.url).searchParams;
    const check = await verifyAudioSignature(key, query, options.urlSecret, nowMs);
    if (!check.ok) {
      log({ event: "audio_bad_signature", reason: check.reason, key });
      return forbidden();
    }
  }
  const cacheControl = options.cacheControl ?? DEFAULT_AUDIO_CACHE_CONTROL;
  const context: Context = { request, bucket, key, options, cacheControl, log };
  try {
    if (request.method === "HEAD") return await serveHead(context);
    if (request.headers.has("Range")) return await serveRange(context);
    return await serveWhole(context);
  } catch (error) {
    if (!(error instanceof AudioStorageError)) throw error;
    log({ event: "audio_storage_failed", key, message: error.message });
    return storageUnavailable();
  }
}

async function serveHead(context: Context): Promise<Response> {
  const { request, bucket, key, cacheControl } = context;
  const object = await fromStorage(() => bucket.head(key));
  if (object === null || !servable(context, object)) return notFound();
  if (evaluatePreconditions(request.headers, validatorsOf(object)) === "not-modified") {
    return notModified(object, cacheControl);
  }
  const headers = representationHeaders(object, cacheControl);
  headers.set("Content-Length", String(object.size));
  return new Response(null, { status: 200, headers });
}

async function serveRange(context: Context): Promise<Response> {
  const { request, bucket, key, cacheControl } = context;
  const object = await fromStorage(() => bucket.head(key));
  if (object === null || !servable(context, object)) return notFound();
  const validators = validatorsOf(object);
  if (evaluatePreconditions(request.headers, validators) === "not-modified") {
    return notModified(object, cacheControl);
  }
  if (!ifRangeAllowsPartial(request.headers, validators)) return serveWhole(context);
  const decision = decideRange(request.headers.get("Range"), object.size);
  if (decision.kind === "unsatisfiable") return rangeNotSatisfiable(object.size);
  if (decision.kind !== "partial") return serveWhole(context);
  const length = decision.end - decision.start + 1;
  const part = await fromStorage(() =>
    bucket.get(key, {
      range: { offset: decision.start, length },
      onlyIf: { etagMatches: object.etag },
    }),
  );
  if (part === null) return notFound();
  if (!hasBody(part)) return serveWhole(context); // replaced since head(): send it whole
  const headers = representationHeaders(part, cacheControl);
  headers.set("Content-Range", contentRange(decision.start, decision.end, part.size));
  headers.set("Content-Length", String(length));
  return new Response(part.body, { status: 206, headers });
}

async function serveWhole(context: Context): Promise<Response> {
  const { request, bucket, key, options, cacheControl, log } = context;
  const cache = options.cache === undefined ? defaultAudioCache() : options.cache;
  const cacheKey = audioCacheKey(request.url);
  if (cache) {
    const hit = await lookUpCached(cache, cacheKey, key, log);
    if (hit && (options.servedTypes ?? isDefaultServedType)(hit.headers.get("Content-Type") ?? "")) return answerFromCache(request, hit);
    await hit?.body?.cancel();
  }
  const hint = r2PreconditionHint(request.headers);
  const fetched = await fromStorage(() => bucket.get(key, hint ? { onlyIf: hint } : {}));
  if (fetched === null) return notFound();
  if (!servable(context, fetched)) {
    if (hasBody(fetched)) await fetched.body.cancel();
    return notFound();
  }
  if (evaluatePreconditions(request.headers, validatorsOf(fetched)) === "not-modified") {
    if (hasBody(fetched)) await fetched.body.cancel();
    return notModified(fetched, cacheControl);
  }
  // R2 withheld the body on a hint our own evaluation overrules: read it again.
  const object = hasBody(fetched) ? fetched : await fromStorage(() => bucket.get(key));
  if (object === null) return notFound();
  const headers = representationHeaders(object, cacheControl);
  headers.set("Content-Length", String(object.size));
  const response = new Response(object.body, { status: 200, headers });
  return cache ? storeInCache(cache, cacheKey, response, key, log, options.ctx) : response;
}

async function answerFromCache(request: Request, hit: Response): Promise<Response> {
  const etag = hit.headers.get("ETag");
  const lastModified = parseHttpDate(hit.headers.get("Last-Modified") ?? "");
  if (etag !== null && lastModified !== null) {
    if (evaluatePreconditions(request.headers, { etag, lastModified }) === "not-modified") {
      await hit.body?.cancel();
      return notModifiedFromHeaders(hit.headers);
    }
  }
  return new Response(hit.body, hit);
}
