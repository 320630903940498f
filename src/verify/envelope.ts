/**
 * Turns the verified body text into a request envelope. Parsing happens only
 * after the signature check, over the same bytes. The envelope must be a JSON
 * object whose `request` is an object with a string `type`; everything else
 * the skill layer reads is typed by ask-sdk-model and checked where used.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { fail } from "./errors.js";

export function parseEnvelope(bodyText: string): RequestEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch (error) {
    return fail("body-not-json", String(error));
  }
  if (!isRecord(parsed)) return fail("envelope-invalid", "body is not a JSON object");
  const request = parsed["request"];
  if (!isRecord(request) || typeof request["type"] !== "string") {
    return fail("envelope-invalid", "request.type is missing");
  }
  return parsed as unknown as RequestEnvelope;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
