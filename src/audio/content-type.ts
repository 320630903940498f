/**
 * The `Content-Type` sent with an audio object: the type stored in R2's HTTP metadata when
 * the uploader set one, otherwise a type inferred from the key's extension, covering the
 * formats Alexa plays (SSML `<audio>`: MP3; AudioPlayer: AAC/MP4, MP3, HLS, PLS, M3U) plus
 * a few common audio containers. Anything unknown is `application/octet-stream`.
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

/**
 * Infers a type from the key's last extension, case-insensitively; unknown extensions are
 * `application/octet-stream`. The audio route and `skillflare dev`'s R2 seeding use it.
 * @example
 * contentTypeForKey("stories/Moon.MP3"); // "audio/mpeg"
 */
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
