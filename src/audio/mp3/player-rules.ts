// The AudioPlayer checks over an MP3 analysis: layer III (MP3) of any MPEG version at
// 16-384 kbps. For VBR the average bitrate is what is held to the range (single quiet frames
// below 16 kbps are normal in VBR); the range of frame bitrates is shown in the message.

import { type AudioViolation, AUDIO_PLAYER_RULES } from "./alexa-rules.js";
import type { Mp3Analysis } from "./report.js";
import { mixedStreamViolation } from "./ssml-rules.js";

const PLAYER_HINT = "(re-encode, e.g. ffmpeg -i in -codec:a libmp3lame -b:a 128k out.mp3)";

export function audioPlayerViolations(mp3: Mp3Analysis): AudioViolation[] {
  const violations: AudioViolation[] = [];
  if (mp3.layer !== 3) {
    violations.push({
      code: "not-layer-3",
      message: `the file is MPEG layer ${mp3.layer} (MP${mp3.layer}); Alexa AudioPlayer plays MP3 (layer III), AAC/MP4, HLS, PLS or M3U ${PLAYER_HINT}`,
    });
  }
  const kbps = mp3.bitrate.mode === "constant" ? mp3.bitrate.kbps : mp3.bitrate.averageKbps;
  if (kbps < AUDIO_PLAYER_RULES.minBitrateKbps || kbps > AUDIO_PLAYER_RULES.maxBitrateKbps) {
    const described =
      mp3.bitrate.mode === "constant"
        ? `bitrate is ${kbps} kbps`
        : `average bitrate is ${kbps} kbps (VBR ${mp3.bitrate.minKbps}-${mp3.bitrate.maxKbps} kbps)`;
    violations.push({
      code: "bitrate-out-of-range",
      message: `${described}; Alexa AudioPlayer needs 16-384 kbps ${PLAYER_HINT}`,
    });
  }
  if (mp3.mixedStream) violations.push(mixedStreamViolation());
  return violations;
}
