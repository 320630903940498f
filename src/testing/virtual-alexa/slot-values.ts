/**
 * What one slot gets from the words that fill it, as Alexa would send it: a custom type's
 * value or synonym resolves to ER_SUCCESS_MATCH with the value's id and name (a leading article
 * or a plural "s" forgiven), anything else ER_SUCCESS_NO_MATCH with the words as heard;
 * AMAZON.NUMBER/ORDINAL/DATE/TIME/DURATION must parse or the reading is rejected; every other
 * built-in type (SearchQuery, cities, names...) takes the words as spoken. Each reading comes
 * with a score so the resolver prefers readings that make sense.
 */
import type { Slot, slu } from "ask-sdk-model";
import { spokenDate, spokenDuration, spokenTime } from "./date-words.js";
import type { CompiledModel, TypeEntry } from "./model.js";
import { spokenNumber, spokenOrdinal } from "./number-words.js";

export interface SlotContext {
  readonly now: Date;
  readonly skillId: string;
}

export interface SlotReading {
  readonly slot: Slot;
  /** Higher is a more convincing reading. */
  readonly score: number;
  /** A custom value matched (ER_SUCCESS_MATCH). */
  readonly matched: boolean;
}

const TYPED: Readonly<Record<string, (words: readonly string[], now: Date) => string | undefined>> = {
  "AMAZON.NUMBER": (words) => spokenNumber(words),
  "AMAZON.FOUR_DIGIT_NUMBER": (words) => (/^\d{4}$/.test(spokenNumber(words) ?? "") ? spokenNumber(words) : undefined),
  "AMAZON.Ordinal": (words) => spokenOrdinal(words) ?? spokenNumber(words),
  "AMAZON.ORDINAL": (words) => spokenOrdinal(words) ?? spokenNumber(words),
  "AMAZON.DATE": (words, now) => spokenDate(words, now),
  "AMAZON.TIME": (words) => spokenTime(words),
  "AMAZON.DURATION": (words) => spokenDuration(words),
};

const ARTICLES = new Set(["the", "a", "an", "my", "some"]);

function lookup(entries: ReadonlyMap<string, TypeEntry>, words: readonly string[]): TypeEntry | undefined {
  const phrase = words.join(" ");
  const direct = entries.get(phrase);
  if (direct !== undefined) return direct;
  if (words.length > 1 && ARTICLES.has(words[0] ?? "")) return lookup(entries, words.slice(1));
  if (phrase.endsWith("s")) return entries.get(phrase.slice(0, -1)) ?? (phrase.endsWith("es") ? entries.get(phrase.slice(0, -2)) : undefined);
  return entries.get(`${phrase}s`);
}

function authority(skillId: string, type: string): string {
  return `amzn1.er-authority.echo-sdk.${skillId}.${type}`;
}

function resolutions(skillId: string, type: string, entry: TypeEntry | undefined): slu.entityresolution.Resolutions {
  return {
    resolutionsPerAuthority: [
      entry === undefined
        ? { authority: authority(skillId, type), status: { code: "ER_SUCCESS_NO_MATCH" }, values: [] }
        : {
            authority: authority(skillId, type),
            status: { code: "ER_SUCCESS_MATCH" },
            values: [{ value: { name: entry.name, id: entry.id ?? entry.name.toUpperCase().replace(/\W+/g, "_") } }],
          },
    ],
  };
}

function slotOf(name: string, value: string, extra: Partial<Slot> = {}): Slot {
  return { name, value, confirmationStatus: "NONE", source: "USER", ...extra } as Slot;
}

/** The reading of `words` as slot `name` of type `type`, or undefined when they cannot fill it. */
export function readSlot(model: CompiledModel, name: string, type: string, words: readonly string[], context: SlotContext): SlotReading | undefined {
  if (words.length === 0) return undefined;
  const spoken = words.join(" ");
  const custom = model.types.get(type);
  if (custom !== undefined && custom.entries.size > 0) {
    const entry = lookup(custom.entries, words);
    if (entry !== undefined) {
      return { slot: slotOf(name, spoken, { resolutions: resolutions(context.skillId, type, entry) }), score: 3 + 0.5 * words.length, matched: true };
    }
  }
  const typed = TYPED[type];
  if (typed !== undefined) {
    const value = typed(words, context.now);
    if (value === undefined) return undefined;
    const exactness = type === "AMAZON.FOUR_DIGIT_NUMBER" ? 0.5 : 0;
    return { slot: slotOf(name, value), score: 2 + 0.25 * words.length + exactness, matched: true };
  }
  if (custom !== undefined && custom.entries.size > 0 && !type.startsWith("AMAZON.")) {
    const slot = slotOf(name, spoken, { resolutions: resolutions(context.skillId, type, undefined) });
    return { slot, score: -1 - 0.5 * words.length, matched: false };
  }
  // Built-in list types and free text: the words as heard; long spans are less likely. Alexa
  // knows the built-in catalogs (cities, names...), so a short value of one counts as matched.
  if (type === "AMAZON.SearchQuery") return { slot: slotOf(name, spoken), score: 0, matched: false };
  const builtinList = type.startsWith("AMAZON.") && words.length <= 2;
  return { slot: slotOf(name, spoken), score: 0.5 - 0.25 * (words.length - 1), matched: builtinList };
}

/** An unfilled slot as Alexa sends it. */
export function emptySlot(name: string): Slot {
  return { name, confirmationStatus: "NONE" };
}
