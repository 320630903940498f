/**
 * Freshness of `request.timestamp` against the request's clock. Amazon allows
 * at most 150 s of difference, and we apply it in both directions (a request
 * from the future is as suspect as an old one). Amazon's skill events (the
 * seven real `AlexaSkillEvent.*` types, e.g. SkillEnabled) are delivered late
 * by design and may be up to an hour old, but no more in the future than
 * anything else; a made-up `AlexaSkillEvent.*` name gets the normal window.
 * The timestamp must be an ISO 8601 date-time with a zone, as Alexa sends, and
 * a real calendar instant: `Date.parse` rolls `2026-11-31` over to 1 December
 * and accepts `T24:00:00`, so every field is range-checked first.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { fail } from "./errors.js";

export const MAX_TOLERANCE_SECONDS = 150;
const SKILL_EVENT_MAX_AGE_SECONDS = 3600;

/** The skill events Amazon sends (ask-sdk-model `events.skillevents`), the only ones given an hour. */
export const SKILL_EVENT_TYPES: ReadonlySet<string> = new Set([
  "AlexaSkillEvent.SkillEnabled",
  "AlexaSkillEvent.SkillDisabled",
  "AlexaSkillEvent.SkillAccountLinked",
  "AlexaSkillEvent.SkillPermissionAccepted",
  "AlexaSkillEvent.SkillPermissionChanged",
  "AlexaSkillEvent.ProactiveSubscriptionChanged",
  "AlexaSkillEvent.NotificationSubscriptionChanged",
]);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or NaN when `text` is not a real ISO 8601 instant. */
export function parseAlexaTimestamp(text: unknown): number {
  if (typeof text !== "string" || !ISO_DATE_TIME.test(text)) return NaN;
  // The shape is checked, so every field sits at a fixed place: YYYY-MM-DDTHH:MM:SS, the offset (if not Z) last.
  const month = digits(text, 5);
  const day = digits(text, 8);
  const zoned = text.charCodeAt(text.length - 1) !== 90; // "Z"
  const inRange =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(digits(text, 0) * 100 + digits(text, 2), month) &&
    digits(text, 11) <= 23 && digits(text, 14) <= 59 && digits(text, 17) <= 59 &&
    (!zoned || (digits(text, text.length - 5) <= 23 && digits(text, text.length - 2) <= 59));
  return inRange ? Date.parse(text) : NaN;
}

/** The two-digit number at `at` (the caller has checked both are digits). */
function digits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

/**
 * Days in `month` (1-12) of `year`, as `Date.UTC` counts them (it reads years
 * 0-99 as 1900-1999), without building a Date: 31 for months whose number,
 * after August, is even; February by the Gregorian leap rule.
 */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return 30 + ((month + (month >> 3)) & 1);
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

export function requireFreshTimestamp(envelope: RequestEnvelope, nowMs: number, toleranceSeconds: number): void {
  const request = envelope.request as { type: string; timestamp?: unknown };
  const { timestamp } = request;
  if (timestamp === undefined || timestamp === null || timestamp === "") {
    fail("missing-timestamp", "request.timestamp is absent");
  }
  const timestampMs = parseAlexaTimestamp(timestamp);
  if (Number.isNaN(timestampMs)) fail("invalid-timestamp", `request.timestamp ${JSON.stringify(timestamp)} is not an ISO 8601 instant`);

  const ageMs = nowMs - timestampMs;
  const maxAgeSeconds = maxAgeSecondsFor(request.type, toleranceSeconds);
  if (ageMs > maxAgeSeconds * 1000) {
    fail("stale-timestamp", `request is ${ageMs / 1000} s old, limit ${maxAgeSeconds} s`);
  }
  if (-ageMs > toleranceSeconds * 1000) {
    fail("future-timestamp", `request is ${-ageMs / 1000} s in the future, limit ${toleranceSeconds} s`);
  }
}

/** How old a request of this type may be: an hour for real skill events, else the tolerance. */
export function maxAgeSecondsFor(requestType: string, toleranceSeconds: number): number {
  return SKILL_EVENT_TYPES.has(requestType) ? SKILL_EVENT_MAX_AGE_SECONDS : toleranceSeconds;
}
