/**
 * Dialog directive rules: Delegate/ElicitSlot/ConfirmSlot/ConfirmIntent only in answer to an
 * IntentRequest, never with `shouldEndSession: true`, and Delegate without outputSpeech or
 * reprompt (Alexa speaks the dialog model's prompt instead). Intent chaining is the exception
 * Amazon documents: a Dialog directive whose `updatedIntent` names a different intent may
 * answer any request with a session (LaunchRequest included), and a chaining Delegate may
 * speak first. (The public zero-to-hero samples chain from LaunchRequest this way.)
 */
import { isDialogTurnDirective } from "../directives/dialog.js";
import { directivesOf, fail, type CheckedResponse, type ResponseCheckFailure } from "./types.js";

export function dialogRules({ request, response }: CheckedResponse): ResponseCheckFailure[] {
  const dialogs = directivesOf(response).filter(isDialogTurnDirective);
  if (dialogs.length === 0) return [];
  const failures: ResponseCheckFailure[] = [];
  const names = dialogs.map((d) => d.type).join(", ");
  const currentIntent = request.type === "IntentRequest" ? request.intent.name : undefined;
  const chains = (d: (typeof dialogs)[number]) => {
    const updated = (d as { updatedIntent?: { name?: unknown } }).updatedIntent;
    return typeof updated?.name === "string" && updated.name !== currentIntent;
  };
  if (request.type !== "IntentRequest" && !dialogs.every(chains)) {
    failures.push(fail("dialog-outside-intent-request", `${names} can answer only an IntentRequest, not ${request.type}`));
  }
  if (response.shouldEndSession === true) {
    failures.push(fail("dialog-ends-session", `${names} needs an open session; shouldEndSession is true`));
  }
  if (dialogs.some((d) => d.type === "Dialog.Delegate" && !chains(d)) && (response.outputSpeech !== undefined || response.reprompt !== undefined)) {
    failures.push(fail("delegate-with-speech", "Dialog.Delegate cannot carry outputSpeech or reprompt"));
  }
  return failures;
}
