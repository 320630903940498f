/**
 * One request to the skill: the envelope is dev-signed (src/devkit) exactly as Alexa signs,
 * posted through the given fetch (the Worker's own `fetch` inside workerd, or the global fetch
 * to a dev server's URL), bounded by a timeout, and the answer read as JSON. Failures come back
 * as data (status 0 and an error for an unreachable or hung skill, the status and body text for
 * an HTTP error or a body that is not JSON), never as a throw, so a conversation can show them.
 */
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { createSignedRequest, type SigningMaterial } from "../../devkit/index.js";
import { within } from "../../shared/within.js";
import type { SkillFetch } from "./types.js";

export interface Exchange {
  readonly request: RequestEnvelope;
  readonly status: number;
  readonly response?: ResponseEnvelope;
  readonly error?: string;
}

export interface TransportOptions {
  readonly kit: SigningMaterial;
  readonly url: string;
  readonly fetch: SkillFetch;
  readonly timeoutMs: number;
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}

/** Signs `envelope`, sends it, and reads the answer. */
export async function sendEnvelope(envelope: RequestEnvelope, options: TransportOptions): Promise<Exchange> {
  const request = await createSignedRequest(options.kit, envelope, { url: options.url });
  let response: Response | "timeout";
  try {
    response = await within(options.fetch(request), options.timeoutMs);
  } catch (error) {
    return { request: envelope, status: 0, error: `cannot reach the skill at ${options.url}: ${reason(error)}` };
  }
  if (response === "timeout") return { request: envelope, status: 0, error: `the skill did not answer within ${options.timeoutMs} ms` };
  const text = await within(response.text(), options.timeoutMs);
  if (text === "timeout") return { request: envelope, status: response.status, error: `the skill's body did not arrive within ${options.timeoutMs} ms` };
  if (!response.ok) return { request: envelope, status: response.status, error: `HTTP ${response.status}: ${text.slice(0, 500)}` };
  try {
    return { request: envelope, status: response.status, response: JSON.parse(text) as ResponseEnvelope };
  } catch {
    return { request: envelope, status: response.status, error: `the answer is not JSON: ${text.slice(0, 200)}` };
  }
}
