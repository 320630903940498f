// checkAlexaAudio: the one call a Worker route or the CLI makes. Sniffs the format, analyses
// MP3 frames, and applies the SSML or AudioPlayer rules. Other formats the AudioPlayer accepts
// (MP4/AAC, HLS, M3U, PLS) pass with a note saying what was not checked; for SSML anything but
// MP3 is a violation. Never throws; `ok` is true exactly when there are no violations.

import { type AlexaAudioTarget, type AudioViolation, CONVERT_HINT } from "./alexa-rules.js";
import { analyzeMp3 } from "./analyze.js";
import { audioPlayerViolations } from "./player-rules.js";
import type { Mp3Analysis, Mp3Failure } from "./report.js";
import { AUDIO_PLAYER_OTHER_FORMATS, type SniffedFormat, sniffFormat } from "./sniff.js";
import { ssmlViolations } from "./ssml-rules.js";

/**
 * What `checkAlexaAudio` found: `ok`, the detected format, every violation, notes and the analysis.
 */
export interface AudioCheckResult {
  readonly target: AlexaAudioTarget;
  readonly ok: boolean;
  /** "mp3" when MPEG audio frames were found, otherwise what the first bytes look like. */
  readonly format: "mp3" | SniffedFormat;
  readonly violations: readonly AudioViolation[];
  /** Things worth knowing that do not break a rule (what was not checked, odd structure). */
  readonly notes: readonly string[];
  readonly analysis: Mp3Analysis | null;
}

const FORMAT_NAMES: Record<SniffedFormat, string> = {
  mp4: "MP4/M4A (AAC)",
  "aac-adts": "AAC (ADTS)",
  hls: "an HLS playlist",
  m3u: "an M3U playlist",
  pls: "a PLS playlist",
  wav: "WAV",
  ogg: "Ogg",
  flac: "FLAC",
  unknown: "not recognised audio",
};

/**
 * Checks an MP3 against Alexa's rules for SSML `<audio>` (`"ssml"`: MPEG-2 layer III, 48 kbps,
 * 16000/22050/24000 Hz, <= 240 s) or for AudioPlayer (`"audio-player"`), listing every problem.
 * @example
 * const result = checkAlexaAudio(bytes, "ssml");
 * if (!result.ok) console.log(result.violations);
 */
export function checkAlexaAudio(bytes: Uint8Array, target: AlexaAudioTarget): AudioCheckResult {
  const sniffed = sniffFormat(bytes);
  if (sniffed !== "unknown") return checkOtherFormat(sniffed, target);
  const mp3 = analyzeMp3(bytes);
  if (!mp3.ok) return failed(target, mp3);
  const violations = target === "ssml" ? ssmlViolations(mp3) : audioPlayerViolations(mp3);
  return {
    target,
    ok: violations.length === 0,
    format: "mp3",
    violations,
    notes: mp3.notes.map((note) => note.message),
    analysis: mp3,
  };
}

function checkOtherFormat(format: SniffedFormat, target: AlexaAudioTarget): AudioCheckResult {
  const name = FORMAT_NAMES[format];
  if (target === "audio-player" && AUDIO_PLAYER_OTHER_FORMATS.includes(format)) {
    const notes = [
      format === "mp4" || format === "aac-adts"
        ? `${name}: a format AudioPlayer accepts; codec and bitrate (16-384 kbps) were not checked`
        : `${name}: a format AudioPlayer accepts; the streams it lists were not checked (each must be MP3, AAC/MP4 or HLS at 16-384 kbps)`,
    ];
    return { target, ok: true, format, violations: [], notes, analysis: null };
  }
  const violation: AudioViolation =
    target === "ssml"
      ? { code: "not-mp3", message: `the file is ${name}; Alexa SSML audio must be MP3 ${CONVERT_HINT}` }
      : {
          code: "unsupported-format",
          message: `the file is ${name}; Alexa AudioPlayer plays MP3, AAC/MP4, HLS, PLS or M3U (convert: ffmpeg -i in -codec:a libmp3lame -b:a 128k out.mp3)`,
        };
  return { target, ok: false, format, violations: [violation], notes: [], analysis: null };
}

function failed(target: AlexaAudioTarget, mp3: Mp3Failure): AudioCheckResult {
  const violation: AudioViolation =
    mp3.error === "empty"
      ? { code: "empty-file", message: "the file is empty" }
      : { code: "no-mpeg-frames", message: `no MPEG audio frames found; this is not an MP3 file ${CONVERT_HINT}` };
  return {
    target,
    ok: false,
    format: "unknown",
    violations: [violation],
    notes: mp3.notes.map((note) => note.message),
    analysis: null,
  };
}
