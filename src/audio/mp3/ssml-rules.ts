// The SSML <audio> checks over an MP3 analysis: MPEG-2 layer III, constant 48 kbps, a sample
// rate of 16000, 22050 or 24000 Hz, at most 240 s, one consistent stream. Each broken rule
// becomes its own violation whose message carries Amazon's conversion command.

import { type AudioViolation, CONVERT_HINT, SSML_AUDIO_RULES } from "./alexa-rules.js";
import type { Mp3Analysis } from "./report.js";

export function ssmlViolations(mp3: Mp3Analysis): AudioViolation[] {
  const violations: AudioViolation[] = [];
  if (mp3.layer !== SSML_AUDIO_RULES.layer) {
    violations.push({
      code: "not-layer-3",
      message: `the file is MPEG layer ${mp3.layer} (MP${mp3.layer}); Alexa SSML audio must be MP3 (layer III) ${CONVERT_HINT}`,
    });
  }
  if (mp3.version !== SSML_AUDIO_RULES.mpegVersion) {
    violations.push({
      code: "not-mpeg-2",
      message: `the file is MPEG-${mp3.version} (sample rate ${mp3.sampleRateHz} Hz); Alexa SSML audio must be MPEG-2 (16000, 22050 or 24000 Hz) ${CONVERT_HINT}`,
    });
  }
  if (mp3.bitrate.mode === "variable") {
    violations.push({
      code: "variable-bitrate",
      message: `the bitrate varies from ${mp3.bitrate.minKbps} to ${mp3.bitrate.maxKbps} kbps (VBR, average ${mp3.bitrate.averageKbps} kbps); Alexa SSML audio must be constant 48 kbps ${CONVERT_HINT}`,
    });
  } else if (mp3.bitrate.kbps !== SSML_AUDIO_RULES.bitrateKbps) {
    violations.push({
      code: "bitrate-not-48-kbps",
      message: `bitrate is ${mp3.bitrate.kbps} kbps; Alexa SSML audio must be 48 kbps ${CONVERT_HINT}`,
    });
  }
  if (!(SSML_AUDIO_RULES.sampleRatesHz as readonly number[]).includes(mp3.sampleRateHz)) {
    violations.push({
      code: "sample-rate-not-allowed",
      message: `sample rate is ${mp3.sampleRateHz} Hz; Alexa SSML audio must be 16000, 22050 or 24000 Hz ${CONVERT_HINT}`,
    });
  }
  if (mp3.durationSeconds > SSML_AUDIO_RULES.maxDurationSeconds) {
    violations.push({
      code: "longer-than-240-seconds",
      message: `duration is ${mp3.durationSeconds.toFixed(1)} s; one Alexa SSML audio file may last at most 240 s (split or trim it, e.g. add -t 240 to the ffmpeg conversion)`,
    });
  }
  if (mp3.mixedStream) violations.push(mixedStreamViolation());
  return violations;
}

export function mixedStreamViolation(): AudioViolation {
  return {
    code: "mixed-stream",
    message: `the MPEG version, layer or sample rate changes partway through the file (concatenated files?); re-encode it as one stream ${CONVERT_HINT}`,
  };
}
