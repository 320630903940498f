/**
 * Alexa's Directive Service, for progressive responses: while a slow handler works, send
 * `VoicePlayer.Speak` ("One moment...") to POST {apiEndpoint}/v1/directives with the request's
 * id in the header. Call it early in the handler and await it, or hand it to `waitUntil` to
 * keep it off the critical path; either way it must happen before the final response.
 */
import type { services } from "ask-sdk-model";
import { toSpeakDocument, toSsml, type Ssml } from "../ssml.js";
import { callAlexaApi, type AlexaApiTarget } from "./alexa-api.js";

/**
 * The Directive Service client: progressive responses.
 */
export interface DirectiveService {
  /** Progressive response: speak this now (a string is text and is escaped). */
  speak(speech: string | Ssml): Promise<void>;
  /** Any directive the Directive Service accepts. */
  enqueue(directive: services.directive.Directive): Promise<void>;
}

/**
 * The Directive Service client (`input.services.directives`): progressive responses while
 * the skill works on the real answer.
 * @example
 * input.waitUntil(input.services.directives.speak("Let me look that up..."));
 */
export function createDirectiveService(target: AlexaApiTarget & { readonly requestId: string }): DirectiveService {
  async function enqueue(directive: services.directive.Directive): Promise<void> {
    const body: services.directive.SendDirectiveRequest = { header: { requestId: target.requestId }, directive };
    const response = await callAlexaApi(target, { method: "POST", path: "/v1/directives", body });
    await response.body?.cancel();
  }
  return {
    enqueue,
    speak: (speech) => enqueue({ type: "VoicePlayer.Speak", speech: toSpeakDocument(toSsml(speech)) }),
  };
}
