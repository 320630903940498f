/**
 * Shared vocabulary of the response checks: the tagged union of rules, one failure, and the
 * response under test with the audio durations the builder knows.
 */
import type { Request, Response, ResponseEnvelope } from "ask-sdk-model";
import type { KnownAudio } from "../response-builder.js";

/**
 * Stable names of the response checks.
 */
export type ResponseCheckRule =
  | "response-too-large"
  | "speech-too-long"
  | "card-too-long"
  | "audio-src-not-https"
  | "audio-clip-too-long"
  | "speech-audio-too-long"
  | "reprompt-audio-too-long"
  | "content-in-playback-response"
  | "directive-in-playback-response"
  | "playback-stopped-not-empty"
  | "multiple-play-directives"
  | "play-url-not-https"
  | "play-url-too-long"
  | "play-token-too-long"
  | "enqueue-without-previous-token"
  | "previous-token-without-enqueue"
  | "dialog-outside-intent-request"
  | "dialog-ends-session"
  | "delegate-with-speech";

/**
 * One response check that failed: its rule and a message.
 */
export interface ResponseCheckFailure {
  readonly rule: ResponseCheckRule;
  readonly message: string;
}

export interface CheckedResponse {
  readonly request: Request;
  readonly envelope: ResponseEnvelope;
  readonly response: ResponseEnvelope["response"];
  readonly knownAudio: KnownAudio;
}

export function fail(rule: ResponseCheckRule, message: string): ResponseCheckFailure {
  return { rule, message };
}

/** The directives in a response that have a string `type`; a malformed `directives` field gives none. */
export function directivesOf(response: Response): { type: string; [field: string]: unknown }[] {
  const directives: unknown = response.directives;
  if (!Array.isArray(directives)) return [];
  return directives.filter(
    (d): d is { type: string } => typeof d === "object" && d !== null && typeof (d as { type?: unknown }).type === "string",
  );
}
