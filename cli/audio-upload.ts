// `skillflare audio upload <file> [--key K] [--local] [--bucket B] [--no-convert]
// [--persist-to DIR]`: checks the file against Alexa's SSML rules, converts it with Amazon's
// ffmpeg settings when it fails them (unless --no-convert), re-checks, then puts it in R2 with
// wrangler (the local bucket `wrangler dev` serves with --local). Steps go to stderr.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { type AudioKeyProblem, DEFAULT_AUDIO_PREFIX, encodeAudioKeyPath, MAX_AUDIO_KEY_BYTES, validateAudioKey } from "skillflare/audio";
import { AMAZON_SSML_CONVERT_COMMAND, checkAlexaAudio } from "skillflare/audio";
import { renderAudioCheck } from "./audio-report.js";
import { convertForSsml, ffmpegAvailable } from "./ffmpeg.js";
import { type CliIo, EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type ExitCode } from "./io.js";
import { type CommandRunner, runCommand } from "./process.js";
import { audioBucketFromWranglerToml, DEFAULT_AUDIO_BUCKET, r2Put } from "./wrangler.js";
import { lastString, parseArgs } from "./args.js";

export interface AudioUploadOptions {
  readonly file: string;
  readonly key: string;
  readonly bucket: string;
  readonly local: boolean;
  readonly convert: boolean;
  readonly persistTo?: string;
  /** Project directory wrangler runs in. */
  readonly cwd: string;
}

export interface AudioUploadDeps {
  readonly run: CommandRunner;
  readonly ffmpegPath: string;
}

export const defaultUploadDeps: AudioUploadDeps = { run: runCommand, ffmpegPath: "ffmpeg" };

export async function runAudioUpload(options: AudioUploadOptions, io: CliIo, deps: AudioUploadDeps = defaultUploadDeps): Promise<ExitCode> {
  let source: Uint8Array;
  try {
    source = new Uint8Array(await readFile(options.file));
  } catch (error) {
    io.err(`skillflare: cannot read ${options.file}: ${(error as Error).message}`);
    return EXIT_USAGE;
  }
  io.err(`[1/3] checking ${options.file} against Alexa's SSML rules`);
  const first = checkAlexaAudio(source, "ssml");
  for (const line of renderAudioCheck(options.file, first)) io.err(`      ${line}`);

  let uploadPath = options.file;
  const tempDir = first.ok ? null : await mkdtemp(join(tmpdir(), "skillflare-audio-"));
  try {
    if (tempDir !== null) {
      const converted = await convert(options, io, deps, tempDir, first.analysis?.durationSeconds ?? null);
      if (converted === null) return EXIT_CHECK_FAILED;
      uploadPath = converted;
    }
    const where = `${options.bucket}/${options.key}${options.local ? " (local)" : ""}`;
    io.err(`[3/3] uploading to ${where}`);
    const put = await r2Put(deps.run, { bucket: options.bucket, key: options.key, file: uploadPath, contentType: "audio/mpeg", local: options.local, ...(options.persistTo !== undefined ? { persistTo: options.persistTo } : {}) }, options.cwd);
    if (put.code !== 0) {
      io.err(`skillflare: wrangler r2 object put failed${put.spawnError ? `: ${put.spawnError}` : ""}\n${put.stderr.trim()}`);
      return EXIT_CHECK_FAILED;
    }
    io.out(`uploaded ${where}; the Worker serves it at ${DEFAULT_AUDIO_PREFIX}${encodeAudioKeyPath(options.key)}`);
    return EXIT_OK;
  } finally {
    if (tempDir !== null) await rm(tempDir, { recursive: true, force: true });
  }
}

