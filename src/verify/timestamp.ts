/**
 * Freshness of `request.timestamp` against the request's clock. Amazon allows
 * at most 150 s of difference, and we apply it in both directions (a request
 * from the future is as suspect as an old one). Skill events
 * (`AlexaSkillEvent.*`, e.g. SkillEnabled) are delivered late by design and may
 * be up to an hour old, but no more in the future than anything else. The
 * timestamp must be an ISO 8601 date-time string with a zone, as Alexa sends.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { fail } from "./errors.js";

export const MAX_TOLERANCE_SECONDS = 150;
const SKILL_EVENT_MAX_AGE_SECONDS = 3600;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function requireFreshTimestamp(envelope: RequestEnvelope, nowMs: number, toleranceSeconds: number): void {
  const request = envelope.request as { type: string; timestamp?: unknown };
  const { timestamp } = request;
  if (timestamp === undefined || timestamp === null || timestamp === "") {
    fail("missing-timestamp", "request.timestamp is absent");
  }
  const timestampMs = typeof timestamp === "string" && ISO_DATE_TIME.test(timestamp) ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(timestampMs)) fail("invalid-timestamp", `request.timestamp ${JSON.stringify(timestamp)} is not ISO 8601`);

  const maxAgeSeconds = request.type.startsWith("AlexaSkillEvent.") ? SKILL_EVENT_MAX_AGE_SECONDS : toleranceSeconds;
  const ageMs = nowMs - timestampMs;
  if (ageMs > maxAgeSeconds * 1000) {
    fail("stale-timestamp", `request is ${ageMs / 1000} s old, limit ${maxAgeSeconds} s`);
  }
  if (-ageMs > toleranceSeconds * 1000) {
    fail("future-timestamp", `request is ${-ageMs / 1000} s in the future, limit ${toleranceSeconds} s`);
  }
}
