/**
 * The command line of `npm run simulate -- ...`, parsed into a plain description of the
 * request to send. Pure: no I/O, no Node imports, every mistake a usage message (exit 2).
 *
 *   launch | intent <Name> [slot=value ...] | audio <Event> | playback <play|pause|next|previous>
 *   | session-ended | event <SkillEvent>, with --json --url --user --locale --skill-id --token
 *   --offset --activity --reason --model --no-model
 */
import type { interfaces, SessionEndedReason } from "ask-sdk-model";
import type { RequestSpec } from "skillflare/testing";
import { DEFAULT_SIMULATE_URL } from "./simulate-usage.js";

export { DEFAULT_SIMULATE_URL, SIMULATE_USAGE } from "./simulate-usage.js";

export interface SimulateInvocation {
  readonly request: RequestSpec;
  readonly url: string;
  readonly json: boolean;
  readonly locale: string;
  readonly userId?: string;
  readonly skillId?: string;
  /** context.AudioPlayer for intents and playback buttons (from --token/--offset/--activity). */
  readonly audioPlayer?: interfaces.audioplayer.AudioPlayerState;
  /** Interaction model for entity resolution: a path, "none", or undefined for the default. */
  readonly model?: string;
}

export type SimulateParse =
  | { readonly kind: "run"; readonly invocation: SimulateInvocation }
  | { readonly kind: "help" }
  | { readonly kind: "usage-error"; readonly message: string };

const AUDIO_EVENTS = ["PlaybackStarted", "PlaybackFinished", "PlaybackStopped", "PlaybackNearlyFinished", "PlaybackFailed"] as const;
const PLAYBACK_COMMANDS: Readonly<Record<string, string>> = { play: "Play", pause: "Pause", next: "Next", previous: "Previous" };
const SKILL_EVENTS = [
  "SkillEnabled",
  "SkillDisabled",
  "SkillAccountLinked",
  "SkillPermissionAccepted",
  "SkillPermissionChanged",
  "ProactiveSubscriptionChanged",
  "NotificationSubscriptionChanged",
] as const;
const SESSION_END_REASONS: readonly SessionEndedReason[] = ["USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS"];
const ACTIVITIES: readonly interfaces.audioplayer.PlayerActivity[] = ["IDLE", "PAUSED", "PLAYING", "BUFFER_UNDERRUN", "FINISHED", "STOPPED"];

const STRING_OPTIONS = new Set(["url", "user", "locale", "skill-id", "token", "offset", "activity", "reason", "model"]);
const BOOLEAN_OPTIONS = new Set(["json", "no-model", "help"]);

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

interface Split {
  readonly positionals: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
}

function split(argv: readonly string[]): Split {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h") {
      flags.add("help");
      continue;
    }
    if (!arg.startsWith("--")) {
      if (arg.startsWith("-") && arg.length > 1) fail(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (BOOLEAN_OPTIONS.has(name)) {
      if (eq !== -1) fail(`--${name} takes no value`);
      flags.add(name);
    } else if (STRING_OPTIONS.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) fail(`--${name} needs a value`);
      options.set(name, value);
    } else {
      fail(`unknown option --${name}`);
    }
  }
  return { positionals, options, flags };
}

function offsetOf(options: Map<string, string>): number | undefined {
  const text = options.get("offset");
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) fail(`--offset must be a whole number of milliseconds, not "${text}"`);
  return Number(text);
}

function pick<T extends string>(what: string, value: string | undefined, choices: readonly T[]): T {
  const found = choices.find((choice) => choice.toLowerCase() === value?.toLowerCase());
  if (found === undefined) fail(`${what} must be one of ${choices.join(", ")}${value === undefined ? "" : `, not "${value}"`}`);
  return found;
}

function noMore(rest: readonly string[], command: string): void {
  if (rest.length > 0) fail(`${command} takes no further arguments (got ${rest.join(" ")})`);
}

function slotsOf(args: readonly string[]): Record<string, string> {
  const slots: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) fail(`slots are name=value, not "${arg}"`);
    slots[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  return slots;
}

