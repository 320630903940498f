/**
 * Dialog directives (Delegate, ElicitSlot, ConfirmSlot, ConfirmIntent) as plain data in the
 * shapes of `ask-sdk-model`'s `dialog.*Directive`. Alexa accepts them only in answer to an
 * IntentRequest and never with `shouldEndSession: true`; Delegate also may not carry speech or
 * a reprompt. The response checks enforce those rules; the builder keeps the session open.
 */
import type { dialog, Intent } from "ask-sdk-model";

function withUpdatedIntent<D extends object>(directive: D, updatedIntent: Intent | undefined): D & { updatedIntent?: Intent } {
  return updatedIntent === undefined ? directive : { ...directive, updatedIntent };
}

/**
 * Lets Alexa's dialog model take the next turn.
 * @example
 * if (input.request.dialogState !== "COMPLETED") return input.responseBuilder.directive(delegate());
 */
export function delegate(updatedIntent?: Intent): dialog.DelegateDirective {
  return withUpdatedIntent({ type: "Dialog.Delegate" as const }, updatedIntent);
}

/**
 * Asks the user for one slot; your outputSpeech is the question.
 * @example
 * input.responseBuilder.speak("Which city?").reprompt("Which city?").directive(elicitSlot("city"));
 */
export function elicitSlot(slotToElicit: string, updatedIntent?: Intent): dialog.ElicitSlotDirective {
  return withUpdatedIntent({ type: "Dialog.ElicitSlot" as const, slotToElicit }, updatedIntent);
}

/**
 * Asks the user to confirm one slot value.
 * @example
 * input.responseBuilder.speak("Paris, right?").directive(confirmSlot("city"));
 */
export function confirmSlot(slotToConfirm: string, updatedIntent?: Intent): dialog.ConfirmSlotDirective {
  return withUpdatedIntent({ type: "Dialog.ConfirmSlot" as const, slotToConfirm }, updatedIntent);
}

/**
 * Asks the user to confirm the whole intent.
 * @example
 * input.responseBuilder.speak("Book it for tomorrow?").directive(confirmIntent());
 */
export function confirmIntent(updatedIntent?: Intent): dialog.ConfirmIntentDirective {
  return withUpdatedIntent({ type: "Dialog.ConfirmIntent" as const }, updatedIntent);
}

const DIALOG_TYPES: ReadonlySet<string> = new Set(["Dialog.Delegate", "Dialog.ElicitSlot", "Dialog.ConfirmSlot", "Dialog.ConfirmIntent"]);

/** The four directives that hand a dialog turn to Alexa (and so need an open session). */
export function isDialogTurnDirective(directive: { type: string }): boolean {
  return DIALOG_TYPES.has(directive.type);
}
