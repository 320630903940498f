#!/usr/bin/env -S npx tsx
// The `skillflare` command: routes each command to its module and maps everything to exit codes
// (0 ok, 1 a check failed, 2 usage). `skillflare <command> --help` prints that command's usage
// (handled here for every command, so none can forget it). Run with `npx skillflare ...`
// (package.json "bin": dist/cli/bin.js, built from cli/bin.ts) or `npx tsx cli/skillflare.ts`.

import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AUDIO_CHECK_USAGE, audioCheckCommand } from "./audio-check.js";
import { AUDIO_UPLOAD_USAGE, audioUploadCommand } from "./audio-upload.js";
import { CHAT_USAGE, chatCommand } from "./chat.js";
import { CHECK_USAGE, checkCommand } from "./check.js";
import { DEPLOY_USAGE, deployCommand } from "./deploy/deploy-command.js";
import { DEV_USAGE, devCommand } from "./dev/dev-command.js";
import { DOCTOR_USAGE, doctorCommand } from "./doctor/run-doctor.js";
import { INIT_USAGE, initCommand } from "./init/init-command.js";
import { INIT_FROM_LAMBDA_USAGE, initFromLambdaCommand, wantsFromLambda } from "./init-from-lambda/command.js";
import { type CliIo, EXIT_OK, EXIT_USAGE, type ExitCode, processIo } from "./io.js";
import { simulateCommand } from "./simulate.js";
import { SIMULATE_USAGE } from "./simulate-usage.js";

export const USAGE = `usage: skillflare <command> [options]   (skillflare <command> --help for its options)

  init <dir> [--name "My Skill"]     a new skill project from the template
  init <dir> --from-lambda <dir>     an ask-sdk Lambda skill, its files untouched, as a Worker project
  dev [--port N]                     run the skill locally (wrangler dev, local KV, R2, D1)
  simulate <request | "words">       send one signed request to the local skill (free words
                                     are resolved against the interaction model)
  chat [--url URL] [--json]          talk to the local skill turn by turn (sessions, dialogs, audio)
  check [--model PATH] [--src DIR]   the interaction model against Alexa's rules and the handlers
  audio check <file|https-url>       does this MP3 meet Alexa's audio rules?
  audio upload <file> [--key K]      check, convert if needed, and put audio in R2
  doctor <https-url>                 will Alexa be able to use this endpoint or audio URL?
  deploy                             check wrangler.toml, apply D1 migrations, wrangler deploy

exit codes: 0 ok, 1 check failed, 2 usage error or unreadable input`;

type Command = { readonly usage: string; readonly run: (argv: readonly string[], io: CliIo) => Promise<ExitCode> };

const COMMANDS: Readonly<Record<string, Command>> = {
  init: {
    usage: `${INIT_USAGE}\n\n${INIT_FROM_LAMBDA_USAGE}`,
    run: (argv, io) => (wantsFromLambda(argv) ? initFromLambdaCommand(argv, io) : initCommand(argv, io)),
  },
  dev: { usage: DEV_USAGE, run: (argv, io) => devCommand(argv, io) },
  simulate: { usage: SIMULATE_USAGE, run: simulateCommand },
  chat: { usage: CHAT_USAGE, run: (argv, io) => chatCommand(argv, io) },
  check: { usage: CHECK_USAGE, run: (argv, io) => checkCommand(argv, io) },
  "audio check": { usage: AUDIO_CHECK_USAGE, run: audioCheckCommand },
  "audio upload": { usage: AUDIO_UPLOAD_USAGE, run: audioUploadCommand },
  doctor: { usage: DOCTOR_USAGE, run: (argv, io) => doctorCommand(argv, io) },
  deploy: { usage: DEPLOY_USAGE, run: (argv, io) => deployCommand(argv, io) },
};

const wantsHelp = (argv: readonly string[]) => {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
};

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const [first, second] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    (first === undefined ? io.err : io.out)(USAGE);
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const name = first === "audio" ? `audio ${second ?? ""}` : first;
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`skillflare: unknown command "${argv.slice(0, first === "audio" ? 2 : 1).join(" ")}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const rest = argv.slice(first === "audio" ? 2 : 1);
  if (wantsHelp(rest)) {
    io.out(command.usage);
    return EXIT_OK;
  }
  return command.run(rest, io);
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