function requestOf(positionals: readonly string[], options: Map<string, string>): RequestSpec {
  const [command, ...rest] = positionals;
  switch (command) {
    case "launch":
      noMore(rest, "launch");
      return { type: "LaunchRequest" };
    case "intent": {
      const [name, ...slotArgs] = rest;
      if (name === undefined || name.includes("=")) fail("intent needs an intent name, e.g. intent PlayStoryIntent story=dragons");
      const slots = slotsOf(slotArgs);
      return Object.keys(slots).length === 0 ? { type: "IntentRequest", intent: name } : { type: "IntentRequest", intent: name, slots };
    }
    case "audio": {
      const [event, ...more] = rest;
      noMore(more, "audio <Event>");
      const bare = pick("the AudioPlayer event", event?.replace(/^AudioPlayer\./, ""), AUDIO_EVENTS);
      const offset = offsetOf(options);
      const token = options.get("token");
      return {
        type: `AudioPlayer.${bare}`,
        ...(token === undefined ? {} : { token }),
        ...(offset === undefined ? {} : { offsetInMilliseconds: offset }),
      };
    }
    case "playback": {
      const [button, ...more] = rest;
      noMore(more, "playback <button>");
      const name = PLAYBACK_COMMANDS[pick("the playback button", button, Object.keys(PLAYBACK_COMMANDS))];
      return { type: `PlaybackController.${name}CommandIssued` as Extract<RequestSpec, { type: `PlaybackController.${string}` }>["type"] };
    }
    case "session-ended": {
      noMore(rest, "session-ended");
      const reason = options.get("reason");
      return { type: "SessionEndedRequest", reason: reason === undefined ? "USER_INITIATED" : pick("--reason", reason, SESSION_END_REASONS) };
    }
    case "event": {
      const [event, ...more] = rest;
      noMore(more, "event <Name>");
      return { type: `AlexaSkillEvent.${pick("the skill event", event?.replace(/^AlexaSkillEvent\./, ""), SKILL_EVENTS)}` };
    }
    case undefined:
      return fail("which request? e.g. launch, or intent PlayStoryIntent story=dragons");
    default:
      return fail(`unknown request "${command}"`);
  }
}

function audioPlayerOf(request: RequestSpec, options: Map<string, string>): interfaces.audioplayer.AudioPlayerState | undefined {
  const token = options.get("token");
  const activity = options.get("activity");
  if (request.type.startsWith("AudioPlayer.")) {
    if (activity !== undefined) fail("--activity is for intents and playback buttons; audio events set it themselves");
    return undefined;
  }
  if (token === undefined) {
    if (options.has("offset") || activity !== undefined) fail("--offset and --activity go with --token");
    return undefined;
  }
  return {
    token,
    offsetInMilliseconds: offsetOf(options) ?? 0,
    playerActivity: activity === undefined ? "PLAYING" : pick("--activity", activity, ACTIVITIES),
  };
}

export function parseSimulateArgs(argv: readonly string[]): SimulateParse {
  try {
    const { positionals, options, flags } = split(argv);
    if (flags.has("help")) return { kind: "help" };
    const request = requestOf(positionals, options);
    if (options.has("reason") && request.type !== "SessionEndedRequest") fail("--reason is for session-ended");
    if (flags.has("no-model") && options.has("model")) fail("--model and --no-model exclude each other");
    const url = options.get("url") ?? DEFAULT_SIMULATE_URL;
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) fail(`--url must be an http(s) URL, not "${url}"`);
    const audioPlayer = audioPlayerOf(request, options);
    const userId = options.get("user");
    const skillId = options.get("skill-id");
    const model = flags.has("no-model") ? "none" : options.get("model");
    const invocation: SimulateInvocation = {
      request,
      url,
      json: flags.has("json"),
      locale: options.get("locale") ?? "en-US",
      ...(userId === undefined ? {} : { userId }),
      ...(skillId === undefined ? {} : { skillId }),
      ...(audioPlayer === undefined ? {} : { audioPlayer }),
      ...(model === undefined ? {} : { model }),
    };
    return { kind: "run", invocation };
  } catch (error) {
    if (error instanceof UsageError) return { kind: "usage-error", message: error.message };
    throw error;
  }
}
