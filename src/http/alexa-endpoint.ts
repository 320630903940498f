/**
 * The skill endpoint: one POST from Alexa in, one JSON response envelope out.
 * It caps and reads the raw body, runs the full verification over exactly those
 * bytes, hands the verified envelope to the skill, and renders the outcome.
 * Verification failures are a generic 400 with the precise reason logged;
 * anything the skill throws is our 500, never a crash (with the reason in the
 * body only for loopback requests, i.e. under `wrangler dev`).
 */
import type { ResponseEnvelope } from "ask-sdk-model";
import { AlexaVerificationError } from "../verify/errors.js";
import { rejectionResponse } from "../verify/rejection-response.js";
import type { AlexaVerifier, VerifiedRequest } from "../verify/create-verifier.js";
import { isLocalDevelopmentRequest } from "./local-development.js";
import { HttpError } from "../shared/http-error.js";
import type { Logger } from "./log.js";
import { LOCAL_OVERFLOW_DRAIN, readBodyWithCap } from "./read-body.js";

/**
 * What a bare handler gets besides the verified request.
 */
export interface AlexaRequestContext<E> {
  readonly env: E;
  readonly executionContext: ExecutionContext;
  readonly request: Request;
  readonly logger: Logger;
}

/**
 * A bare Worker handler: the verified request and its context in, the response envelope out.
 * @example
 * createAlexaWorker<Env>({ handler: (verified) => ({ version: "1.0", response: { outputSpeech: { type: "PlainText", text: "Hi" } } }) });
 */
export type AlexaHandler<E> = (
  verified: VerifiedRequest,
  context: AlexaRequestContext<E>,
) => Promise<ResponseEnvelope> | ResponseEnvelope;

export interface AlexaEndpointSettings<E> {
  readonly handler: AlexaHandler<E>;
  readonly maxBodyBytes: number;
  readonly verifier: AlexaVerifier;
  readonly logger: Logger;
}

export async function handleAlexaPost<E>(
  request: Request,
  context: Omit<AlexaRequestContext<E>, "request" | "logger">,
  settings: AlexaEndpointSettings<E>,
): Promise<Response> {
  const { logger } = settings;
  let verified: VerifiedRequest;
  try {
    const body = await readBodyWithCap(request, settings.maxBodyBytes, isLocalDevelopmentRequest(request) ? LOCAL_OVERFLOW_DRAIN : undefined);
    verified = await settings.verifier.verifyPayload(request.headers, body, context.executionContext);
  } catch (error) {
    if (error instanceof AlexaVerificationError) {
      logger.log("warn", "verification_failed", { reason: error.code, detail: error.detail });
      return rejectionResponse(error);
    }
    const httpError = HttpError.from(error);
    logger.log(httpError.status >= 500 ? "error" : "warn", "request_failed", {
      code: httpError.code,
      status: httpError.status,
      detail: httpError.logDetail,
    });
    return httpError.toResponse();
  }

  try {
    const envelope = await settings.handler(verified, { ...context, request, logger });
    return Response.json(envelope);
  } catch (error) {
    const httpError = HttpError.from(error);
    logger.log("error", "skill_failed", {
      detail: httpError.logDetail,
      requestType: verified.envelope.request.type,
    });
    // Under `wrangler dev` the skill's author is the caller: show why (e.g. a response check).
    return httpError.toResponse({ exposeDetail: isLocalDevelopmentRequest(request) });
  }
}
