/**
 * The generating side of signed audio URLs: takes an audio URL as `audioUrl` builds it,
 * recovers the key from its path exactly as the serving route will, and appends `exp` and
 * `sig` (see `signing.ts` for the canonical string). Any existing `exp`/`sig` are replaced;
 * other query parameters are kept (they are not covered by the signature). A URL that is
 * not under the audio prefix, or whose key is invalid, is an `AudioUrlError`.
 */

import { audioKeyFromPath, DEFAULT_AUDIO_PREFIX } from "./key.js";
import { DEFAULT_SIGNED_URL_LIFETIME_SECONDS, signAudioKey } from "./signing.js";
import { AudioUrlError, parseAudioUrl } from "./urls.js";

export interface SignAudioUrlOptions {
  /** Current time in milliseconds; defaults to `Date.now()`. */
  nowMs?: number;
  /** Seconds until the URL expires; defaults to 24 hours. */
  lifetimeSeconds?: number;
  /** Route prefix; defaults to `/audio/`. */
  prefix?: string;
}

/**
 * Adds `exp` and `sig` to an audio URL, valid for `lifetimeSeconds` from `nowMs`.
 * @example
 * const url = await signAudioUrl(audioUrl("a.mp3", input), input.env.AUDIO_URL_SECRET, { nowMs: input.now() });
 */
export async function signAudioUrl(
  url: string,
  secret: string,
  options: SignAudioUrlOptions = {},
): Promise<string> {
  if (secret === "") throw new AudioUrlError({ kind: "empty-secret" });
  const parsed = parseAudioUrl(url);
  const check = audioKeyFromPath(parsed.pathname, options.prefix ?? DEFAULT_AUDIO_PREFIX);
  if (check === null) throw new AudioUrlError({ kind: "not-an-audio-url" });
  if (!check.ok) throw new AudioUrlError({ kind: "bad-key", problem: check.reason });
  const { exp, sig } = await signAudioKey(
    check.key,
    secret,
    options.nowMs ?? Date.now(),
    options.lifetimeSeconds ?? DEFAULT_SIGNED_URL_LIFETIME_SECONDS,
  );
  parsed.searchParams.set("exp", String(exp));
  parsed.searchParams.set("sig", sig);
  return parsed.href;
}
