/**
 * One line typed into `skillflare chat`, parsed: words to say, or a slash command (`/launch`,
 * `/end [reason]`, `/advance 30s`, `/intent Name slot=value`, `/event PlaybackStopped [ms]`,
 * `/press pause`, `/state`, `/json`, `/help`, `/quit`). Durations are "1500", "1500ms", "30s",
 * "2m" or "1m30s". Pure: mistakes are a message, never a throw.
 */
import type { PlaybackButton, PlaybackEventType } from "skillflare/testing";

export type ChatAction =
  | { readonly kind: "say"; readonly words: string }
  | { readonly kind: "launch" }
  | { readonly kind: "end"; readonly reason: "USER_INITIATED" | "ERROR" | "EXCEEDED_MAX_REPROMPTS" }
  | { readonly kind: "advance"; readonly ms: number }
  | { readonly kind: "intent"; readonly name: string; readonly slots: Readonly<Record<string, string>> }
  | { readonly kind: "event"; readonly type: PlaybackEventType; readonly offsetMs?: number }
  | { readonly kind: "press"; readonly button: PlaybackButton }
  | { readonly kind: "state" | "json" | "help" | "quit" | "nothing" }
  | { readonly kind: "mistake"; readonly message: string };

export const CHAT_HELP = `Type what you would say to Alexa, or a command:
  /launch                     open the skill (LaunchRequest)
  /end [reason]               end the session (SessionEndedRequest; USER_INITIATED, ERROR, EXCEEDED_MAX_REPROMPTS)
  /advance <time>             let audio play on: 500ms, 30s, 2m, 1m30s (sends the AudioPlayer events due)
  /intent <Name> [slot=value] send an intent by name
  /event <PlaybackEvent> [ms] send an AudioPlayer event (PlaybackStarted, PlaybackStopped, ...)
  /press <play|pause|next|previous>  a device button (PlaybackController)
  /state                      session, dialog and device state as JSON
  /json                       show the JSON of every request and response (toggle)
  /help, /quit`;

const EVENTS: readonly PlaybackEventType[] = ["PlaybackStarted", "PlaybackNearlyFinished", "PlaybackFinished", "PlaybackStopped", "PlaybackFailed"];
const BUTTONS: readonly PlaybackButton[] = ["play", "pause", "next", "previous"];
const REASONS = ["USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS"] as const;

/** Milliseconds in "30s", "2m", "1m30s", "1500ms" or "1500", or undefined. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(text);
  if (match === null || text === "") return undefined;
  const [, h, m, s, ms] = match;
  return Number(h ?? 0) * 3_600_000 + Number(m ?? 0) * 60_000 + Math.round(Number(s ?? 0) * 1000) + Number(ms ?? 0);
}

export function parseChatLine(line: string): ChatAction {
  const text = line.trim();
  if (text === "") return { kind: "nothing" };
  if (!text.startsWith("/")) return { kind: "say", words: text };
  const [command = "", ...args] = text.slice(1).split(/\s+/);
  switch (command) {
    case "launch":
      return { kind: "launch" };
    case "end": {
      const reason = REASONS.find((r) => r === (args[0] ?? "USER_INITIATED").toUpperCase());
      return reason === undefined ? { kind: "mistake", message: `/end takes ${REASONS.join(", ")}` } : { kind: "end", reason };
    }
    case "advance": {
      const ms = parseDuration(args[0] ?? "");
      return ms === undefined ? { kind: "mistake", message: "/advance needs a time, e.g. /advance 30s" } : { kind: "advance", ms };
    }
    case "intent": {
      const [name, ...pairs] = args;
      if (name === undefined) return { kind: "mistake", message: "/intent needs an intent name, e.g. /intent PlayStoryIntent story=dragon" };
      const slots: Record<string, string> = {};
      for (const pair of pairs.join(" ").split(/\s+(?=[\w.]+=)/).filter((p) => p !== "")) {
        const eq = pair.indexOf("=");
        if (eq <= 0) return { kind: "mistake", message: `slots are name=value, not "${pair}"` };
        slots[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return { kind: "intent", name, slots };
    }
    case "event": {
      const type = EVENTS.find((e) => e.toLowerCase() === (args[0] ?? "").replace(/^AudioPlayer\./i, "").toLowerCase());
      if (type === undefined) return { kind: "mistake", message: `/event takes ${EVENTS.join(", ")}` };
      const offset = args[1] === undefined ? undefined : parseDuration(args[1]);
      if (args[1] !== undefined && offset === undefined) return { kind: "mistake", message: `not an offset: ${args[1]}` };
      return offset === undefined ? { kind: "event", type } : { kind: "event", type, offsetMs: offset };
    }
    case "press": {
      const button = BUTTONS.find((b) => b === args[0]);
      return button === undefined ? { kind: "mistake", message: `/press takes ${BUTTONS.join(", ")}` } : { kind: "press", button };
    }
    case "state":
    case "json":
    case "help":
    case "quit":
      return { kind: command };
    case "exit":
      return { kind: "quit" };
    default:
      return { kind: "mistake", message: `unknown command /${command} (/help lists them)` };
  }
}
