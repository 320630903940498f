// `skillflare audio check <file|url> [--player] [--json] [--ca <pem>]`: reads the audio,
// applies Alexa's SSML rules (or AudioPlayer rules with --player) and prints each violation.
// Exit 0 when the rules are met, 1 when not, 2 for usage errors or unreadable input.

import { readFile } from "node:fs/promises";
import { checkAlexaAudio } from "skillflare/audio";
import { parseArgs } from "./args.js";
import { audioCheckJson, renderAudioCheck } from "./audio-report.js";
import { loadAudioSource } from "./audio-source.js";
import { DEFAULT_MAX_BYTES } from "./https-fetch.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "./io.js";

export const AUDIO_CHECK_USAGE = "usage: skillflare audio check <file|https-url> [--player] [--json] [--ca <pem-file>]";

export interface AudioCheckOptions {
  readonly source: string;
  readonly player: boolean;
  readonly json: boolean;
  readonly extraCaPems?: readonly string[];
}

export async function runAudioCheck(options: AudioCheckOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadAudioSource(options.source, { extraCaPems: options.extraCaPems ?? [] });
  if (!loaded.ok) {
    io.err(`skillflare: ${loaded.message}`);
    return EXIT_USAGE;
  }
  const result = checkAlexaAudio(loaded.bytes, options.player ? "audio-player" : "ssml");
  if (options.json) {
    io.out(JSON.stringify({ ...audioCheckJson(options.source, result), truncated: loaded.truncated }, null, 2));
  } else {
    for (const line of renderAudioCheck(options.source, result)) io.out(line);
    if (loaded.truncated) io.out(`  note: the download was cut at ${DEFAULT_MAX_BYTES / (1024 * 1024)} MB; only that part was checked`);
  }
  return result.ok ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** Parses `audio check` arguments, then runs it. */
export async function audioCheckCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseArgs(argv, { player: "boolean", json: "boolean", ca: "string" });
  if (!parsed.ok || parsed.args.positionals.length !== 1) {
    io.err(parsed.ok ? AUDIO_CHECK_USAGE : `skillflare: ${parsed.message}\n${AUDIO_CHECK_USAGE}`);
    return EXIT_USAGE;
  }
  const caPems = await readCaFiles(parsed.args.strings.get("ca") ?? [], io);
  if (caPems === null) return EXIT_USAGE;
  return runAudioCheck(
    {
      source: parsed.args.positionals[0] ?? "",
      player: parsed.args.booleans.has("player"),
      json: parsed.args.booleans.has("json"),
      extraCaPems: caPems,
    },
    io,
  );
}

/** Reads --ca PEM files; prints the problem and returns null when one cannot be read. */
export async function readCaFiles(paths: readonly string[], io: CliIo): Promise<string[] | null> {
  const pems: string[] = [];
  for (const path of paths) {
    try {
      const pem = await readFile(path, "utf8");
      if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
        io.err(`skillflare: ${path} holds no PEM certificate`);
        return null;
      }
      pems.push(pem);
    } catch (error) {
      io.err(`skillflare: cannot read --ca ${path}: ${(error as Error).message}`);
      return null;
    }
  }
  return pems;
}
