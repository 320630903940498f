/**
 * `createVirtualAlexa`: a conversation with a skill, through the Worker's full verification,
 * the way a person has it with an Echo. Words are resolved against the interaction model, run
 * through the dialog model, sent in a session with dev-signed requests, and the audio device
 * plays what the skill tells it as time passes. Calls run one at a time in the order made.
 */
import type { Intent, SessionEndedReason, Slot } from "ask-sdk-model";
import { DEV_DEVICE_ID, DEV_SKILL_ID, DEV_USER_ID, getSharedDevSigningKit, type SigningMaterial } from "../../devkit/index.js";
import { IDLE_DEVICE, nextPlaybackEvent, played, type PlaybackEvent } from "./audio-device.js";
import { Conversation, type OpenTurn } from "./conversation.js";
import { answerDialog } from "./dialog-answer.js";
import { continueDialog, startIntent } from "./dialog-flow.js";
import { intentWithSlots } from "./intent-match.js";
import { compileModel } from "./model.js";
import { resolveUtterance, slotContextOf, spokenWords } from "./resolve-utterance.js";
import { readSlot } from "./slot-values.js";
import { wordsOf } from "./text.js";
import type { PlaybackButton, PlaybackEventType, Turn, VirtualAlexa, VirtualAlexaOptions, VirtualAlexaState } from "./types.js";

/** Where `npm start` serves the skill, and so where the virtual Alexa sends requests by default. */
export const DEFAULT_VIRTUAL_ALEXA_URL = "http://localhost:8787/";
const DEFAULT_STREAM_MS = 60_000;
const MAX_ADVANCE_EVENTS = 500;

/**
 * The words fit no intent of the model, and the model has no AMAZON.FallbackIntent (Alexa
 * would say "Sorry, I don't know that"; nothing is sent to the skill).
 * @example
 * await expect(alexa.say("what is the capital of peru")).rejects.toThrow(UtteranceNotUnderstoodError);
 */
export class UtteranceNotUnderstoodError extends Error {
  override readonly name = "UtteranceNotUnderstoodError";
  readonly code = "UTTERANCE_NOT_UNDERSTOOD";
  constructor(readonly said: string) {
    super(`no intent of the interaction model fits "${said}" (and it has no AMAZON.FallbackIntent)`);
  }
}

function initialState(options: VirtualAlexaOptions): VirtualAlexaState {
  if (options.state !== undefined) {
    if (options.state.version !== 1) throw new TypeError("VirtualAlexaOptions.state: not a snapshot of this version");
    return options.state;
  }
  return {
    version: 1,
    locale: options.locale ?? "en-US",
    userId: options.userId ?? DEV_USER_ID,
    deviceId: options.deviceId ?? DEV_DEVICE_ID,
    skillId: options.skillId ?? DEV_SKILL_ID,
    device: IDLE_DEVICE,
  };
}

const PLAYBACK_ACTIVITY = {
  PlaybackStarted: "PLAYING",
  PlaybackNearlyFinished: "PLAYING",
  PlaybackFinished: "FINISHED",
  PlaybackStopped: "STOPPED",
  PlaybackFailed: "STOPPED",
} as const;

const BUTTONS = { play: "Play", pause: "Pause", next: "Next", previous: "Previous" } as const;

/**
 * A virtual Alexa talking to a skill through `options.fetch` (or `options.url`).
 *
 * @example
 * // inside vitest-pool-workers: `exports` from cloudflare:workers, `kit` the one the Worker trusts
 * const alexa = createVirtualAlexa({ model, fetch: (r) => exports.default.fetch(r), url: "http://localhost:8787/", kit });
 * await alexa.launch();
 * const turn = await alexa.say("play the dragon story");
 * turn.audio?.token; // "story:dragons"
 * const events = await alexa.advance(30_000); // PlaybackStarted ... PlaybackFinished
 */
