/**
 * The deployed Worker. Until the example skill lands, the default export answers
 * a verified LaunchRequest with a short spoken welcome and serves `/audio/<key>`
 * from the `AUDIO` bucket, so the whole path (raw body, signature, chain, cache,
 * handler, rendering) is exercised end to end through `exports.default.fetch`.
 */
import type { ResponseEnvelope } from "ask-sdk-model";
import { handleAudioRequest } from "./audio/route.js";
import { createAlexaWorker } from "./http/create-alexa-worker.js";

function speak(text: string, shouldEndSession: boolean): ResponseEnvelope {
  return {
    version: "1.0",
    response: { outputSpeech: { type: "PlainText", text }, shouldEndSession },
  };
}

export default createAlexaWorker<Env>({
  handler: ({ envelope }) =>
    envelope.request.type === "LaunchRequest"
      ? speak("Welcome to skillflare.", false)
      : speak("Goodbye.", true),
  routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx)],
}) satisfies ExportedHandler<Env>;
