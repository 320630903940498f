/**
 * Slot validations from the dialog model, checked the way Alexa checks them before it accepts
 * a value: hasEntityResolutionMatch, isInSet / isNotInSet (against the spoken value and the
 * resolved name, case-insensitive), isGreaterThan(OrEqualTo) / isLessThan(OrEqualTo) for
 * numbers, and isInDuration / isNotInDuration for dates (ISO dates compared as text, offsets
 * as days from today). The first failing rule's prompt is what Alexa says.
 */
import type { Slot } from "ask-sdk-model";
import type { DialogSlotValidationJson } from "./model-json.js";

function resolvedName(slot: Slot): string | undefined {
  return slot.resolutions?.resolutionsPerAuthority?.find((r) => r.status.code === "ER_SUCCESS_MATCH")?.values?.[0]?.value.name;
}

function inSet(slot: Slot, values: readonly string[] | undefined): boolean {
  const wanted = new Set((values ?? []).map((v) => v.toLowerCase()));
  return [slot.value, resolvedName(slot)].some((v) => v !== undefined && wanted.has(v.toLowerCase()));
}

function dayOffset(iso: string, now: Date): number | undefined {
  const day = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(day)) return undefined;
  return Math.round((day - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86_400_000);
}

function withinDuration(slot: Slot, rule: DialogSlotValidationJson, now: Date): boolean | undefined {
  const offset = slot.value === undefined ? undefined : dayOffset(slot.value, now);
  const min = /^P(-?\d+)D$/.exec(String(rule.minimumValue ?? ""))?.[1];
  const max = /^P(-?\d+)D$/.exec(String(rule.maximumValue ?? ""))?.[1];
  if (offset === undefined || min === undefined || max === undefined) return undefined;
  return offset >= Number(min) && offset <= Number(max);
}

/** Whether one validation rule accepts the slot (unknown rules accept). */
export function passes(slot: Slot, rule: DialogSlotValidationJson, now: Date): boolean {
  const number = Number(slot.value);
  const bound = Number(rule.value);
  switch (rule.type) {
    case "hasEntityResolutionMatch":
      return resolvedName(slot) !== undefined;
    case "isInSet":
      return inSet(slot, rule.values);
    case "isNotInSet":
      return !inSet(slot, rule.values);
    case "isGreaterThan":
      return number > bound;
    case "isGreaterThanOrEqualTo":
      return number >= bound;
    case "isLessThan":
      return number < bound;
    case "isLessThanOrEqualTo":
      return number <= bound;
    case "isInDuration":
      return withinDuration(slot, rule, now) ?? true;
    case "isNotInDuration":
      return !(withinDuration(slot, rule, now) ?? false);
    default:
      return true;
  }
}

/** The first validation the slot fails, or undefined when it passes them all. */
export function failedValidation(slot: Slot, rules: readonly DialogSlotValidationJson[], now: Date): DialogSlotValidationJson | undefined {
  if (slot.value === undefined) return undefined;
  return rules.find((rule) => !passes(slot, rule, now));
}
