/**
 * Fitting words to one compiled sample utterance: literal words must match in order, each
 * `{slot}` takes one or more words and is read by slot-values.ts; every way of splitting the
 * words is tried and the best-scoring reading wins (literal words count most, then readings
 * that resolve). Utterances are short, so the search is exhaustive and exact.
 */
import type { CompiledModel, CompiledSample } from "./model.js";
import { readSlot, type SlotContext, type SlotReading } from "./slot-values.js";

export interface SampleFit {
  readonly sample: CompiledSample;
  readonly slots: ReadonlyMap<string, SlotReading>;
  readonly score: number;
}

const LITERAL_WEIGHT = 4;

/** The best fit of `words` to `sample` (slot types from `slotTypes`), or undefined. */
export function fitSample(
  model: CompiledModel,
  sample: CompiledSample,
  slotTypes: ReadonlyMap<string, string>,
  words: readonly string[],
  context: SlotContext,
): SampleFit | undefined {
  const { parts } = sample;
  if (sample.literals.length > words.length) return undefined;
  const minimumAfter: number[] = new Array<number>(parts.length + 1).fill(0);
  for (let i = parts.length - 1; i >= 0; i--) minimumAfter[i] = (minimumAfter[i + 1] ?? 0) + 1;

  const search = (part: number, word: number): { slots: Map<string, SlotReading>; score: number } | undefined => {
    if (part === parts.length) return word === words.length ? { slots: new Map(), score: 0 } : undefined;
    const current = parts[part];
    if (current === undefined) return undefined;
    if (current.kind === "word") {
      if (words[word] !== current.word) return undefined;
      const rest = search(part + 1, word + 1);
      return rest === undefined ? undefined : { slots: rest.slots, score: rest.score + LITERAL_WEIGHT };
    }
    const type = slotTypes.get(current.name);
    if (type === undefined) return undefined;
    let best: { slots: Map<string, SlotReading>; score: number } | undefined;
    const longest = words.length - word - (minimumAfter[part + 1] ?? 0);
    for (let length = 1; length <= longest; length++) {
      const reading = readSlot(model, current.name, type, words.slice(word, word + length), context);
      if (reading === undefined) continue;
      const rest = search(part + 1, word + length);
      if (rest === undefined) continue;
      const score = rest.score + reading.score;
      if (best === undefined || score > best.score) {
        const slots = new Map(rest.slots);
        slots.set(current.name, reading);
        best = { slots, score };
      }
    }
    return best;
  };

  const fit = search(0, 0);
  if (fit === undefined) return undefined;
  return { sample, slots: fit.slots, score: fit.score - (sample.source === "builtin" ? 0.5 : 0) };
}
