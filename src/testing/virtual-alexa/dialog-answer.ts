/**
 * The user's next words while a dialog waits for something: after an elicitation they fill
 * the asked-for slot (through the slot's own samples, the bare value, or the intent's samples
 * restated, which may fill other slots too); after a confirmation question "yes" / "no" set
 * the slot's or the intent's confirmationStatus. Words that are plainly something else (a
 * literal sample or built-in phrase of another intent, such as "stop" or "help") leave the
 * dialog, as they do with Alexa. Pure.
 */
import type { Intent, Slot } from "ask-sdk-model";
import { matchIntent } from "./intent-match.js";
import { compileSample, type CompiledModel, type CompiledSample } from "./model.js";
import type { SlotContext } from "./slot-values.js";
import type { DialogAwaiting } from "./types.js";

export type DialogAnswer = { readonly kind: "answer"; readonly intent: Intent } | { readonly kind: "elsewhere" };

function merged(intent: Intent, filled: Readonly<Record<string, Slot>>): Intent {
  const slots = { ...(intent.slots ?? {}) };
  for (const [name, slot] of Object.entries(filled)) if (slot.value !== undefined) slots[name] = slot;
  return { ...intent, slots };
}

function literalElsewhere(model: CompiledModel, words: readonly string[], intent: string): boolean {
  const text = words.join(" ");
  return model.samples.some((sample) => sample.intent !== intent && sample.literals.length === sample.parts.length && sample.literals.join(" ") === text);
}

function answerSamples(model: CompiledModel, intent: string, slot: string | undefined): CompiledSample[] {
  const compiled = model.intents.get(intent);
  const own = compiled?.samples.filter((sample) => sample.source === "model") ?? [];
  if (slot === undefined) return own;
  return [...(compiled?.slotSamples.get(slot) ?? []), compileSample(intent, `{${slot}}`, "model"), ...own];
}

function yesNo(model: CompiledModel, words: readonly string[], context: SlotContext): "CONFIRMED" | "DENIED" | undefined {
  const yesNoSamples = model.samples.filter((sample) => sample.intent === "AMAZON.YesIntent" || sample.intent === "AMAZON.NoIntent");
  const builtins = ["AMAZON.YesIntent", "AMAZON.NoIntent"]
    .filter((name) => !model.intents.has(name))
    .flatMap((name) => (name === "AMAZON.YesIntent" ? ["yes", "yeah", "yep", "sure", "ok", "okay", "correct", "right"] : ["no", "nope", "nah", "wrong", "incorrect"]).map((p) => compileSample(name, p, "builtin")));
  const match = matchIntent(model, words, context, [...yesNoSamples, ...builtins]);
  if (match === undefined) return undefined;
  return match.intent.name === "AMAZON.YesIntent" ? "CONFIRMED" : "DENIED";
}

/** What `words` do to the dialog waiting for `awaiting` on `intent`. */
export function answerDialog(model: CompiledModel, intent: Intent, awaiting: DialogAwaiting, words: readonly string[], context: SlotContext): DialogAnswer {
  if (literalElsewhere(model, words, intent.name) && !(awaiting.kind !== "elicit" && yesNo(model, words, context) !== undefined)) {
    return { kind: "elsewhere" };
  }
  if (awaiting.kind !== "elicit") {
    const status = yesNo(model, words, context);
    if (status !== undefined && awaiting.kind === "confirm-intent") return { kind: "answer", intent: { ...intent, confirmationStatus: status } };
    if (status !== undefined && awaiting.kind === "confirm-slot") {
      const slot = intent.slots?.[awaiting.slot] ?? { name: awaiting.slot, confirmationStatus: "NONE" };
      return { kind: "answer", intent: merged(intent, { [awaiting.slot]: { ...slot, confirmationStatus: status } }) };
    }
  }
  const match = matchIntent(model, words, context, answerSamples(model, intent.name, awaiting.kind === "elicit" ? awaiting.slot : undefined));
  if (match === undefined || (match.weak && awaiting.kind !== "elicit")) return { kind: "elsewhere" };
  const restated = merged(intent, match.intent.slots ?? {});
  // A restated slot value needs confirming again.
  return { kind: "answer", intent: awaiting.kind === "elicit" ? restated : { ...restated, confirmationStatus: "NONE" } };
}
