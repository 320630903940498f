/**
 * Audio object keys: the rules a key must follow before it reaches R2, and the two
 * conversions between a key and the URL path that names it. A key is the decoded text of
 * the path after the route prefix; it may contain `/` separators but no empty, `.` or `..`
 * segment, no backslash, no control character (so a key can never smuggle a newline into
 * the signed-URL canonical string), no lone surrogate, and at most 1024 UTF-8 bytes (R2's
 * limit). Each problem is a tagged reason; nothing here throws.
 */

export type AudioKeyProblem =
  | "empty"
  | "bad-encoding"
  | "too-long"
  | "control-character"
  | "backslash"
  | "empty-segment"
  | "dot-segment";

/**
 * The outcome of `validateAudioKey`: the key, or why it is refused.
 */
export type AudioKeyCheck = { ok: true; key: string } | { ok: false; reason: AudioKeyProblem };

/** R2's maximum key length, in UTF-8 bytes. */
export const MAX_AUDIO_KEY_BYTES = 1024;

/** The path prefix under which the Worker serves audio. */
export const DEFAULT_AUDIO_PREFIX = "/audio/";

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Checks an already-decoded key against the rules above.
 * @example
 * validateAudioKey("stories/owl.mp3"); // { ok: true, key: "stories/owl.mp3" }
 * validateAudioKey("../secret"); // { ok: false, reason: "dot-segment" }
 */
export function validateAudioKey(key: string): AudioKeyCheck {
  if (key.length === 0) return { ok: false, reason: "empty" };
  if (LONE_SURROGATE.test(key)) return { ok: false, reason: "bad-encoding" };
  if (new TextEncoder().encode(key).byteLength > MAX_AUDIO_KEY_BYTES) {
    return { ok: false, reason: "too-long" };
  }
  if (CONTROL_CHARACTER.test(key)) return { ok: false, reason: "control-character" };
  if (key.includes("\\")) return { ok: false, reason: "backslash" };
  for (const segment of key.split("/")) {
    if (segment === "") return { ok: false, reason: "empty-segment" };
    if (segment === "." || segment === "..") return { ok: false, reason: "dot-segment" };
  }
  return { ok: true, key };
}

/**
 * Extracts the key from a URL pathname (as `new URL(...).pathname` gives it, still
 * percent-encoded). Returns `null` when the path is not under `prefix`, so a router can
 * fall through; otherwise the decoded key or the reason it is refused. Decoding happens
 * before validation, so `%2e%2e`, `%5c` and `%00` are caught as what they decode to.
 */
export function audioKeyFromPath(
  pathname: string,
  prefix: string = DEFAULT_AUDIO_PREFIX,
): AudioKeyCheck | null {
  if (!pathname.startsWith(prefix)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return { ok: false, reason: "bad-encoding" };
  }
  return validateAudioKey(decoded);
}

/**
 * Percent-encodes a key for a URL path, one segment at a time so `/` stays a separator.
 * @example
 * encodeAudioKeyPath("stories/the owl.mp3"); // "stories/the%20owl.mp3"
 */
export function encodeAudioKeyPath(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}
