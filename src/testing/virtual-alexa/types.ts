/**
 * The public types of the virtual Alexa: what `resolveUtterance` tells about some words, the
 * options and methods of `createVirtualAlexa`, the `Turn` each call returns (what was sent, what
 * came back, parsed) and the JSON-serialisable state a conversation can be snapshotted to and
 * resumed from (the local console keeps it between HTTP calls). Kept apart from the code so
 * the console and the CLI can depend on the contract alone.
 */
import type {
  DialogState,
  Directive,
  Intent,
  RequestEnvelope,
  ResponseEnvelope,
  SessionEndedReason,
  interfaces,
} from "ask-sdk-model";
import type { DevSigningKit } from "../../devkit/index.js";
import type { InteractionModelJson } from "./model-json.js";

export type { InteractionModelJson } from "./model-json.js";

/** What Alexa makes of some words, against one interaction model. */
export type UtteranceResolution =
  /** "open bedtime stories", or the invocation name alone: a LaunchRequest. */
  | { readonly kind: "launch" }
  /** An intent of the model (or a built-in one), slots filled; `matched` is the sample utterance that fit. */
  | { readonly kind: "intent"; readonly intent: Intent; readonly matched?: string }
  /** "ask bedtime stories to play the dragon": a new session that starts with this intent. */
  | { readonly kind: "launch-with-intent"; readonly intent: Intent; readonly matched?: string }
  /** "exit", or stop/cancel words the model has no intent for: Alexa ends the session itself. */
  | { readonly kind: "exit" }
  /** Nothing fits and the model has no AMAZON.FallbackIntent. */
  | { readonly kind: "none" };

/** Options of `resolveUtterance`. */
export interface ResolveOptions {
  /** Locale of the request (default "en-US"); chooses the built-in intents' phrases. */
  readonly locale?: string;
  /** Skill id written into entity-resolution authorities (default the dev skill id). */
  readonly skillId?: string;
  /** The clock AMAZON.DATE words are relative to (default now). */
  readonly now?: Date;
}

/** The audio a Play directive started or queued, and where the device is in it. */
export interface AudioStreamState {
  readonly url: string;
  readonly token: string;
  /** Offset the Play directive asked to start at. */
  readonly startOffsetMs: number;
  /** Length of the stream as the device knows it (see `VirtualAlexaOptions.streamDurationMs`). */
  readonly durationMs: number;
  readonly expectedPreviousToken?: string;
}

/** The device's AudioPlayer: what plays, where, what is queued, and which events were sent. */
export interface AudioDeviceState {
  readonly activity: interfaces.audioplayer.PlayerActivity;
  readonly current?: AudioStreamState;
  /** Position in the current stream, in ms. */
  readonly offsetMs: number;
  readonly queue: readonly AudioStreamState[];
  /** PlaybackNearlyFinished already sent for the current stream. */
  readonly nearlyFinishedSent: boolean;
}

/** The open session, as Alexa keeps it between requests. */
export interface SessionState {
  readonly sessionId: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** True until the first request of the session has been sent. */
  readonly new: boolean;
  /** Requests sent in this session. */
  readonly requests: number;
}

/** What the dialog waits for on the next turn, after a Dialog.* directive or Alexa's own prompt. */
export type DialogAwaiting =
  | { readonly kind: "elicit"; readonly slot: string }
  | { readonly kind: "confirm-slot"; readonly slot: string }
  | { readonly kind: "confirm-intent" };

/** A dialog in progress: the intent so far, its dialogState, and what the next words answer. */
export interface DialogProgress {
  readonly intent: Intent;
  readonly dialogState: DialogState;
  readonly awaiting?: DialogAwaiting;
  /** Alexa ran the last dialog step itself (auto delegation or Dialog.Delegate). */
  readonly delegated: boolean;
}

/** Everything a conversation needs to carry on later: JSON-serialisable. */
export interface VirtualAlexaState {
  readonly version: 1;
  readonly locale: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly skillId: string;
  readonly session?: SessionState;
  readonly device: AudioDeviceState;
  readonly dialog?: DialogProgress;
}

/** How requests reach the skill. */
export type SkillFetch = (request: Request) => Promise<Response>;

