/**
 * Typed reading of a request envelope: request type, intent, slots with entity resolution,
 * session, locale, user, device and the Alexa API credentials. Every accessor is total: a
 * missing part gives `undefined` (or an empty list), never a throw, because many request types
 * legitimately lack a session, an intent or a device.
 */
import type { Intent, IntentRequest, Request, RequestEnvelope, Slot, slu } from "ask-sdk-model";

/** A slot value resolved by entity resolution: the synonym's canonical `name` and its `id`. */
export interface ResolvedValue {
  readonly id: string;
  readonly name: string;
  /** The authority that matched, e.g. `amzn1.er-authority.echo-sdk.<skill>.<SlotType>`. */
  readonly authority: string;
}

/**
 * Typed access to an intent's slots (`input.slots`).
 */
export interface SlotAccess {
  /** Names of the slots the intent carries (filled or not). */
  names(): string[];
  get(name: string): Slot | undefined;
  /** What the user said for the slot (`slot.value`), if anything. */
  value(name: string): string | undefined;
  /** Every value of a multiple-value (List) slot, or the single value as a one-item list. */
  values(name: string): string[];
  /** The first value of the first ER_SUCCESS_MATCH authority, if any matched. */
  resolved(name: string): ResolvedValue | undefined;
  /** Every matched value, in Alexa's order (authorities, then values). */
  resolvedAll(name: string): ResolvedValue[];
}

export function intentOf(request: Request): Intent | undefined {
  return request.type === "IntentRequest" ? (request as IntentRequest).intent : undefined;
}

function matchesOf(resolutions: slu.entityresolution.Resolutions | undefined): ResolvedValue[] {
  return (resolutions?.resolutionsPerAuthority ?? [])
    .filter((resolution) => resolution.status.code === "ER_SUCCESS_MATCH")
    .flatMap((resolution) =>
      resolution.values.map((wrapper) => ({
        id: wrapper.value.id,
        name: wrapper.value.name,
        authority: resolution.authority,
      })),
    );
}

function listValues(slot: Slot): string[] {
  const slotValue = slot.slotValue;
  if (slotValue?.type === "List") {
    return (slotValue.values ?? []).flatMap((item) => (item.type === "Simple" && item.value !== undefined ? [item.value] : []));
  }
  return slot.value === undefined ? [] : [slot.value];
}

/**
 * Typed access to an intent's slots (what `input.slots` is): spoken values, entity-resolution
 * matches, multi-value slots.
 * @example
 * const slots = slotAccess(input.intent);
 * slots.value("city"); // "new york", or undefined
 * slots.resolved("city"); // { id: "NYC", name: "New York" } on ER_SUCCESS_MATCH
 */
export function slotAccess(intent: Intent | undefined): SlotAccess {
  const slots = intent?.slots ?? {};
  const get = (name: string): Slot | undefined => (Object.hasOwn(slots, name) ? slots[name] : undefined);
  return {
    names: () => Object.keys(slots),
    get,
    value: (name) => get(name)?.value,
    values: (name) => {
      const slot = get(name);
      return slot === undefined ? [] : listValues(slot);
    },
    resolved: (name) => matchesOf(get(name)?.resolutions)[0],
    resolvedAll: (name) => matchesOf(get(name)?.resolutions),
  };
}

/** Every request type carries a locale except a few skill events; read it without guessing. */
export function localeOf(request: Request): string | undefined {
  const locale = (request as { locale?: unknown }).locale;
  return typeof locale === "string" ? locale : undefined;
}

export function userIdOf(envelope: RequestEnvelope): string | undefined {
  return envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId;
}

export function deviceIdOf(envelope: RequestEnvelope): string | undefined {
  return envelope.context?.System?.device?.deviceId;
}

export function personIdOf(envelope: RequestEnvelope): string | undefined {
  return envelope.context?.System?.person?.personId;
}

/** Whether the device declares an interface, e.g. "AudioPlayer" or "Alexa.Presentation.APL". */
export function supportsInterface(envelope: RequestEnvelope, name: string): boolean {
  const supported = envelope.context?.System?.device?.supportedInterfaces ?? {};
  return Object.hasOwn(supported, name);
}

export interface AlexaApiAccess {
  readonly apiEndpoint: string | undefined;
  readonly apiAccessToken: string | undefined;
}

export function apiAccessOf(envelope: RequestEnvelope): AlexaApiAccess {
  const system = envelope.context?.System;
  return { apiEndpoint: system?.apiEndpoint, apiAccessToken: system?.apiAccessToken };
}
