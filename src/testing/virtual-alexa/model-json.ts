/**
 * The shape of an Alexa interaction model file (skill-package/interactionModels/custom/<locale>.json)
 * as far as the virtual Alexa reads it: the language model (invocation name, intents with slots and
 * samples, custom slot types with values and synonyms), the dialog section (required slots,
 * elicitation and confirmation, validations, delegation strategy) and its prompts. Every field
 * is optional or loosely typed because real files in the wild omit and vary them; the parser in
 * model.ts checks what it uses.
 */

/** A slot of an intent: name, type, and the samples used while Alexa elicits it. */
export interface ModelSlotJson {
  readonly name: string;
  readonly type: string;
  readonly samples?: readonly string[];
  readonly multipleValues?: { readonly enabled?: boolean };
}

/** An intent of the language model with its slots and sample utterances. */
export interface ModelIntentJson {
  readonly name: string;
  readonly slots?: readonly ModelSlotJson[];
  readonly samples?: readonly string[];
}

/** One value of a custom slot type: its id, and its name with synonyms. */
export interface ModelTypeValueJson {
  readonly id?: string | null;
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}

/** A custom slot type (or a built-in one extended with values). */
export interface ModelTypeJson {
  readonly name: string;
  readonly values?: readonly ModelTypeValueJson[];
  readonly valueSupplier?: unknown;
}

/** A validation rule of a dialog slot (hasEntityResolutionMatch, isInSet, isGreaterThan, ...) and the prompt Alexa says when it fails. */
export interface DialogSlotValidationJson {
  readonly type: string;
  readonly prompt: string;
  readonly values?: readonly string[];
  readonly value?: string;
  readonly minimumValue?: number | string;
  readonly maximumValue?: number | string;
}

/** A slot of a dialog intent: elicitation, confirmation, their prompt ids and validations. */
export interface DialogSlotJson {
  readonly name: string;
  readonly type?: string;
  readonly elicitationRequired?: boolean;
  readonly confirmationRequired?: boolean;
  readonly prompts?: { readonly elicitation?: string; readonly confirmation?: string };
  readonly validations?: readonly DialogSlotValidationJson[];
}

/** An intent of the dialog section: delegation strategy, confirmation and slots. */
export interface DialogIntentJson {
  readonly name: string;
  readonly delegationStrategy?: "ALWAYS" | "SKILL_RESPONSE" | string;
  readonly confirmationRequired?: boolean;
  readonly prompts?: { readonly confirmation?: string };
  readonly slots?: readonly DialogSlotJson[];
}

/** One wording of a prompt, plain text or SSML. */
export interface PromptVariationJson {
  readonly type: "PlainText" | "SSML" | string;
  readonly value: string;
}

/** A prompt of the model, by id, with its variations. */
export interface PromptJson {
  readonly id: string;
  readonly variations: readonly PromptVariationJson[];
}

/** An interaction model file, e.g. `JSON.parse` of skill-package/interactionModels/custom/en-US.json. */
export interface InteractionModelJson {
  readonly interactionModel: {
    readonly languageModel: {
      readonly invocationName?: string;
      readonly intents: readonly ModelIntentJson[];
      readonly types?: readonly ModelTypeJson[];
    };
    readonly dialog?: {
      readonly delegationStrategy?: "ALWAYS" | "SKILL_RESPONSE" | string;
      readonly intents?: readonly DialogIntentJson[];
    };
    readonly prompts?: readonly PromptJson[];
  };
}
