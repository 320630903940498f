/**
 * A turn as the console page shows it: what was heard (words, the launch, a device event),
 * what Alexa resolved it to (the intent and each slot with its entity-resolution value), the
 * skill's answer as text (speech, reprompt, card), the directives in plain words, what the
 * page's audio element must do, and the request and response JSON for the details view.
 * Audio URLs on the console's own host are rewritten to the page's origin: the skill writes
 * https (all Alexa fetches) but `wrangler dev` serves plain http on loopback. Pure.
 */
import type { Directive, Intent, RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import type { AudioDeviceState, Turn, UtteranceResolution } from "../testing/index.js";
import { directiveInWords, formatOffset } from "./directive-words.js";

export interface SlotView {
  readonly name: string;
  readonly value?: string;
  /** The canonical value and id entity resolution matched, or the status when it did not. */
  readonly resolved?: string;
}

/** What the page's audio element does after this turn. */
export type PlayerCommand =
  | { readonly kind: "play"; readonly url: string; readonly token: string; readonly offsetMs: number }
  | { readonly kind: "enqueue"; readonly url: string; readonly token: string; readonly offsetMs: number }
  | { readonly kind: "stop" }
  | { readonly kind: "clear-queue" };

/** What the page's audio element must be doing after the call: the device's player. */
export interface DeviceView {
  readonly activity: AudioDeviceState["activity"];
  readonly token?: string;
  readonly url?: string;
  readonly offsetMs: number;
}

export function deviceView(device: AudioDeviceState, consoleOrigin: string): DeviceView {
  const current = device.current;
  return {
    activity: device.activity,
    offsetMs: Math.round(device.offsetMs),
    ...(current === undefined ? {} : { token: current.token, url: playableUrl(current.url, consoleOrigin) }),
  };
}

export interface TurnView {
  readonly kind: Turn["kind"];
  /** e.g. `You said "play the dragon"`, `Open the skill`, `AudioPlayer.PlaybackStarted story:dragons at 0:00.0`. */
  readonly heard: string;
  /** e.g. `PlayStoryIntent`, `LaunchRequest`, `nothing matched`; absent for device events. */
  readonly resolvedTo?: string;
  readonly slots: readonly SlotView[];
  readonly status: number;
  /** False when Alexa answered without asking the skill (its own dialog prompt, "exit" outside a session). */
  readonly sent: boolean;
  readonly error?: string;
  readonly speech?: string;
  readonly reprompt?: string;
  readonly alexaSaid?: string;
  readonly card?: { readonly title?: string; readonly text?: string; readonly imageUrl?: string };
  readonly directives: readonly string[];
  readonly ssmlAudio: readonly string[];
  readonly sessionEnded: boolean;
  readonly dialogState?: string;
  readonly player: readonly PlayerCommand[];
  readonly request: RequestEnvelope;
  readonly response?: ResponseEnvelope;
}

/** `url` on the page's origin when it points at the console's own host (any scheme), else as is. */
export function playableUrl(url: string, consoleOrigin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const origin = new URL(consoleOrigin);
  if (parsed.host !== origin.host) return url;
  return `${origin.origin}${parsed.pathname}${parsed.search}`;
}

function slotViews(intent: Intent): SlotView[] {
  return Object.values(intent.slots ?? {}).map((slot) => {
    const authority = slot.resolutions?.resolutionsPerAuthority?.[0];
    const match = authority?.values?.[0]?.value;
    const resolved = match !== undefined ? `${match.name} (id ${match.id})` : authority?.status?.code;
    return { name: slot.name, ...(slot.value === undefined ? {} : { value: slot.value }), ...(resolved === undefined ? {} : { resolved }) };
  });
}

function resolutionText(resolution: UtteranceResolution): string {
  switch (resolution.kind) {
    case "launch":
      return "LaunchRequest (open the skill)";
    case "intent":
      return resolution.intent.name;
    case "launch-with-intent":
      return `${resolution.intent.name} (in a new session)`;
    case "exit":
      return "exit (Alexa ends the session)";
    case "none":
      return "nothing in the interaction model matched";
  }
}

function heardText(turn: Turn): string {
  if (turn.said !== undefined) return `You said "${turn.said}"`;
  const request = turn.request.request;
  if (turn.kind === "launch") return "Open the skill";
  if (request.type === "IntentRequest") return `Intent ${request.intent.name}`;
  const { token, offsetInMilliseconds: offset } = request as { token?: string; offsetInMilliseconds?: number };
  const what = token === undefined || token === "" ? request.type : `${request.type} ${token}`;
  return offset === undefined ? what : `${what} at ${formatOffset(offset)}`;
}

function playerCommand(directive: Directive, consoleOrigin: string): PlayerCommand | undefined {
  if (directive.type === "AudioPlayer.Stop") return { kind: "stop" };
  if (directive.type === "AudioPlayer.ClearQueue") return directive.clearBehavior === "CLEAR_ALL" ? { kind: "stop" } : { kind: "clear-queue" };
  if (directive.type !== "AudioPlayer.Play") return undefined;
  const stream = directive.audioItem?.stream;
  if (stream === undefined) return undefined;
  const command = { url: playableUrl(stream.url, consoleOrigin), token: stream.token, offsetMs: stream.offsetInMilliseconds ?? 0 };
  return directive.playBehavior === "REPLACE_ALL" ? { kind: "play", ...command } : { kind: "enqueue", ...command };
}

/** The page's view of one turn; `consoleOrigin` is the origin the page was loaded from. */
export function turnView(turn: Turn, consoleOrigin: string): TurnView {
  const resolution = turn.resolution;
  const intent = resolution !== undefined && "intent" in resolution ? resolution.intent : undefined;
  const requestIntent = turn.request.request.type === "IntentRequest" ? turn.request.request.intent : undefined;
  const resolvedTo =
    resolution !== undefined ? resolutionText(resolution) : turn.kind === "launch" ? "LaunchRequest" : requestIntent?.name;
  return {
    kind: turn.kind,
    heard: heardText(turn),
    ...(resolvedTo === undefined ? {} : { resolvedTo }),
    slots: slotViews(requestIntent ?? intent ?? { name: "", confirmationStatus: "NONE" }),
    status: turn.status,
    sent: turn.sent,
    ...(turn.error === undefined ? {} : { error: turn.error }),
    ...(turn.speech === undefined ? {} : { speech: turn.speech }),
    ...(turn.reprompt === undefined ? {} : { reprompt: turn.reprompt }),
    ...(turn.alexaSaid === undefined ? {} : { alexaSaid: turn.alexaSaid }),
    ...(turn.card === undefined ? {} : { card: turn.card }),
    directives: turn.directives.map(directiveInWords),
    ssmlAudio: turn.ssmlAudio.map((url) => playableUrl(url, consoleOrigin)),
    sessionEnded: turn.sessionEnded,
    ...(turn.dialogState === undefined ? {} : { dialogState: turn.dialogState }),
    player: turn.directives.flatMap((directive) => playerCommand(directive, consoleOrigin) ?? []),
    request: turn.request,
    ...(turn.response === undefined ? {} : { response: turn.response }),
  };
}
