/**
 * `resolveUtterance`: what Alexa makes of some words against one interaction model. First the
 * invocation forms ("open bedtime stories", "ask bedtime stories to play the dragon", "play the
 * dragon with bedtime stories"), then "exit", then the model's intents (see intent-match.ts),
 * then AMAZON.FallbackIntent when the model has it, then stop/cancel words that end the session
 * when the model has no intent for them. Pure and synchronous; runs anywhere.
 */
import { DEV_SKILL_ID } from "../../devkit/alexa-ids.js";
import { BUILTIN_INTENT_PHRASES, EXIT_PHRASES, STOP_INTENTS } from "./builtin-intents.js";
import { intentWithSlots, matchIntent } from "./intent-match.js";
import { compileModel, type CompiledModel } from "./model.js";
import type { SlotContext } from "./slot-values.js";
import { normaliseText, wordsOf } from "./text.js";
import type { InteractionModelJson, ResolveOptions, UtteranceResolution } from "./types.js";

const LAUNCH_VERBS = new Set(["open", "launch", "start", "begin", "load", "run", "use", "play", "talk to", "speak to"]);
const ASK_VERBS = new Set(["ask", "tell"]);
const CONNECTORS = new Set(["to", "that", "for", "about", "whether", "if", "and"]);
const SUFFIX_CONNECTORS = new Set(["using", "with", "from", "on", "in", "via"]);

function startsWith(words: readonly string[], prefix: readonly string[], at = 0): boolean {
  return prefix.length > 0 && prefix.every((word, i) => words[at + i] === word);
}

type Invocation = { readonly kind: "launch" } | { readonly kind: "with"; readonly rest: readonly string[] } | undefined;

/** The invocation form of `words`, if they name the skill. */
function invocationOf(words: readonly string[], invocation: readonly string[]): Invocation {
  if (invocation.length === 0) return undefined;
  if (words.length === invocation.length && startsWith(words, invocation)) return { kind: "launch" };
  for (const verb of [...LAUNCH_VERBS, ...ASK_VERBS]) {
    const verbWords = verb.split(" ");
    if (!startsWith(words, verbWords) || !startsWith(words, invocation, verbWords.length)) continue;
    let rest = words.slice(verbWords.length + invocation.length);
    if (rest.length === 0) return { kind: "launch" };
    if (CONNECTORS.has(rest[0] ?? "")) rest = rest.slice(1);
    return rest.length === 0 ? { kind: "launch" } : { kind: "with", rest };
  }
  const at = words.length - invocation.length;
  if (at >= 2 && SUFFIX_CONNECTORS.has(words[at - 1] ?? "") && startsWith(words, invocation, at)) {
    return { kind: "with", rest: words.slice(0, at - 1) };
  }
  return undefined;
}

function hasPhrase(intent: string, words: readonly string[]): boolean {
  const text = words.join(" ");
  return (BUILTIN_INTENT_PHRASES[intent] ?? []).some((phrase) => normaliseText(phrase) === text);
}

/** The resolution of words inside the skill (no invocation name). */
export function resolveInSkill(model: CompiledModel, words: readonly string[], context: SlotContext): UtteranceResolution {
  if (words.length === 0) return { kind: "none" };
  const text = words.join(" ");
  const ownSample = model.samples.some((sample) => sample.source === "model" && sample.literals.length === sample.parts.length && sample.literals.join(" ") === text);
  if (EXIT_PHRASES.includes(text) && !ownSample) return { kind: "exit" };
  const match = matchIntent(model, words, context);
  if (match !== undefined && !(match.weak && model.intents.has("AMAZON.FallbackIntent"))) {
    return { kind: "intent", intent: match.intent, matched: match.sample.text };
  }
  if (model.intents.has("AMAZON.FallbackIntent")) return { kind: "intent", intent: intentWithSlots(model, "AMAZON.FallbackIntent") };
  if (STOP_INTENTS.some((intent) => !model.intents.has(intent) && hasPhrase(intent, words))) return { kind: "exit" };
  return { kind: "none" };
}

/** The words with a leading "alexa" (and a comma) removed. */
export function spokenWords(utterance: string): string[] {
  const words = wordsOf(utterance);
  return words[0] === "alexa" ? words.slice(1) : words;
}

export function slotContextOf(options: ResolveOptions = {}): SlotContext {
  return { now: options.now ?? new Date(), skillId: options.skillId ?? DEV_SKILL_ID };
}

/**
 * What Alexa makes of `utterance` against `model`: a launch, an intent (with slots and entity
 * resolution), a launch with an intent ("ask <skill> to ..."), an exit, or nothing.
 *
 * @example
 * const model = JSON.parse(await readFile("skill-package/interactionModels/custom/en-US.json", "utf8"));
 * const result = resolveUtterance(model, "play the dragon story");
 * // { kind: "intent", intent: { name: "PlayStoryIntent", slots: { story: { value: "dragon", resolutions: ... } } }, matched: "play the {story} story" }
 */
export function resolveUtterance(model: InteractionModelJson, utterance: string, options: ResolveOptions = {}): UtteranceResolution {
  const compiled = compileModel(model);
  const context = slotContextOf(options);
  const words = spokenWords(utterance);
  const text = words.join(" ");
  const literalSample = compiled.samples.some((sample) => sample.source === "model" && sample.literals.length === sample.parts.length && sample.literals.join(" ") === text);
  const invocation = literalSample ? undefined : invocationOf(words, compiled.invocationWords);
  if (invocation?.kind === "launch") return { kind: "launch" };
  if (invocation?.kind === "with") {
    const inner = resolveInSkill(compiled, invocation.rest, context);
    if (inner.kind === "intent") return { kind: "launch-with-intent", intent: inner.intent, ...(inner.matched ? { matched: inner.matched } : {}) };
    return { kind: "launch" };
  }
  return resolveInSkill(compiled, words, context);
}
