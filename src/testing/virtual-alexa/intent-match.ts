/**
 * Words to the best intent of a compiled model: every sample (the model's own and the built-in
 * phrases) is fitted, the best score wins; a second try drops filler words and the polite
 * openings people add ("can you ..."). The result is an ask-sdk-model `Intent` with every slot
 * the intent declares (unfilled ones without a value, as Alexa sends them). A fit made only of
 * slots whose values resolve to nothing is weak: AMAZON.FallbackIntent beats it when the model
 * has one.
 */
import type { Intent, Slot } from "ask-sdk-model";
import type { CompiledModel, CompiledSample } from "./model.js";
import { fitSample, type SampleFit } from "./sample-match.js";
import { emptySlot, type SlotContext } from "./slot-values.js";
import { POLITE_PREFIXES, withoutFillers } from "./text.js";

export interface IntentMatch {
  readonly intent: Intent;
  readonly sample: CompiledSample;
  readonly score: number;
  /** Only unresolved slot values carried this fit. */
  readonly weak: boolean;
}

/** The intent `name` with all its declared slots, `filled` ones with their values. */
export function intentWithSlots(model: CompiledModel, name: string, filled: ReadonlyMap<string, Slot> = new Map()): Intent {
  const declared = model.intents.get(name)?.slots;
  if (declared === undefined || declared.size === 0) return { name, confirmationStatus: "NONE" };
  const slots: Record<string, Slot> = {};
  for (const slot of declared.keys()) slots[slot] = filled.get(slot) ?? emptySlot(slot);
  return { name, confirmationStatus: "NONE", slots };
}

function bestFit(model: CompiledModel, samples: readonly CompiledSample[], words: readonly string[], context: SlotContext): SampleFit | undefined {
  const present = new Set(words);
  let best: SampleFit | undefined;
  for (const sample of samples) {
    if (!sample.literals.every((word) => present.has(word))) continue;
    const slotTypes = model.intents.get(sample.intent)?.slots ?? new Map<string, string>();
    const fit = fitSample(model, sample, slotTypes, words, context);
    if (fit !== undefined && (best === undefined || fit.score > best.score)) best = fit;
  }
  return best;
}

function toMatch(model: CompiledModel, fit: SampleFit, penalty: number): IntentMatch {
  const filled = new Map([...fit.slots].map(([name, reading]) => [name, reading.slot] as const));
  const weak = fit.sample.literals.length === 0 && [...fit.slots.values()].every((reading) => !reading.matched);
  return { intent: intentWithSlots(model, fit.sample.intent, filled), sample: fit.sample, score: fit.score - penalty, weak };
}

function withoutPrefix(words: readonly string[]): string[] | undefined {
  for (const prefix of POLITE_PREFIXES) {
    if (prefix.length < words.length && prefix.every((word, i) => words[i] === word)) return words.slice(prefix.length);
  }
  return undefined;
}

/** The best intent for `words` among `samples` (default all of the model's), or undefined. */
export function matchIntent(
  model: CompiledModel,
  words: readonly string[],
  context: SlotContext,
  samples: readonly CompiledSample[] = model.samples,
): IntentMatch | undefined {
  const exact = bestFit(model, samples, words, context);
  if (exact !== undefined && !toMatch(model, exact, 0).weak) return toMatch(model, exact, 0);
  const tries: (readonly string[])[] = [];
  let current: readonly string[] = withoutFillers(words);
  if (current.length !== words.length) tries.push(current);
  for (let next = withoutPrefix(current); next !== undefined; next = withoutPrefix(current)) {
    tries.push(next);
    current = next;
  }
  let best = exact === undefined ? undefined : toMatch(model, exact, 0);
  for (const attempt of tries) {
    const fit = bestFit(model, samples, attempt, context);
    if (fit === undefined) continue;
    const match = toMatch(model, fit, 1 + (words.length - attempt.length) * 0.25);
    if (best === undefined || (best.weak && !match.weak) || (best.weak === match.weak && match.score > best.score)) best = match;
  }
  return best;
}
