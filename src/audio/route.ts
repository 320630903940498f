/**
 * The `/audio/<key>` route for the Worker: `handleAudioRequest` returns `null` when the
 * path is not under the audio prefix (so the Worker can try its other routes), a 405 for
 * methods other than GET and HEAD, a 400 when the path's key is refused (bad
 * percent-encoding, traversal, control characters, too long), and otherwise whatever
 * `serveAudio` answers for the `AUDIO` bucket. With `keyPrefix` set, only keys under it are
 * served (any other key is a 404 without touching R2); by default only audio and card-image
 * types are served. URL signing is on when `AUDIO_URL_SECRET` is set in the environment (or
 * `urlSecret` is passed).
 */

import { audioKeyFromPath, DEFAULT_AUDIO_PREFIX } from "./key.js";
import { defaultAudioLog, type BackgroundTasks, type ServeAudioOptions } from "./options.js";
import { badRequest, methodNotAllowed, notFound } from "./responses.js";
import { serveAudio } from "./serve.js";

/** The bindings the route reads; the Worker's `Env` satisfies it. */
export interface AudioEnv {
  AUDIO: R2Bucket;
  /** Optional secret: when non-empty, audio URLs must be signed (see `signAudioUrl`). */
  AUDIO_URL_SECRET?: string;
}

/**
 * Options of `handleAudioRequest`: the route prefix and the serving options.
 */
export interface AudioRouteOptions extends Omit<ServeAudioOptions, "ctx"> {
  /** Path prefix the route owns; default `/audio/`. */
  prefix?: string;
  /** Only keys that start with this are served (e.g. `"stories/"`); default every key. */
  keyPrefix?: string;
}

/**
 * Serves `/audio/<key>` from `env.AUDIO`, or returns `null` for any other path.
 * @example
 * createAlexaWorker<Env>({ skill, routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx, { keyPrefix: "stories/" })] });
 */
export async function handleAudioRequest(
  request: Request,
  env: AudioEnv,
  ctx?: BackgroundTasks,
  options: AudioRouteOptions = {},
): Promise<Response | null> {
  const { prefix = DEFAULT_AUDIO_PREFIX, keyPrefix = "", ...serveOptions } = options;
  const check = audioKeyFromPath(new URL(request.url).pathname, prefix);
  if (check === null) return null;
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed();
  if (!check.ok) {
    (options.log ?? defaultAudioLog)({ event: "audio_bad_key", reason: check.reason });
    return badRequest();
  }
  if (!check.key.startsWith(keyPrefix)) {
    (options.log ?? defaultAudioLog)({ event: "audio_outside_prefix", key: check.key });
    return notFound();
  }
  const urlSecret = options.urlSecret ?? env.AUDIO_URL_SECRET;
  return serveAudio(request, env.AUDIO, check.key, {
    ...serveOptions,
    ...(urlSecret !== undefined ? { urlSecret } : {}),
    ...(ctx !== undefined ? { ctx } : {}),
  });
}