export function createVirtualAlexa(options: VirtualAlexaOptions): VirtualAlexa {
  const model = compileModel(options.model);
  let kit: Promise<SigningMaterial> | undefined;
  const conversation = new Conversation(
    {
      model,
      kit: () => (kit ??= options.kit ? Promise.resolve(options.kit) : getSharedDevSigningKit()),
      fetch: options.fetch ?? ((request) => fetch(request)),
      url: options.url ?? DEFAULT_VIRTUAL_ALEXA_URL,
      timeoutMs: options.timeoutMs ?? 10_000,
      now: options.now ?? (() => new Date()),
      durationOf: (stream) => options.streamDurationMs?.(stream) ?? DEFAULT_STREAM_MS,
      ...(options.onExchange ? { onExchange: options.onExchange } : {}),
    },
    initialState(options),
  );
  const context = () => slotContextOf({ skillId: conversation.state.skillId, now: conversation.setup.now() });

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  const launch = async (): Promise<OpenTurn> => {
    conversation.setDialog(undefined);
    conversation.openSession();
    return conversation.send("launch", conversation.envelope({ type: "LaunchRequest" }, true));
  };

  const endSession = async (reason: SessionEndedReason, extras = {}): Promise<OpenTurn> => {
    const envelope = conversation.envelope({ type: "SessionEndedRequest", reason }, true);
    if (conversation.session === undefined) return conversation.unsent("session-end", envelope, extras);
    return conversation.send("session-end", envelope, extras);
  };

  const say = async (said: string): Promise<Turn> => {
    const progress = conversation.dialog;
    if (progress?.awaiting !== undefined && conversation.session !== undefined) {
      const answer = answerDialog(model, progress.intent, progress.awaiting, spokenWords(said), context());
      if (answer.kind === "answer") return continueDialog(conversation, "utterance", answer.intent, { said, resolution: { kind: "intent", intent: answer.intent } });
      conversation.setDialog(undefined);
    }
    const resolution = resolveUtterance(options.model, said, { locale: conversation.state.locale, skillId: conversation.state.skillId, now: conversation.setup.now() });
    switch (resolution.kind) {
      case "launch":
        return { ...(await launch()), kind: "utterance", said, resolution };
      case "intent":
      case "launch-with-intent":
        conversation.openSession();
        return startIntent(conversation, "utterance", resolution.intent, { said, resolution });
      case "exit":
        return endSession("USER_INITIATED", { said, resolution });
      case "none":
        throw new UtteranceNotUnderstoodError(said);
    }
  };

  const intend = async (name: string, slots: Readonly<Record<string, string>> = {}): Promise<Turn> => {
    const types = model.intents.get(name)?.slots;
    const filled = new Map<string, Slot>();
    for (const [slot, value] of Object.entries(slots)) {
      const type = types?.get(slot);
      const reading = type === undefined ? undefined : readSlot(model, slot, type, wordsOf(value), context());
      filled.set(slot, reading?.slot ?? { name: slot, value, confirmationStatus: "NONE" });
    }
    const progress = conversation.dialog;
    if (progress !== undefined && progress.intent.name === name && conversation.session !== undefined) {
      const merged: Intent = { ...progress.intent, slots: { ...(progress.intent.slots ?? {}), ...Object.fromEntries(filled) } };
      return continueDialog(conversation, "intent", merged, {});
    }
    conversation.openSession();
    const intent = types === undefined ? { name, confirmationStatus: "NONE" as const, slots: Object.fromEntries(filled) } : intentWithSlots(model, name, filled);
    return startIntent(conversation, "intent", intent, {});
  };

  const advance = async (ms: number): Promise<Turn[]> => {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: ms must be a finite number >= 0, not ${ms}`);
    const turns: Turn[] = [];
    let remaining = ms;
    for (let i = 0; i < MAX_ADVANCE_EVENTS; i++) {
      const next = nextPlaybackEvent(conversation.device, remaining);
      if (next === undefined) {
        conversation.setDevice(played(conversation.device, remaining));
        break;
      }
      conversation.setDevice(next.device);
      remaining -= next.elapsedMs;
      await conversation.sendEvents([next.event], turns);
    }
    return turns;
  };

  const playbackEvent = async (type: PlaybackEventType, offsetMs?: number): Promise<Turn> => {
    const device = conversation.device;
    const offset = offsetMs ?? Math.round(device.offsetMs);
    conversation.setDevice({ ...device, activity: PLAYBACK_ACTIVITY[type], offsetMs: offset, nearlyFinishedSent: device.nearlyFinishedSent || type === "PlaybackNearlyFinished" });
    const event: PlaybackEvent = { type, token: device.current?.token ?? "", offsetMs: offset };
    const turns: Turn[] = [];
    await conversation.sendEvents([event], turns);
    const [first, ...rest] = turns;
    if (first === undefined) throw new Error("playbackEvent: the event was not sent");
    return { ...first, followUps: rest };
  };

  const press = async (button: PlaybackButton): Promise<Turn> => {
    const type = `PlaybackController.${BUTTONS[button]}CommandIssued` as const;
    return conversation.send("device", conversation.envelope({ type }, false));
  };

  return {
    launch: () => serial(launch),
    say: (words) => serial(() => say(words)),
    intend: (name, slots) => serial(() => intend(name, slots)),
    advance: (ms) => serial(() => advance(ms)),
    playbackEvent: (type, offsetMs) => serial(() => playbackEvent(type, offsetMs)),
    press: (button) => serial(() => press(button)),
    endSession: (reason = "USER_INITIATED") => serial(() => endSession(reason)),
    snapshot: () => conversation.snapshot(),
    get session() {
      return conversation.session;
    },
    get device() {
      return conversation.device;
    },
    get dialog() {
      return conversation.dialog;
    },
  };
}
