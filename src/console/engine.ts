/**
 * The console's one seam to the virtual Alexa (src/testing/): each API call rebuilds the
 * engine from the snapshot the page sent back, runs one action (launch, words, a playback
 * event, a device button, the end of the session) and returns the turn with the new
 * snapshot. The transport is the Worker's own fetch handler and the URL is the console's
 * loopback origin, so every turn is dev-signed and takes the full verification path. Any
 * rename on the engine's side is an edit here only.
 */
import { createVirtualAlexa } from "./interim-virtual-alexa.js";
import type {
  DevSigningKit,
  InteractionModelJson,
  PlaybackButton,
  PlaybackEventType,
  SkillFetch,
  Turn,
  VirtualAlexaState,
} from "../testing/index.js";

/** What the page asks the console to do. */
export type ConsoleAction =
  | { readonly kind: "launch" }
  | { readonly kind: "say"; readonly words: string }
  | { readonly kind: "event"; readonly event: PlaybackEventType; readonly offsetMs?: number }
  | { readonly kind: "press"; readonly button: PlaybackButton }
  | { readonly kind: "end" };

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
}

export interface EngineResult {
  readonly turn: Turn;
  readonly state: VirtualAlexaState;
}

/** Runs one action on a virtual Alexa resumed from `setup.state`. */
export async function runConsoleAction(setup: EngineSetup, action: ConsoleAction): Promise<EngineResult> {
  const alexa = createVirtualAlexa({
    model: setup.model,
    kit: setup.kit,
    fetch: setup.fetch,
    url: setup.url,
    locale: setup.locale,
    userId: setup.userId,
    ...(setup.state === undefined ? {} : { state: setup.state }),
  });
  const turn = await runAction(alexa, action);
  return { turn, state: alexa.snapshot() };
}

function runAction(alexa: ReturnType<typeof createVirtualAlexa>, action: ConsoleAction): Promise<Turn> {
  switch (action.kind) {
    case "launch":
      return alexa.launch();
    case "say":
      return alexa.say(action.words);
    case "event":
      return alexa.playbackEvent(action.event, action.offsetMs);
    case "press":
      return alexa.press(action.button);
    case "end":
      return alexa.endSession("USER_INITIATED");
  }
}
