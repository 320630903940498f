// Turns an AudioCheckResult into what the CLI prints: a one-line description of the stream,
// a pass/fail line naming the rule set, one line per violation (code and message), and notes.
// Shared by `audio check`, `audio upload` and `doctor`.

import type { AudioCheckResult, Mp3Analysis } from "skillflare/audio";

export function describeMp3(mp3: Mp3Analysis): string {
  const bitrate =
    mp3.bitrate.mode === "constant"
      ? `${mp3.bitrate.kbps} kbps CBR`
      : `VBR ${mp3.bitrate.minKbps}-${mp3.bitrate.maxKbps} kbps (average ${mp3.bitrate.averageKbps})`;
  return `MP3, MPEG-${mp3.version} layer ${"I".repeat(mp3.layer)}, ${bitrate}, ${mp3.sampleRateHz} Hz, ${mp3.channelMode}, ${mp3.durationSeconds.toFixed(2)} s (${mp3.frameCount} frames)`;
}

export function targetName(result: AudioCheckResult): string {
  return result.target === "ssml" ? "Alexa's SSML <audio> rules" : "Alexa's AudioPlayer rules";
}

export function renderAudioCheck(label: string, result: AudioCheckResult): string[] {
  const lines = [`${label}: ${result.analysis === null ? `format: ${result.format}` : describeMp3(result.analysis)}`];
  if (result.ok) {
    lines.push(`✓ meets ${targetName(result)}`);
  } else {
    lines.push(`✗ does not meet ${targetName(result)}:`);
    for (const violation of result.violations) lines.push(`  - [${violation.code}] ${violation.message}`);
  }
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines;
}

export function audioCheckJson(source: string, result: AudioCheckResult): Record<string, unknown> {
  return {
    source,
    target: result.target,
    ok: result.ok,
    format: result.format,
    violations: result.violations,
    notes: result.notes,
    analysis: result.analysis,
  };
}
