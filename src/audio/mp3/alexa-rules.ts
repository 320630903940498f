// Alexa's published audio limits as data, the typed violation codes the checks report, and
// Amazon's own ffmpeg conversion command, so every message can say how to fix the file.
// SSML <audio>: MP3, MPEG-2 layer III, 48 kbps, 16000/22050/24000 Hz, at most 240 s.
// AudioPlayer: MP3 at 16-384 kbps, or AAC/MP4, HLS, PLS, M3U.

/**
 * Where the audio will play: SSML `<audio>` or the AudioPlayer interface.
 */
export type AlexaAudioTarget = "ssml" | "audio-player";

/**
 * Alexa's rules for SSML `<audio>`: MPEG-2 layer III, 48 kbps, 16000/22050/24000 Hz, at most 240 s.
 */
export const SSML_AUDIO_RULES = {
  mpegVersion: "2",
  layer: 3,
  bitrateKbps: 48,
  sampleRatesHz: [16000, 22050, 24000],
  maxDurationSeconds: 240,
} as const;

/**
 * Alexa's limits for AudioPlayer streams, as `checkAlexaAudio(bytes, "audio-player")` applies them.
 */
export const AUDIO_PLAYER_RULES = {
  minBitrateKbps: 16,
  maxBitrateKbps: 384,
  otherFormats: ["AAC/MP4", "HLS", "PLS", "M3U"],
} as const;

/** Amazon's documented conversion to SSML-compliant MP3 (arguments between input and output). */
export const AMAZON_SSML_FFMPEG_ARGS: readonly string[] = [
  "-ac", "2", "-codec:a", "libmp3lame", "-b:a", "48k", "-ar", "24000", "-write_xing", "0",
];

/**
 * Amazon's documented ffmpeg command that converts a file for SSML `<audio>`.
 */
export const AMAZON_SSML_CONVERT_COMMAND = `ffmpeg -i in ${AMAZON_SSML_FFMPEG_ARGS.join(" ")} out.mp3`;

/**
 * Stable codes of the audio rules `checkAlexaAudio` enforces.
 */
export type AudioViolationCode =
  | "empty-file"
  | "not-mp3"
  | "unsupported-format"
  | "no-mpeg-frames"
  | "not-layer-3"
  | "not-mpeg-2"
  | "variable-bitrate"
  | "bitrate-not-48-kbps"
  | "bitrate-out-of-range"
  | "sample-rate-not-allowed"
  | "longer-than-240-seconds"
  | "mixed-stream";

/**
 * One broken rule: its code, what was found and what Alexa requires.
 */
export interface AudioViolation {
  readonly code: AudioViolationCode;
  /** One line, says what is wrong, what Alexa needs and how to fix it. */
  readonly message: string;
}

export const CONVERT_HINT = `(convert: ${AMAZON_SSML_CONVERT_COMMAND})`;