/** Options of `createVirtualAlexa`: the model, how requests reach the skill, who is talking, and a state to resume. */
export interface VirtualAlexaOptions {
  /** The interaction model (the JSON of skill-package/interactionModels/custom/<locale>.json). */
  readonly model: InteractionModelJson;
  /** Transport, e.g. `(r) => worker.fetch(r, env, ctx)` or `exports.default.fetch`. */
  readonly fetch?: SkillFetch;
  /** The skill's URL (a running dev server); default http://localhost:8787/. With `fetch`, the URL requests carry. */
  readonly url?: string;
  /** Signing material; default `getSharedDevSigningKit()`. Must be the kit the Worker trusts. */
  readonly kit?: DevSigningKit;
  readonly locale?: string;
  readonly userId?: string;
  readonly deviceId?: string;
  readonly skillId?: string;
  /** Clock for request timestamps (default the real one: the Worker checks them within 150 s). */
  readonly now?: () => Date;
  /** Resume from a snapshot (session, device and dialog state). */
  readonly state?: VirtualAlexaState;
  /** Length of an AudioPlayer stream; default 60 s when it returns undefined or is not given. */
  readonly streamDurationMs?: (stream: { readonly url: string; readonly token: string }) => number | undefined;
  /** Bound on each request to the skill (default 10 s): a hung skill is a Turn with an error. */
  readonly timeoutMs?: number;
  /** Called for every request sent and its answer (device events included), e.g. for `chat --json`. */
  readonly onExchange?: (exchange: { readonly request: RequestEnvelope; readonly status: number; readonly response?: ResponseEnvelope; readonly error?: string }) => void;
}

/** What started a turn: words, a launch, an intent by name, the device, or the end of the session. */
export type TurnKind = "utterance" | "launch" | "intent" | "device" | "session-end";

/** One request sent to the skill and what came back, parsed. */
export interface Turn {
  readonly kind: TurnKind;
  /** The words, for `say`. */
  readonly said?: string;
  readonly resolution?: UtteranceResolution;
  readonly request: RequestEnvelope;
  /** HTTP status (0 when the skill could not be reached). */
  readonly status: number;
  readonly response?: ResponseEnvelope;
  /** Why the turn failed: unreachable, not JSON, HTTP error, timeout. */
  readonly error?: string;
  /** What Alexa says, as text (SSML tags removed). */
  readonly speech?: string;
  readonly reprompt?: string;
  readonly card?: { readonly title?: string; readonly text?: string; readonly imageUrl?: string };
  readonly directives: readonly Directive[];
  /** The stream an AudioPlayer.Play started, if any. */
  readonly audio?: { readonly url: string; readonly token: string; readonly offsetMs: number };
  /** `<audio src>` URLs in the speech. */
  readonly ssmlAudio: readonly string[];
  readonly sessionEnded: boolean;
  /** The dialogState sent with an IntentRequest. */
  readonly dialogState?: DialogState;
  /** What Alexa's dialog manager said itself (a prompt of the model, after Dialog.Delegate or auto delegation). */
  readonly alexaSaid?: string;
  /** False when Alexa answered without asking the skill (auto-delegated dialog prompts, "exit" outside a session). */
  readonly sent: boolean;
  /** Requests sent right after this one as its consequence, in order: device events (PlaybackStarted, PlaybackStopped) and the COMPLETED intent after a Dialog.Delegate. */
  readonly followUps: readonly Turn[];
}

/** The AudioPlayer events a device sends (without the `AudioPlayer.` prefix). */
export type PlaybackEventType =
  | "PlaybackStarted"
  | "PlaybackNearlyFinished"
  | "PlaybackFinished"
  | "PlaybackStopped"
  | "PlaybackFailed";

/** The buttons of a device (PlaybackController.<X>CommandIssued). */
export type PlaybackButton = "play" | "pause" | "next" | "previous";

/** A conversation with a skill: each method sends what a person or their device would and returns the Turn(s). */
export interface VirtualAlexa {
  /** "Alexa, open <invocation name>": a LaunchRequest in a new session. */
  launch(): Promise<Turn>;
  /** Words the user says: resolved against the model, through the dialog, in the session. */
  say(words: string): Promise<Turn>;
  /** An IntentRequest by name, slots as spoken values (resolved against the model's types). */
  intend(name: string, slots?: Readonly<Record<string, string>>): Promise<Turn>;
  /** Device time passes: the AudioPlayer events that fall in it, each a Turn. */
  advance(ms: number): Promise<Turn[]>;
  /** Sends one AudioPlayer event for the current stream (offset default the device's position). */
  playbackEvent(type: PlaybackEventType, offsetMs?: number): Promise<Turn>;
  /** A device button: PlaybackController.<X>CommandIssued. */
  press(button: PlaybackButton): Promise<Turn>;
  /** SessionEndedRequest (default USER_INITIATED); the session closes. */
  endSession(reason?: SessionEndedReason): Promise<Turn>;
  /** JSON-serialisable state to resume from. */
  snapshot(): VirtualAlexaState;
  readonly session: SessionState | undefined;
  readonly device: AudioDeviceState;
  readonly dialog: DialogProgress | undefined;
}

export type { DevSigningKit };
