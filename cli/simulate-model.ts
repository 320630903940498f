/**
 * Entity resolution as Alexa does it, from the skill's interaction model: for an intent's
 * slot whose type is a custom type in the model, a spoken value that equals one of the type's
 * values or synonyms (case-insensitive) becomes an ER_SUCCESS_MATCH with that value's id and
 * canonical name; any other value becomes ER_SUCCESS_NO_MATCH. Built-in slot types (AMAZON.*),
 * slots or intents the model does not know, and a missing model leave the plain value.
 * Pure: the model is passed in as parsed JSON and checked defensively.
 */
import type { RequestSpec, SlotSpec } from "skillflare/testing";

interface ModelValue {
  readonly id?: string;
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}

interface LanguageModel {
  readonly intents: readonly { readonly name: string; readonly slots?: readonly { readonly name: string; readonly type: string }[] }[];
  readonly types?: readonly { readonly name: string; readonly values: readonly ModelValue[] }[];
}

/** The languageModel of an interaction model JSON, or undefined when it has none. */
export function languageModelOf(json: unknown): LanguageModel | undefined {
  const model = (json as { interactionModel?: { languageModel?: unknown } } | null)?.interactionModel?.languageModel;
  const intents = (model as { intents?: unknown } | undefined)?.intents;
  return Array.isArray(intents) ? (model as LanguageModel) : undefined;
}

const spoken = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

function resolveValue(value: string, slotType: string, values: readonly ModelValue[]): SlotSpec {
  const wanted = spoken(value);
  const match = values.find((candidate) =>
    [candidate.name.value, ...(candidate.name.synonyms ?? [])].some((name) => typeof name === "string" && spoken(name) === wanted),
  );
  if (match === undefined) return { value, resolved: "no-match", slotType };
  const resolved = match.id === undefined ? { name: match.name.value } : { id: match.id, name: match.name.value };
  return { value, resolved, slotType };
}

/** The request with its slots resolved against `model`; other requests come back unchanged. */
export function resolveSlotsWithModel(request: RequestSpec, model: LanguageModel | undefined): RequestSpec {
  if (request.type !== "IntentRequest" || request.slots === undefined || model === undefined) return request;
  const intent = model.intents.find((candidate) => candidate.name === request.intent);
  const slots: Record<string, SlotSpec> = {};
  for (const [name, slot] of Object.entries(request.slots)) {
    const slotType = intent?.slots?.find((candidate) => candidate.name === name)?.type;
    const values = model.types?.find((type) => type.name === slotType)?.values;
    slots[name] =
      typeof slot === "string" && slotType !== undefined && Array.isArray(values) ? resolveValue(slot, slotType, values) : slot;
  }
  return { ...request, slots };
}

/** Names of the intents and their slots the model declares, for a helpful warning. */
export function unknownToModel(request: RequestSpec, model: LanguageModel | undefined): string[] {
  if (request.type !== "IntentRequest" || model === undefined) return [];
  const intent = model.intents.find((candidate) => candidate.name === request.intent);
  if (intent === undefined) return [`intent ${request.intent} is not in the interaction model`];
  return Object.keys(request.slots ?? {})
    .filter((name) => !(intent.slots ?? []).some((slot) => slot.name === name))
    .map((name) => `slot ${name} is not a slot of ${request.intent}`);
}
