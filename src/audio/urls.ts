/**
 * Building the URLs Alexa fetches audio from, and the places they go. Alexa only fetches
 * over HTTPS, so `audioUrl` always answers `https://<host>/audio/<key>` with the host taken
 * from the incoming request (the Worker's custom domain, whose certificate Alexa accepts;
 * see DESIGN.md "Audio"), each key segment percent-encoded. `ssmlAudioTag` escapes the URL
 * for an SSML attribute, and `audioPlayerStreamUrl` enforces AudioPlayer's rules (https,
 * at most 8000 characters). Bad input is an `AudioUrlError` carrying a tagged reason.
 */

import { DEFAULT_AUDIO_PREFIX, encodeAudioKeyPath, validateAudioKey, type AudioKeyProblem } from "./key.js";
import { escapeXml } from "../shared/xml-escape.js";

/**
 * What was wrong with an audio URL (`AudioUrlError.problem`).
 */
export type AudioUrlProblem =
  | { kind: "bad-key"; problem: AudioKeyProblem }
  | { kind: "bad-origin" }
  | { kind: "invalid-url" }
  | { kind: "not-https" }
  | { kind: "too-long"; length: number; limit: number }
  | { kind: "not-an-audio-url" }
  | { kind: "empty-secret" };

/**
 * The one error type the URL helpers throw; `code` says what was wrong, `problem` the details.
 * @example
 * try {
 *   audioUrl("../secret", { origin: "https://skill.example.com" });
 * } catch (error) {
 *   if (error instanceof AudioUrlError) console.log(error.code); // "bad-key"
 * }
 */
export class AudioUrlError extends Error {
  override readonly name = "AudioUrlError";
  /** Stable code: the problem's kind. */
  readonly code: AudioUrlProblem["kind"];
  constructor(
    readonly problem: AudioUrlProblem,
    options?: { cause?: unknown },
  ) {
    super(`audio URL rejected: ${problem.kind}`, options);
    this.code = problem.kind;
  }
}

/** Alexa's limit on `AudioPlayer.Play` `stream.url`. */
export const AUDIO_PLAYER_URL_MAX_LENGTH = 8000;

/** Where the host comes from: the incoming request (preferred) or an explicit origin. */
export type AudioUrlBase = Request | URL | { origin: string };

/**
 * Options of `audioUrl`.
 */
export interface AudioUrlOptions {
  /** Route prefix; defaults to `/audio/`. */
  prefix?: string;
}

function hostOf(base: AudioUrlBase): string {
  const text = base instanceof Request ? base.url : base instanceof URL ? base.href : base.origin;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new AudioUrlError({ kind: "bad-origin" });
  }
  if (parsed.host === "") throw new AudioUrlError({ kind: "bad-origin" });
  return parsed.host;
}

/**
 * `https://<host><prefix><encoded key>` for a valid key.
 * @example
 * audioUrl("stories/owl.mp3", { origin: "https://skill.example.com" }); // "https://skill.example.com/audio/stories/owl.mp3"
 * audioUrl("stories/owl.mp3", input); // in a handler: the request's own host
 */
export function audioUrl(key: string, base: AudioUrlBase, options: AudioUrlOptions = {}): string {
  const check = validateAudioKey(key);
  if (!check.ok) throw new AudioUrlError({ kind: "bad-key", problem: check.reason });
  const prefix = options.prefix ?? DEFAULT_AUDIO_PREFIX;
  return `https://${hostOf(base)}${prefix}${encodeAudioKeyPath(key)}`;
}

/** Parses an absolute URL; anything unparsable is an `AudioUrlError` "invalid-url". */
export function parseAudioUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new AudioUrlError({ kind: "invalid-url" });
  }
}

function requireHttpsUrl(url: string): void {
  if (parseAudioUrl(url).protocol !== "https:") throw new AudioUrlError({ kind: "not-https" });
}

/**
 * `<audio src="..."/>` for SSML; the URL must be https (Alexa fetches nothing else).
 * @example
 * input.responseBuilder.speak(`Listen. ${ssmlAudioTag(audioUrl("jingle.mp3", input))}`);
 */
export function ssmlAudioTag(url: string): string {
  requireHttpsUrl(url);
  return `<audio src="${escapeXml(url)}"/>`;
}

/**
 * Returns `url` unchanged when AudioPlayer can use it as `stream.url`, else throws.
 * @example
 * input.responseBuilder.directive(audioPlay({ url: audioPlayerStreamUrl(audioUrl("a.mp3", input)), token: "a", behavior: "REPLACE_ALL", offsetInMilliseconds: 0 }));
 */
export function audioPlayerStreamUrl(url: string): string {
  if (url.length > AUDIO_PLAYER_URL_MAX_LENGTH) {
    throw new AudioUrlError({
      kind: "too-long",
      length: url.length,
      limit: AUDIO_PLAYER_URL_MAX_LENGTH,
    });
  }
  requireHttpsUrl(url);
  return url;
}
