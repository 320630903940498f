/**
 * The edge cache in front of R2 for whole-object GETs. Lookups and stores use a clean key
 * request (GET, origin + path, no query, no headers): the query only carries the URL
 * signature, which is checked before the cache is consulted, and a bare key means the
 * Cache API never applies the client's `Range` or conditional headers itself (it would
 * answer 206 or 304 on its own). Only 200s that allow shared caching are stored; 206s
 * never are. Cache failures are logged and never fail the request.
 */

import type { AudioCache, AudioLogEvent, BackgroundTasks } from "./options.js";
import { describeError } from "./options.js";

/** The request under which a path's whole-object response is cached. */
export function audioCacheKey(requestUrl: string): Request {
  const url = new URL(requestUrl);
  return new Request(`${url.origin}${url.pathname}`, { method: "GET" });
}

/** True for a 200 whose Cache-Control lets a shared cache keep it. */
export function isStorableInEdgeCache(response: Response): boolean {
  if (response.status !== 200) return false;
  const cacheControl = (response.headers.get("Cache-Control") ?? "").toLowerCase();
  return !/(?:^|,)\s*(?:no-store|private|no-cache)\b/.test(cacheControl);
}

/** Looks the key up; a failing cache counts as a miss. */
export async function lookUpCached(
  cache: AudioCache,
  cacheKey: Request,
  key: string,
  log: (event: AudioLogEvent) => void,
): Promise<Response | undefined> {
  try {
    const hit = await cache.match(cacheKey);
    return hit?.status === 200 ? hit : undefined;
  } catch (error) {
    log({ event: "audio_cache_failed", key, message: describeError(error) });
    return undefined;
  }
}

/**
 * Stores a copy of `response` and returns the response to send. With a `ctx` the store
 * runs in the background; without one it is awaited (the body is teed, so the copy is
 * read completely before the caller's body is sent: fine in tests, costly for big files).
 */
export async function storeInCache(
  cache: AudioCache,
  cacheKey: Request,
  response: Response,
  key: string,
  log: (event: AudioLogEvent) => void,
  ctx: BackgroundTasks | undefined,
): Promise<Response> {
  if (!isStorableInEdgeCache(response)) return response;
  const copy = response.clone();
  const stored = cache.put(cacheKey, copy).catch((error: unknown) => {
    log({ event: "audio_cache_failed", key, message: describeError(error) });
  });
  if (ctx) ctx.waitUntil(stored);
  else await stored;
  return response;
}
