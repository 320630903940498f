/**
 * `checkInteractionModel`: an interaction model against Alexa's model rules and, when the
 * skill's handled intents are known, against the skill. Errors are what the Alexa developer
 * console refuses to build or what can never work (a sample naming an undeclared slot, one
 * utterance in two intents, a missing required built-in, a dialog prompt that does not exist,
 * an intent no handler takes); warnings are what usually goes wrong. Pure; `skillflare check`
 * prints the findings and exits 1 when there is an error.
 */
import { compileModel, sampleKey } from "./virtual-alexa/model.js";
import type { InteractionModelJson } from "./virtual-alexa/model-json.js";

/** One problem found in an interaction model: its severity, a stable code and a sentence. */
export interface ModelFinding {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
}

/** Options of `checkInteractionModel`. */
export interface ModelCheckOptions {
  /** Intent names the skill's handlers take; omit to skip the handler checks. */
  readonly handledIntents?: readonly string[];
}

const REQUIRED_BUILTINS = ["AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent"];
const FORBIDDEN_INVOCATION_WORDS = ["alexa", "amazon", "echo", "computer", "ziggy", "launch", "ask", "tell", "open", "load", "begin", "enable"];

function invocationFindings(name: string | undefined): ModelFinding[] {
  const error = (code: string, message: string): ModelFinding => ({ severity: "error", code, message });
  if (name === undefined || name.trim() === "") return [error("invocation-missing", "the model has no invocationName")];
  const found: ModelFinding[] = [];
  if (name !== name.toLowerCase()) found.push(error("invocation-case", `invocation name "${name}" must be lower case`));
  if (!/^[\p{L}\p{M} .']+$/u.test(name)) found.push(error("invocation-characters", `invocation name "${name}" may hold only letters, spaces, apostrophes and periods (numbers spelled out)`));
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  for (const word of words) if (FORBIDDEN_INVOCATION_WORDS.includes(word)) found.push(error("invocation-word", `invocation name "${name}" may not contain "${word}" (a wake word or launch phrase)`));
  if (words.length < 2) found.push({ severity: "warning", code: "invocation-one-word", message: `invocation name "${name}" is one word: Alexa allows that only for a brand you own` });
  if (name.length > 50) found.push({ severity: "warning", code: "invocation-long", message: `invocation name "${name}" is long (${name.length} characters); people will not say it` });
  return found;
}

/**
 * The findings for `json`, errors first.
 *
 * @example
 * const findings = checkInteractionModel(model, { handledIntents: ["PlayStoryIntent", "AMAZON.HelpIntent"] });
 * const failed = findings.some((f) => f.severity === "error");
 */
export function checkInteractionModel(json: InteractionModelJson, options: ModelCheckOptions = {}): ModelFinding[] {
  const model = compileModel(json);
  const findings: ModelFinding[] = [...invocationFindings(json.interactionModel.languageModel.invocationName)];
  const add = (severity: ModelFinding["severity"], code: string, message: string) => findings.push({ severity, code, message });
  const names = json.interactionModel.languageModel.intents.map((intent) => intent.name);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) add("error", "intent-duplicate", `intent ${name} is declared twice`);
  for (const required of REQUIRED_BUILTINS) if (!model.intents.has(required)) add("error", "builtin-missing", `${required} is required in every custom skill`);
  const owners = new Map<string, string[]>();
  for (const intent of model.intents.values()) {
    for (const [slot, type] of intent.slots) {
      if (!type.startsWith("AMAZON.") && !model.types.has(type)) add("error", "slot-type-missing", `slot ${intent.name}.${slot} has type ${type}, which the model does not define`);
    }
    const seen = new Set<string>();
    for (const sample of intent.samples.filter((s) => s.source === "model")) {
      const key = sampleKey(sample);
      if (seen.has(key)) add("warning", "sample-repeated", `${intent.name} lists "${sample.text}" twice`);
      seen.add(key);
      owners.set(key, [...new Set([...(owners.get(key) ?? []), intent.name])]);
      for (const part of sample.parts) {
        if (part.kind === "slot" && !intent.slots.has(part.name)) add("error", "sample-slot-undeclared", `${intent.name}: "${sample.text}" uses {${part.name}}, which the intent does not declare`);
      }
      if (/\d/.test(sample.text.replace(/\{[^}]*\}/g, ""))) add("error", "sample-digits", `${intent.name}: "${sample.text}" has digits; spell numbers out`);
      const slotsOnly = sample.parts.length > 0 && sample.parts.every((p) => p.kind === "slot");
      if (slotsOnly && sample.parts.some((p) => p.kind === "slot" && intent.slots.get(p.name) === "AMAZON.SearchQuery")) {
        add("error", "searchquery-alone", `${intent.name}: "${sample.text}" has an AMAZON.SearchQuery slot with no carrier phrase`);
      }
    }
  }
  for (const [sample, intents] of owners) if (intents.length > 1) add("error", "sample-in-two-intents", `"${sample}" is a sample of ${intents.join(" and ")}`);
  for (const type of json.interactionModel.languageModel.types ?? []) {
    if ((type.values ?? []).length === 0 && type.valueSupplier === undefined) add("error", "type-empty", `slot type ${type.name} has no values`);
  }
  const promptIds = new Set((json.interactionModel.prompts ?? []).map((p) => p.id));
  for (const intent of json.interactionModel.dialog?.intents ?? []) {
    const declared = model.intents.get(intent.name);
    if (declared === undefined) add("error", "dialog-intent-unknown", `the dialog has intent ${intent.name}, which the language model does not`);
    const prompts = [intent.prompts?.confirmation, ...(intent.slots ?? []).flatMap((s) => [s.prompts?.elicitation, s.prompts?.confirmation, ...(s.validations ?? []).map((v) => v.prompt)])];
    for (const id of prompts) if (id !== undefined && !promptIds.has(id)) add("error", "prompt-missing", `${intent.name}: prompt ${id} is not in the model's prompts`);
    for (const slot of intent.slots ?? []) {
      if (declared !== undefined && !declared.slots.has(slot.name)) add("error", "dialog-slot-unknown", `the dialog of ${intent.name} has slot ${slot.name}, which the intent does not declare`);
      if (slot.elicitationRequired === true && slot.prompts?.elicitation === undefined) add("error", "elicitation-prompt-missing", `${intent.name}.${slot.name} must be elicited but has no elicitation prompt`);
    }
  }
  if (options.handledIntents !== undefined) {
    const handled = new Set(options.handledIntents);
    for (const name of model.intents.keys()) {
      if (!handled.has(name)) add(name.startsWith("AMAZON.") && !REQUIRED_BUILTINS.includes(name) ? "warning" : "error", "intent-unhandled", `no handler takes ${name}`);
    }
    for (const name of handled) if (!model.intents.has(name)) add(name.startsWith("AMAZON.") ? "warning" : "error", "handler-without-intent", `a handler takes ${name}, which the model does not have: Alexa never sends it`);
  }
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
