/**
 * `createSignedRequest`: a ready-to-send `Request` as Alexa would post it to a
 * skill endpoint (POST, application/json, signature headers over the exact
 * body bytes). Options from `signBody` apply, plus the target URL, extra
 * headers, and `tamper`, which sends a body different from the signed one.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { envelopeBody } from "./envelopes.js";
import { signBody, tamperBody, type SignBodyOptions, type SigningMaterial } from "./sign.js";

/**
 * The URL dev requests go to by default (`wrangler dev` on localhost).
 */
export const DEFAULT_SKILL_URL = "https://skill.example.com/";

/**
 * Options of `createSignedRequest`.
 */
export interface SignedRequestOptions extends SignBodyOptions {
  /** Default https://skill.example.com/. */
  readonly url?: string;
  /** Extra headers (win over the generated ones). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Send a tampered body (signed headers stay those of the original body). */
  readonly tamper?: "value" | "whitespace";
}

/**
 * A signed POST request carrying `envelopeOrBody` (an envelope, or a body string sent verbatim).
 * @example
 * const request = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "LaunchRequest" } }), { url: "http://localhost:8787/" });
 * const response = await worker.fetch(request, env, ctx);
 */
export async function createSignedRequest(
  kit: SigningMaterial,
  envelopeOrBody: RequestEnvelope | string,
  options: SignedRequestOptions = {},
): Promise<Request> {
  const body = typeof envelopeOrBody === "string" ? envelopeOrBody : envelopeBody(envelopeOrBody);
  const signatureHeaders = await signBody(kit, body, options);
  const headers = new Headers({ "content-type": "application/json; charset=utf-8" });
  for (const [name, value] of Object.entries(signatureHeaders)) {
    if (typeof value === "string") headers.set(name, value);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const sentBody = options.tamper ? tamperBody(body, options.tamper) : body;
  return new Request(options.url ?? DEFAULT_SKILL_URL, { method: "POST", headers, body: sentBody });
}
