/**
 * Response checks: what Alexa would reject, caught before the response leaves the Worker.
 * `checkResponse` is pure and returns every failure (rules live in checks/*.ts);
 * `enforceResponseChecks` applies the mode: "throw" (development: a ResponseCheckError naming
 * each broken rule), "log" (production: one warn event, the response still goes out), "off".
 */
import type { Request, ResponseEnvelope } from "ask-sdk-model";
import { dialogRules } from "./checks/dialog-rules.js";
import { playbackRules } from "./checks/playback-rules.js";
import { sizeRules } from "./checks/size-rules.js";
import { speechAudioRules } from "./checks/speech-audio-rules.js";
import type { CheckedResponse, ResponseCheckFailure } from "./checks/types.js";
import type { SkillLogger } from "./logger.js";
import { NO_KNOWN_AUDIO, type KnownAudio } from "./response-builder.js";

export type { ResponseCheckFailure, ResponseCheckRule } from "./checks/types.js";

/**
 * What a failed response check does: throw, log, or nothing.
 */
export type ResponseCheckMode = "throw" | "log" | "off";

/**
 * A response Alexa would reject (checks in `"throw"` mode); `failures` lists each broken rule.
 * @example
 * const error = await skill.handle(envelope, { env, waitUntil, checks: "throw" }).catch((e) => e);
 * if (error instanceof ResponseCheckError) console.log(error.failures.map((f) => f.rule));
 */
export class ResponseCheckError extends Error {
  override readonly name = "ResponseCheckError";
  readonly code = "response-check-failed";

  constructor(readonly failures: readonly ResponseCheckFailure[]) {
    super(
      `Alexa would reject this response (${failures.length} problem${failures.length === 1 ? "" : "s"}):\n` +
        failures.map((failure) => `  - [${failure.rule}] ${failure.message}`).join("\n"),
    );
  }
}

/**
 * Every rule the response breaks, in a stable order; empty when Alexa should accept it.
 * @example
 * const failures = checkResponse(envelope.request, responseEnvelope);
 * if (failures.length > 0) console.log(failures.map((f) => `${f.rule}: ${f.message}`));
 */
export function checkResponse(
  request: Request,
  envelope: ResponseEnvelope,
  knownAudio: KnownAudio = NO_KNOWN_AUDIO,
): ResponseCheckFailure[] {
  const subject: CheckedResponse = { request, envelope, response: envelope.response, knownAudio };
  return [...sizeRules(subject), ...speechAudioRules(subject), ...playbackRules(subject), ...dialogRules(subject)];
}

/**
 * Acts on check failures by mode: `"throw"` raises a `ResponseCheckError`, `"log"` logs one
 * `response_check_failed` event, `"off"` does nothing.
 * @example
 * enforceResponseChecks(checkResponse(request, envelope), "log", jsonConsoleLogger, request.type);
 */
export function enforceResponseChecks(
  failures: readonly ResponseCheckFailure[],
  mode: ResponseCheckMode,
  logger: SkillLogger,
  requestType: string,
): void {
  if (failures.length === 0 || mode === "off") return;
  if (mode === "throw") throw new ResponseCheckError(failures);
  logger.log("warn", "response_check_failed", {
    requestType,
    rules: failures.map((failure) => failure.rule),
    messages: failures.map((failure) => failure.message),
  });
}
