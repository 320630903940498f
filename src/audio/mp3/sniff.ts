// Recognises the non-MP3 formats a skill author is likely to hand us by their first bytes:
// the containers and playlists Alexa's AudioPlayer also accepts (MP4/M4A, ADTS AAC, HLS, M3U,
// PLS) and a few it does not (WAV, Ogg, FLAC). "unknown" means "try it as MP3".

import { matches } from "./bytes.js";

/**
 * A container recognised from its first bytes.
 */
export type SniffedFormat = "mp4" | "aac-adts" | "hls" | "m3u" | "pls" | "wav" | "ogg" | "flac" | "unknown";

/** Formats Alexa's AudioPlayer accepts besides MP3. */
export const AUDIO_PLAYER_OTHER_FORMATS: readonly SniffedFormat[] = ["mp4", "aac-adts", "hls", "m3u", "pls"];

const TEXT_PROBE_BYTES = 4096;

/**
 * Names the container a file really is from its first bytes (MP3, WAV, Ogg, FLAC, MP4, ...),
 * so a mislabelled upload gets a clear message.
 * @example
 * sniffFormat(new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt ")); // "wav"
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (matches(bytes, 4, "ftyp")) return "mp4";
  if (matches(bytes, 0, "RIFF") && matches(bytes, 8, "WAVE")) return "wav";
  if (matches(bytes, 0, "OggS")) return "ogg";
  if (matches(bytes, 0, "fLaC")) return "flac";
  // ADTS: 12-bit sync then layer bits 00, which MPEG audio reserves, so no MP3 frame matches.
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xf6) === 0xf0) return "aac-adts";
  const text = leadingText(bytes);
  if (text.startsWith("#EXTM3U")) return text.includes("#EXT-X-") ? "hls" : "m3u";
  if (text.toLowerCase().startsWith("[playlist]")) return "pls";
  if (/^https?:\/\/\S+/i.test(text)) return "m3u";
  return "unknown";
}

/** The first few KB as Latin-1 text, without a UTF-8 BOM and leading whitespace. */
function leadingText(bytes: Uint8Array): string {
  const start = matches(bytes, 0, "\xef\xbb\xbf") ? 3 : 0;
  const end = Math.min(bytes.length, start + TEXT_PROBE_BYTES);
  let text = "";
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text.trimStart();
}