/** Converts into tempDir and re-checks; returns the converted path, or null after explaining why not. */
async function convert(options: AudioUploadOptions, io: CliIo, deps: AudioUploadDeps, tempDir: string, knownSeconds: number | null): Promise<string | null> {
  if (!options.convert) {
    io.err(`skillflare: not uploading: the file breaks Alexa's SSML rules and --no-convert was given (convert: ${AMAZON_SSML_CONVERT_COMMAND})`);
    return null;
  }
  if (!(await ffmpegAvailable(deps.run, deps.ffmpegPath))) {
    io.err(`skillflare: not uploading: the file breaks Alexa's SSML rules and ffmpeg is not installed; install ffmpeg or convert it yourself: ${AMAZON_SSML_CONVERT_COMMAND}`);
    return null;
  }
  const output = join(tempDir, `${basename(options.file, extname(options.file))}.mp3`);
  io.err(`[2/3] converting with Amazon's settings: ${AMAZON_SSML_CONVERT_COMMAND}`);
  const result = await convertForSsml(deps.run, options.file, output, {
    ffmpegPath: deps.ffmpegPath,
    onProgress: (done, total) => {
      const seconds = total ?? knownSeconds;
      io.progress(seconds ? `      converting ${Math.min(100, Math.round((done / seconds) * 100))}%` : `      converted ${done.toFixed(1)} s`);
    },
  });
  if (!result.ok) {
    io.err(`skillflare: ${result.message}`);
    return null;
  }
  const recheck = checkAlexaAudio(new Uint8Array(await readFile(output)), "ssml");
  for (const line of renderAudioCheck("converted", recheck)) io.err(`      ${line}`);
  if (!recheck.ok) {
    io.err("skillflare: not uploading: the converted file still breaks Alexa's SSML rules (see above)");
    return null;
  }
  return output;
}

/** Object key for a file: its base name with an .mp3 extension, unless --key was given. */
export function defaultKeyFor(file: string): string {
  return `${basename(file, extname(file))}.mp3`;
}

const KEY_PROBLEM_MESSAGES: Readonly<Record<AudioKeyProblem, string>> = {
  empty: "the key must not be empty",
  "too-long": `the key must be at most ${MAX_AUDIO_KEY_BYTES} UTF-8 bytes`,
  "bad-encoding": "the key must be valid Unicode text",
  "control-character": "the key must not contain backslashes or control characters",
  backslash: "the key must not contain backslashes or control characters",
  "empty-segment": "the key must not start or end with /, nor contain empty, . or .. segments",
  "dot-segment": "the key must not start or end with /, nor contain empty, . or .. segments",
};

/** Why the audio route would refuse `key` (src/audio/key.ts rules), or null when it is fine. */
export function keyProblem(key: string): string | null {
  const check = validateAudioKey(key);
  return check.ok ? null : KEY_PROBLEM_MESSAGES[check.reason];
}

export const AUDIO_UPLOAD_USAGE =
  "usage: skillflare audio upload <file> [--key K] [--local] [--bucket B] [--no-convert] [--persist-to DIR]";

/** Parses `audio upload` arguments (bucket defaults to the AUDIO binding in wrangler.toml), then runs it. */
export async function audioUploadCommand(argv: readonly string[], io: CliIo, cwd: string = process.cwd()): Promise<ExitCode> {
  const parsed = parseArgs(argv, { key: "string", local: "boolean", bucket: "string", "no-convert": "boolean", "persist-to": "string" });
  if (!parsed.ok || parsed.args.positionals.length !== 1) {
    io.err(parsed.ok ? AUDIO_UPLOAD_USAGE : `skillflare: ${parsed.message}\n${AUDIO_UPLOAD_USAGE}`);
    return EXIT_USAGE;
  }
  const { args } = parsed;
  const file = args.positionals[0] ?? "";
  const key = lastString(args, "key") ?? defaultKeyFor(file);
  const problem = keyProblem(key);
  if (problem !== null) {
    io.err(`skillflare: bad --key ${JSON.stringify(key)}: ${problem}`);
    return EXIT_USAGE;
  }
  const persistTo = lastString(args, "persist-to");
  return runAudioUpload(
    {
      file,
      key,
      bucket: lastString(args, "bucket") ?? (await bucketFromProject(cwd)),
      local: args.booleans.has("local"),
      convert: !args.booleans.has("no-convert"),
      cwd,
      ...(persistTo !== undefined ? { persistTo } : {}),
    },
    io,
  );
}

async function bucketFromProject(cwd: string): Promise<string> {
  try {
    return audioBucketFromWranglerToml(await readFile(join(cwd, "wrangler.toml"), "utf8")) ?? DEFAULT_AUDIO_BUCKET;
  } catch {
    return DEFAULT_AUDIO_BUCKET;
  }
}
