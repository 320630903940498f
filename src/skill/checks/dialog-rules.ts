/**
 * Dialog directive rules: Delegate/ElicitSlot/ConfirmSlot/ConfirmIntent only in answer to an
 * IntentRequest, never with `shouldEndSession: true`, and Delegate without outputSpeech or
 * reprompt (Alexa speaks the dialog model's prompt instead).
 */
import { isDialogTurnDirective } from "../directives/dialog.js";
import { directivesOf, fail, type CheckedResponse, type ResponseCheckFailure } from "./types.js";

export function dialogRules({ request, response }: CheckedResponse): ResponseCheckFailure[] {
  const dialogs = directivesOf(response).filter(isDialogTurnDirective);
  if (dialogs.length === 0) return [];
  const failures: ResponseCheckFailure[] = [];
  const names = dialogs.map((d) => d.type).join(", ");
  if (request.type !== "IntentRequest") {
    failures.push(fail("dialog-outside-intent-request", `${names} can answer only an IntentRequest, not ${request.type}`));
  }
  if (response.shouldEndSession === true) {
    failures.push(fail("dialog-ends-session", `${names} needs an open session; shouldEndSession is true`));
  }
  if (dialogs.some((d) => d.type === "Dialog.Delegate") && (response.outputSpeech !== undefined || response.reprompt !== undefined)) {
    failures.push(fail("delegate-with-speech", "Dialog.Delegate cannot carry outputSpeech or reprompt"));
  }
  return failures;
}
