// Sends dev-signed Alexa requests through a fixture Worker (the full verification path) and
// waits for its background work, as the Workers runtime would before the isolate idles.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit, type EnvelopeOptions } from "../../src/devkit/index.js";

const kitPromise = importDevSigningKit(inject("devKit"));

// https on a loopback host: dev trust applies, and audio URLs built from it pass the https check.
export const FIXTURE_ORIGIN = "https://localhost:8787";

export interface Turn {
  readonly status: number;
  readonly body: { response?: { outputSpeech?: { ssml?: string } }; [key: string]: unknown };
  readonly text: string;
}

export async function sendSigned(worker: ExportedHandler<Env>, options: EnvelopeOptions, bindings: object = env): Promise<Turn> {
  const kit = await kitPromise;
  const envelope = createRequestEnvelope(options);
  const request = await createSignedRequest(kit, envelope, { url: `${FIXTURE_ORIGIN}/` });
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, bindings as Env, ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { status: response.status, body: text.startsWith("{") ? (JSON.parse(text) as Turn["body"]) : {}, text };
}

export function speechOf(turn: Turn): string {
  return turn.body.response?.outputSpeech?.ssml ?? "";
}
