/**
 * What a caller can configure when serving audio, and the events the serving code logs.
 * Every option has a default: the Cache API's `caches.default` when the runtime has one,
 * `public, max-age=86400`, `Date.now`, no URL signing, audio and card images only, and a
 * one-line `console.warn` per
 * refused or failed request (the precise reason goes to the log, the client only ever sees
 * a generic body). Tests inject a cache, a clock and a log sink through the same options.
 */

import type { AudioKeyProblem } from "./key.js";
import type { SignatureFailure } from "./signing.js";

/** The subset of the Cache API the audio route uses; `caches.default` satisfies it. */
export interface AudioCache {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

/** The subset of `ExecutionContext` the audio route uses. */
export interface BackgroundTasks {
  waitUntil(promise: Promise<unknown>): void;
}

export type AudioLogEvent =
  | { event: "audio_bad_key"; reason: AudioKeyProblem }
  | { event: "audio_bad_signature"; reason: SignatureFailure; key: string }
  | { event: "audio_storage_failed"; key: string; message: string }
  | { event: "audio_cache_failed"; key: string; message: string }
  | { event: "audio_refused_type"; key: string; contentType: string }
  | { event: "audio_outside_prefix"; key: string };

export interface ServeAudioOptions {
  /** `Cache-Control` for objects that store none; default `public, max-age=86400`. */
  cacheControl?: string;
  /** Edge cache for full 200 GETs; default `caches.default` if present; `null` disables. */
  cache?: AudioCache | null;
  /** Lets `cache.put` finish after the response is returned (pass the Worker's ctx). */
  ctx?: BackgroundTasks;
  /** When non-empty, every request must carry a valid `exp`/`sig` (see signing.ts). */
  urlSecret?: string;
  /** Clock for signature expiry, in milliseconds; default `Date.now`. */
  now?: () => number;
  /** Where refusals and failures are reported; default `console.warn` of a JSON line. */
  log?: (event: AudioLogEvent) => void;
  /** Which content types are served (others are a 404); default `isDefaultServedType`. */
  servedTypes?: (contentType: string) => boolean;
}

export function defaultAudioCache(): AudioCache | null {
  const storage: CacheStorage | undefined = (globalThis as { caches?: CacheStorage }).caches;
  return storage?.default ?? null;
}

export function defaultAudioLog(event: AudioLogEvent): void {
  console.warn(JSON.stringify(event));
}

/** Error text for logs, whatever was thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
