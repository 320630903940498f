/**
 * The console's one seam to the virtual Alexa (src/testing/): each API call rebuilds the
 * engine from the snapshot the page sent back, first lets device time pass up to where the
 * page's <audio> element really is (so the engine's PlaybackNearlyFinished, PlaybackFinished
 * and PlaybackStopped carry the offsets the person heard), then runs one action and returns
 * every turn it caused with the new snapshot. The transport is the Worker's own fetch handler
 * on the console's loopback origin, so every request is dev-signed and fully verified. Any
 * rename on the engine's side is an edit here only.
 */
import { createVirtualAlexa, UtteranceNotUnderstoodError } from "../testing/index.js";
import type {
  DevSigningKit,
  InteractionModelJson,
  PlaybackButton,
  PlaybackEventType,
  SkillFetch,
  Turn,
  VirtualAlexa,
  VirtualAlexaState,
} from "../testing/index.js";

/** What the page asks the console to do. */
export type ConsoleAction =
  | { readonly kind: "launch" }
  | { readonly kind: "say"; readonly words: string }
  /** Only let device time pass (the page's element played on). */
  | { readonly kind: "tick" }
  /** An event the engine cannot foresee (the element failed to play the stream). */
  | { readonly kind: "event"; readonly event: PlaybackEventType; readonly offsetMs?: number }
  | { readonly kind: "press"; readonly button: PlaybackButton }
  | { readonly kind: "end" };

/** Where the page's audio element is in the device's current stream. */
export interface PlayerPosition {
  readonly token: string;
  readonly positionMs: number;
  /** The stream's real length, once the element knows it. */
  readonly durationMs?: number;
}

export interface EngineSetup {
  readonly model: InteractionModelJson;
  readonly kit: DevSigningKit;
  readonly fetch: SkillFetch;
  /** The skill's URL on the console's own loopback origin. */
  readonly url: string;
  readonly locale: string;
  readonly userId: string;
  /** The snapshot from the previous call, if it belongs to this locale and user. */
  readonly state?: VirtualAlexaState;
  readonly player?: PlayerPosition;
}

export interface EngineResult {
  /** Every request sent, in order (time passing, the action, its follow-ups). */
  readonly turns: readonly Turn[];
  /** Set when Alexa understood nothing in the words (no request was sent for them). */
  readonly notUnderstood?: string;
  readonly state: VirtualAlexaState;
}

/** The snapshot with the real length of the stream the element plays, when it is known. */
function withDuration(state: VirtualAlexaState | undefined, player: PlayerPosition | undefined): VirtualAlexaState | undefined {
  const current = state?.device.current;
  if (state === undefined || current === undefined || player?.durationMs === undefined || current.token !== player.token) return state;
  return { ...state, device: { ...state.device, current: { ...current, durationMs: player.durationMs } } };
}

const flatten = (turn: Turn): Turn[] => [turn, ...turn.followUps.flatMap(flatten)];

/** Runs one action on a virtual Alexa resumed from `setup.state`. */
export async function runConsoleAction(setup: EngineSetup, action: ConsoleAction): Promise<EngineResult> {
  const state = withDuration(setup.state, setup.player);
  const alexa = createVirtualAlexa({
    model: setup.model,
    kit: setup.kit,
    fetch: setup.fetch,
    url: setup.url,
    locale: setup.locale,
    userId: setup.userId,
    ...(state === undefined ? {} : { state }),
  });
  const turns: Turn[] = [];
  const device = alexa.device;
  if (device.activity === "PLAYING" && device.current?.token === setup.player?.token && setup.player !== undefined) {
    const ahead = setup.player.positionMs - device.offsetMs;
    if (ahead > 0) turns.push(...(await alexa.advance(ahead)).flatMap(flatten));
  }
  try {
    const turn = await runAction(alexa, action);
    if (turn !== undefined) turns.push(...flatten(turn));
  } catch (error) {
    if (!(error instanceof UtteranceNotUnderstoodError)) throw error;
    return { turns, notUnderstood: error.message, state: alexa.snapshot() };
  }
  return { turns, state: alexa.snapshot() };
}

function runAction(alexa: VirtualAlexa, action: ConsoleAction): Promise<Turn> | undefined {
  switch (action.kind) {
    case "launch":
      return alexa.launch();
    case "say":
      return alexa.say(action.words);
    case "tick":
      return undefined;
    case "event":
      return alexa.playbackEvent(action.event, action.offsetMs);
    case "press":
      return alexa.press(action.button);
    case "end":
      return alexa.endSession("USER_INITIATED");
  }
}
