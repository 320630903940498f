#!/usr/bin/env -S npx tsx
// The `skillflare` command: routes `audio check`, `audio upload` and `doctor` to their
// modules and maps everything to exit codes (0 pass, 1 check failed, 2 usage). Run it with
// `npx skillflare ...` (package.json "bin": dist/cli/bin.js, built from cli/bin.ts) or `npx tsx cli/skillflare.ts`.

import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { audioCheckCommand } from "./audio-check.js";
import { audioUploadCommand } from "./audio-upload.js";
import { doctorCommand } from "./doctor/run-doctor.js";
import { INIT_FROM_LAMBDA_USAGE, initFromLambdaCommand, wantsFromLambda } from "./init-from-lambda/command.js";
import { type CliIo, EXIT_OK, EXIT_USAGE, type ExitCode, processIo } from "./io.js";

export const USAGE = `usage: skillflare <command>

  audio check <file|https-url> [--player] [--json] [--ca <pem>]
      Check an MP3 against Alexa's SSML <audio> rules (MPEG-2 layer III, 48 kbps,
      16000/22050/24000 Hz, <= 240 s), or the AudioPlayer rules with --player.
  audio upload <file> [--key K] [--local] [--bucket B] [--no-convert] [--persist-to DIR]
      Check, convert with Amazon's ffmpeg settings if needed, and put the file in R2
      (the AUDIO bucket of wrangler.toml; --local: the bucket \`wrangler dev\` serves).
  doctor <https-url> [--ca <pem>] [--player] [--json] [--timeout SECONDS]
      Will Alexa be able to fetch and play this URL? TLS (RSA vs ECDSA-only, trust,
      host name, expiry), redirects, status, Content-Type, ranges, and the audio rules.

${INIT_FROM_LAMBDA_USAGE}

exit codes: 0 ok, 1 check failed, 2 usage error or unreadable input`;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const [command, subcommand, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === "audio" && subcommand === "check") return audioCheckCommand(rest, io);
  if (command === "audio" && subcommand === "upload") return audioUploadCommand(rest, io);
  if (command === "doctor") return doctorCommand(argv.slice(1), io);
  if (command === "init" && wantsFromLambda(argv.slice(1))) return initFromLambdaCommand(argv.slice(1), io);
  io.err(`skillflare: unknown command ${argv.slice(0, 2).join(" ")}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await main(process.argv.slice(2));
}
