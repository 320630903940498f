/**
 * Talks to the skill the way Alexa does: a realistic request envelope, signed with the run's
 * dev kit, posted to the Worker (`exports.default.fetch`), so every request goes through the
 * same signature, certificate and timestamp checks as in production.
 */
import { exports } from "cloudflare:workers";
import type { ResponseEnvelope } from "ask-sdk-model";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit, type RequestSpec } from "skillflare/testing";
import { inject } from "vitest";

const SKILL_URL = "http://localhost:8787/";
const kit = importDevSigningKit(inject("devKit"));

/** A new Alexa user id, so each test starts with nothing remembered. */
export const newUser = (): string => `amzn1.ask.account.test-${crypto.randomUUID()}`;

/** Signs `request` as Alexa would for `userId`, sends it, and returns the status and envelope. */
export async function ask(request: RequestSpec, userId: string): Promise<{ status: number; body: ResponseEnvelope }> {
  const envelope = createRequestEnvelope({ request, userId });
  const response = await exports.default.fetch(await createSignedRequest(await kit, envelope, { url: SKILL_URL }));
  return { status: response.status, body: (await response.json()) as ResponseEnvelope };
}

/** The plain text of the response's speech (SSML tags removed). */
export function speech(body: ResponseEnvelope): string {
  const output = body.response.outputSpeech;
  if (output === undefined) return "";
  return output.type === "SSML" ? output.ssml.replace(/<[^>]+>/g, "") : output.text;
}
