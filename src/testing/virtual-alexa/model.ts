/**
 * An interaction model compiled once for resolution: each intent's slots and sample utterances
 * split into literal words and `{slot}` references, the built-in intents' usual phrases added to
 * the built-ins the model lists, and each custom slot type's values and synonyms indexed by their
 * normalised words. Compiled models are cached per model object, so resolving many utterances
 * against one model pays for this once. Bad JSON gives a typed `InteractionModelError`.
 */
import { BUILTIN_INTENT_PHRASES } from "./builtin-intents.js";
import type { InteractionModelJson, ModelIntentJson } from "./model-json.js";
import { normaliseText, wordsOf } from "./text.js";

export type SamplePart = { readonly kind: "word"; readonly word: string } | { readonly kind: "slot"; readonly name: string };

export interface CompiledSample {
  readonly intent: string;
  /** The sample as written in the model (or the built-in phrase). */
  readonly text: string;
  readonly parts: readonly SamplePart[];
  readonly literals: readonly string[];
  /** "model": the model's samples; "builtin": a built-in intent's usual phrase. */
  readonly source: "model" | "builtin";
}

export interface TypeEntry {
  readonly id: string | undefined;
  readonly name: string;
}

export interface CompiledType {
  readonly name: string;
  /** Normalised value or synonym -> the value it names. */
  readonly entries: ReadonlyMap<string, TypeEntry>;
  /** Values as written, for filling samples. */
  readonly values: readonly { readonly name: string; readonly synonyms: readonly string[] }[];
}

export interface CompiledIntent {
  readonly name: string;
  /** Slot name -> slot type, in declaration order. */
  readonly slots: ReadonlyMap<string, string>;
  /** Slot name -> the slot's own samples ("{size}", "i want a {size}"), used while eliciting it. */
  readonly slotSamples: ReadonlyMap<string, readonly CompiledSample[]>;
  readonly samples: readonly CompiledSample[];
}

export interface CompiledModel {
  readonly json: InteractionModelJson;
  readonly invocationName: string;
  readonly invocationWords: readonly string[];
  readonly intents: ReadonlyMap<string, CompiledIntent>;
  readonly types: ReadonlyMap<string, CompiledType>;
  readonly samples: readonly CompiledSample[];
}

/**
 * The JSON given as an interaction model is not one (no interactionModel.languageModel.intents).
 * @example
 * try { resolveUtterance({} as InteractionModelJson, "hi"); } catch (e) { if (e instanceof InteractionModelError) e.code; } // "INTERACTION_MODEL_INVALID"
 */
export class InteractionModelError extends TypeError {
  override readonly name = "InteractionModelError";
  readonly code = "INTERACTION_MODEL_INVALID";
}

/** A sample's identity: its words with slots in place ("play the {story} story"). */
export function sampleKey(sample: CompiledSample): string {
  return sample.parts.map((part) => (part.kind === "word" ? part.word : `{${part.name}}`)).join(" ");
}

/** Splits "play the {story} story" into words and slot references (normalised). */
export function compileSample(intent: string, text: string, source: CompiledSample["source"]): CompiledSample {
  const parts: SamplePart[] = [];
  for (const piece of text.split(/(\{[^{}]+\})/)) {
    const slot = /^\{([^{}|]+)(?:\|[^{}]*)?\}$/.exec(piece.trim());
    if (slot?.[1] !== undefined) parts.push({ kind: "slot", name: slot[1].trim() });
    else for (const word of wordsOf(piece)) parts.push({ kind: "word", word });
  }
  const literals = parts.flatMap((part) => (part.kind === "word" ? [part.word] : []));
  return { intent, text, parts, literals, source };
}

function compileIntent(intent: ModelIntentJson): CompiledIntent {
  const slots = new Map<string, string>();
  const slotSamples = new Map<string, CompiledSample[]>();
  for (const slot of intent.slots ?? []) {
    if (typeof slot?.name !== "string" || typeof slot.type !== "string") continue;
    slots.set(slot.name, slot.type);
    slotSamples.set(slot.name, (slot.samples ?? []).filter((s) => typeof s === "string").map((s) => compileSample(intent.name, s, "model")));
  }
  const own = (intent.samples ?? []).filter((s): s is string => typeof s === "string").map((s) => compileSample(intent.name, s, "model"));
  const ownTexts = new Set(own.map((sample) => normaliseText(sample.text)));
  const builtin = (BUILTIN_INTENT_PHRASES[intent.name] ?? [])
    .filter((phrase) => !ownTexts.has(normaliseText(phrase)))
    .map((phrase) => compileSample(intent.name, phrase, "builtin"));
  return { name: intent.name, slots, slotSamples, samples: [...own, ...builtin] };
}

function compileTypes(json: InteractionModelJson): Map<string, CompiledType> {
  const types = new Map<string, CompiledType>();
  for (const type of json.interactionModel.languageModel.types ?? []) {
    if (typeof type?.name !== "string") continue;
    const entries = new Map<string, TypeEntry>();
    const values: { name: string; synonyms: string[] }[] = [];
    for (const value of type.values ?? []) {
      const name = value?.name?.value;
      if (typeof name !== "string") continue;
      const synonyms = (value.name.synonyms ?? []).filter((s): s is string => typeof s === "string");
      values.push({ name, synonyms });
      const entry: TypeEntry = { id: typeof value.id === "string" && value.id !== "" ? value.id : undefined, name };
      for (const phrase of [name, ...synonyms]) {
        const key = normaliseText(phrase);
        if (key !== "" && !entries.has(key)) entries.set(key, entry);
      }
    }
    types.set(type.name, { name: type.name, entries, values });
  }
  return types;
}

const cache = new WeakMap<InteractionModelJson, CompiledModel>();

/** The compiled form of `json` (cached per object). */
export function compileModel(json: InteractionModelJson): CompiledModel {
  const cached = cache.get(json);
  if (cached !== undefined) return cached;
  const languageModel = (json as Partial<InteractionModelJson> | null)?.interactionModel?.languageModel;
  if (languageModel === undefined || !Array.isArray(languageModel.intents)) {
    throw new InteractionModelError("not an interaction model: interactionModel.languageModel.intents is missing");
  }
  const intents = new Map<string, CompiledIntent>();
  for (const intent of languageModel.intents) {
    if (typeof intent?.name === "string") intents.set(intent.name, compileIntent(intent));
  }
  const invocationName = typeof languageModel.invocationName === "string" ? languageModel.invocationName : "";
  const compiled: CompiledModel = {
    json,
    invocationName,
    invocationWords: wordsOf(invocationName),
    intents,
    types: compileTypes(json),
    samples: [...intents.values()].flatMap((intent) => intent.samples),
  };
  cache.set(json, compiled);
  return compiled;
}
