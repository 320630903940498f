/**
 * The `Content-Type` sent with an audio object: the type stored in R2's HTTP metadata when
 * the uploader set one, otherwise a type inferred from the key's extension, covering the
 * formats Alexa plays (SSML `<audio>`: MP3; AudioPlayer: AAC/MP4, MP3, HLS, PLS, M3U) plus
 * a few common audio containers. Anything unknown is `application/octet-stream`. By default
 * the route serves only audio (and the PNG/JPEG images a card may show): a bucket that also
 * holds other files does not publish them.
 */

const TYPES_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ["mp3", "audio/mpeg"],
  ["m4a", "audio/mp4"],
  ["mp4", "audio/mp4"],
  ["aac", "audio/aac"],
  ["m3u8", "application/vnd.apple.mpegurl"],
  ["m3u", "audio/x-mpegurl"],
  ["pls", "audio/x-scpls"],
  ["ts", "video/mp2t"],
  ["ogg", "audio/ogg"],
  ["oga", "audio/ogg"],
  ["opus", "audio/ogg"],
  ["wav", "audio/wav"],
  ["flac", "audio/flac"],
  ["weba", "audio/webm"],
]);

export const FALLBACK_CONTENT_TYPE = "application/octet-stream";

/** Infers a type from the key's last extension, case-insensitively. */
export function contentTypeForKey(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return FALLBACK_CONTENT_TYPE;
  return TYPES_BY_EXTENSION.get(name.slice(dot + 1).toLowerCase()) ?? FALLBACK_CONTENT_TYPE;
}

/** The stored type when present and non-empty, else the inferred one. */
export function contentTypeFor(key: string, storedType: string | undefined): string {
  return storedType !== undefined && storedType.trim() !== "" ? storedType : contentTypeForKey(key);
}

/** Types served besides `audio/*`: playlists and HLS segments Alexa plays, and card images. */
const SERVED_NON_AUDIO_TYPES: ReadonlySet<string> = new Set([
  "application/vnd.apple.mpegurl",
  "application/x-mpegurl",
  "video/mp2t",
  "image/png",
  "image/jpeg",
]);

/**
 * Whether the audio route serves an object of this type by default: `audio/*`, HLS/M3U
 * playlists and segments, and PNG/JPEG card images.
 *
 * @example
 * ```ts
 * isDefaultServedType("audio/mpeg"); // true
 * isDefaultServedType("text/plain; charset=utf-8"); // false
 * ```
 */
export function isDefaultServedType(contentType: string): boolean {
  const type = (contentType.split(";", 1)[0] ?? "").trim().toLowerCase();
  return type.startsWith("audio/") || SERVED_NON_AUDIO_TYPES.has(type);
}
