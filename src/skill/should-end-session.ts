/**
 * Decides `shouldEndSession` when the handler did not say. Alexa's meanings: `true` ends the
 * session; `false` keeps it open and opens the microphone; absent keeps a screen device's
 * visual session alive for up to 30 s without listening, and ends it on headless devices.
 * Rules, first match wins:
 *   1. A VideoApp.Launch directive: always absent (Alexa rejects the field with it).
 *   2. The handler's explicit choice (`endSession(...)` / `keepSessionOpen()`).
 *   3. No session in the request (AudioPlayer.*, PlaybackController.*, skill events): absent.
 *   4. A Dialog Delegate/Elicit/Confirm directive: `false` (Alexa needs the next turn).
 *   5. A reprompt: `false` (a reprompt means "I am waiting for an answer").
 *   6. An AudioPlayer.Play: `true` (Alexa's AudioPlayer reference: with `false` the stream is
 *      sent to the device, then paused while Alexa waits for the user).
 *   7. An APL RenderDocument: absent, so the screen stays up without opening the microphone.
 *   8. Otherwise `true`: speech with nothing to wait for is a final answer.
 */
import { isDialogTurnDirective } from "./directives/dialog.js";

/**
 * What `decideShouldEndSession` decides from.
 */
export interface SessionEndFacts {
  readonly explicit: boolean | undefined;
  readonly requestHasSession: boolean;
  readonly hasReprompt: boolean;
  readonly directiveTypes: readonly string[];
}

/**
 * The `shouldEndSession` value when the handler did not set one (docs/skill-api.md): absent,
 * `false` or `true` from the request and what the response carries.
 * @example
 * decideShouldEndSession({ explicit: undefined, requestHasSession: true, hasReprompt: true, directiveTypes: [] }); // false
 */
export function decideShouldEndSession(facts: SessionEndFacts): boolean | undefined {
  const has = (type: string) => facts.directiveTypes.includes(type);
  if (has("VideoApp.Launch")) return undefined;
  if (facts.explicit !== undefined) return facts.explicit;
  if (!facts.requestHasSession) return undefined;
  if (facts.directiveTypes.some((type) => isDialogTurnDirective({ type }))) return false;
  if (facts.hasReprompt) return false;
  if (has("AudioPlayer.Play")) return true;
  if (has("Alexa.Presentation.APL.RenderDocument")) return undefined;
  return true;
}
