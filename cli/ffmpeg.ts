// Converts any audio ffmpeg can read into Alexa's SSML format with Amazon's documented
// settings (stereo, libmp3lame, 48 kbps CBR, 24000 Hz, no Xing header), plus -vn so embedded
// cover art is dropped. Reports progress as a fraction of the input's duration when known.

import { AMAZON_SSML_FFMPEG_ARGS } from "skillflare/audio";
import type { CommandRunner } from "./process.js";

export interface ConvertOptions {
  readonly ffmpegPath?: string;
  readonly timeoutMs?: number;
  /** Called with seconds converted and, once ffmpeg has printed it, the input duration. */
  readonly onProgress?: (doneSeconds: number, totalSeconds: number | null) => void;
}

export type ConvertResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export async function ffmpegAvailable(run: CommandRunner, ffmpegPath = "ffmpeg"): Promise<boolean> {
  const outcome = await run(ffmpegPath, ["-hide_banner", "-version"], { timeoutMs: 10_000 });
  return outcome.code === 0;
}

/** The exact ffmpeg arguments used, for display and tests. */
export function ssmlConversionArgs(input: string, output: string): string[] {
  return ["-hide_banner", "-nostdin", "-nostats", "-y", "-i", input, "-vn", ...AMAZON_SSML_FFMPEG_ARGS, "-progress", "pipe:1", output];
}

export async function convertForSsml(
  run: CommandRunner,
  input: string,
  output: string,
  options: ConvertOptions = {},
): Promise<ConvertResult> {
  let totalSeconds: number | null = null;
  const outcome = await run(options.ffmpegPath ?? "ffmpeg", ssmlConversionArgs(input, output), {
    timeoutMs: options.timeoutMs ?? 300_000,
    onStderrLine: (line) => {
      const match = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(line);
      if (match !== null && totalSeconds === null) {
        totalSeconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
      }
    },
    onStdoutLine: (line) => {
      const match = /^out_time_us=(\d+)$/.exec(line);
      if (match !== null) options.onProgress?.(Number(match[1]) / 1e6, totalSeconds);
    },
  });
  if (outcome.spawnError !== undefined) return { ok: false, message: `cannot run ffmpeg: ${outcome.spawnError}` };
  if (outcome.timedOut) return { ok: false, message: "ffmpeg timed out" };
  if (outcome.code !== 0) {
    const tail = outcome.stderr.trim().split("\n").slice(-3).join(" | ");
    return { ok: false, message: `ffmpeg failed (exit ${outcome.code}): ${tail}` };
  }
  return { ok: true };
}
