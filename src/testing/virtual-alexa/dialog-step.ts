/**
 * What Alexa's dialog manager does next for an intent with a dialog model, when the skill
 * delegates (or the model delegates ALWAYS): slot by slot in the dialog's order, a value that
 * fails a validation is cleared and asked for again with the validation's prompt, a value the
 * user denied is cleared and elicited again, a missing required slot is elicited, a filled slot
 * that needs confirmation is confirmed; then the intent is confirmed if it must be; then the
 * dialog is complete. Pure: the intent comes in and goes out as data.
 */
import type { Intent, Slot } from "ask-sdk-model";
import { failedValidation } from "./dialog-validations.js";
import { speakPrompt, type DialogRules } from "./dialog-rules.js";
import type { CompiledModel } from "./model.js";
import type { DialogAwaiting } from "./types.js";

export type DialogStep =
  | { readonly kind: "ask"; readonly awaiting: DialogAwaiting; readonly prompt: string }
  | { readonly kind: "complete" };

function withSlot(intent: Intent, slot: Slot): Intent {
  return { ...intent, slots: { ...(intent.slots ?? {}), [slot.name]: slot } };
}

function cleared(name: string): Slot {
  return { name, confirmationStatus: "NONE" };
}

/** The next dialog step and the intent as Alexa holds it for that step. */
export function nextDialogStep(model: CompiledModel, rules: DialogRules, start: Intent, now: Date): { step: DialogStep; intent: Intent } {
  let intent = start;
  for (const rule of rules.slots) {
    const slot = intent.slots?.[rule.name] ?? cleared(rule.name);
    if (slot.value !== undefined && slot.confirmationStatus === "DENIED") {
      intent = withSlot(intent, cleared(rule.name));
      const prompt = speakPrompt(model, rule.elicitationPrompt, intent);
      return { step: { kind: "ask", awaiting: { kind: "elicit", slot: rule.name }, prompt }, intent };
    }
    if (slot.value !== undefined) {
      const failed = failedValidation(slot, rule.validations, now);
      if (failed !== undefined) {
        const prompt = speakPrompt(model, failed.prompt, intent);
        intent = withSlot(intent, cleared(rule.name));
        return { step: { kind: "ask", awaiting: { kind: "elicit", slot: rule.name }, prompt }, intent };
      }
      if (rule.confirmationRequired && slot.confirmationStatus === "NONE") {
        const prompt = speakPrompt(model, rule.confirmationPrompt, intent);
        return { step: { kind: "ask", awaiting: { kind: "confirm-slot", slot: rule.name }, prompt }, intent };
      }
      continue;
    }
    if (rule.elicitationRequired) {
      const prompt = speakPrompt(model, rule.elicitationPrompt, intent);
      return { step: { kind: "ask", awaiting: { kind: "elicit", slot: rule.name }, prompt }, intent };
    }
  }
  if (rules.confirmationRequired && intent.confirmationStatus === "NONE") {
    const prompt = speakPrompt(model, rules.confirmationPrompt, intent);
    return { step: { kind: "ask", awaiting: { kind: "confirm-intent" }, prompt }, intent };
  }
  return { step: { kind: "complete" }, intent };
}
