/**
 * The dialog section of an interaction model, read for one intent: its delegation strategy
 * (the intent's own, else the model's, else SKILL_RESPONSE), whether the intent needs
 * confirmation, and per slot whether it must be elicited or confirmed, its prompts and its
 * validations. Prompts are looked up by id in the model's `prompts` and spoken with `{slot}`
 * references replaced by the slot values, as Alexa does; the first variation is used, so
 * tests read the same words every run.
 */
import type { Intent } from "ask-sdk-model";
import type { CompiledModel } from "./model.js";
import type { DialogSlotValidationJson } from "./model-json.js";
import { ssmlToText } from "./speech-text.js";

export interface DialogSlotRule {
  readonly name: string;
  readonly type: string;
  readonly elicitationRequired: boolean;
  readonly confirmationRequired: boolean;
  readonly elicitationPrompt?: string;
  readonly confirmationPrompt?: string;
  readonly validations: readonly DialogSlotValidationJson[];
}

export interface DialogRules {
  readonly intent: string;
  readonly delegation: "ALWAYS" | "SKILL_RESPONSE";
  readonly confirmationRequired: boolean;
  readonly confirmationPrompt?: string;
  readonly slots: readonly DialogSlotRule[];
}

/** The dialog rules of `intent`, or undefined when the model has no dialog for it. */
export function dialogRulesFor(model: CompiledModel, intent: string): DialogRules | undefined {
  const dialog = model.json.interactionModel.dialog;
  const entry = dialog?.intents?.find((candidate) => candidate?.name === intent);
  if (entry === undefined) return undefined;
  const strategy = entry.delegationStrategy ?? dialog?.delegationStrategy;
  const slotTypes = model.intents.get(intent)?.slots;
  return {
    intent,
    delegation: strategy === "ALWAYS" ? "ALWAYS" : "SKILL_RESPONSE",
    confirmationRequired: entry.confirmationRequired === true,
    ...(entry.prompts?.confirmation ? { confirmationPrompt: entry.prompts.confirmation } : {}),
    slots: (entry.slots ?? []).map((slot) => ({
      name: slot.name,
      type: slot.type ?? slotTypes?.get(slot.name) ?? "",
      elicitationRequired: slot.elicitationRequired === true,
      confirmationRequired: slot.confirmationRequired === true,
      ...(slot.prompts?.elicitation ? { elicitationPrompt: slot.prompts.elicitation } : {}),
      ...(slot.prompts?.confirmation ? { confirmationPrompt: slot.prompts.confirmation } : {}),
      validations: slot.validations ?? [],
    })),
  };
}

/** The words of prompt `id` with `{slot}`s filled from `intent`, or a stand-in naming the missing prompt. */
export function speakPrompt(model: CompiledModel, id: string | undefined, intent: Intent): string {
  const prompt = id === undefined ? undefined : model.json.interactionModel.prompts?.find((candidate) => candidate?.id === id);
  const variation = prompt?.variations?.[0];
  if (variation === undefined) return `(no prompt ${id ?? ""} in the model)`.replace(" )", ")");
  const text = variation.type === "SSML" ? ssmlToText(variation.value) : variation.value;
  return text.replace(/\{([^{}]+)\}/g, (whole, slot: string) => intent.slots?.[slot]?.value ?? whole);
}
