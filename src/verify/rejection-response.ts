/**
 * How a verification failure looks on the wire. Amazon wants a 400 for every
 * request that fails verification (a 401 fails skill certification), and the
 * caller learns nothing about which check failed. The table below names every
 * reason explicitly, so adding a reason to `errors.ts` without deciding its
 * status here is a type error.
 */
import type { AlexaVerificationError, VerificationFailureReason } from "./errors.js";

const STATUS_BY_REASON: Readonly<Record<VerificationFailureReason, 400>> = {
  "missing-signature-header": 400,
  "missing-cert-url": 400,
  "invalid-cert-url": 400,
  "body-unreadable": 400,
  "malformed-signature": 400,
  "chain-download-failed": 400,
  "chain-download-timeout": 400,
  "chain-too-large": 400,
  "chain-download-throttled": 400,
  "invalid-pem": 400,
  "cert-expired": 400,
  "cert-not-yet-valid": 400,
  "san-missing": 400,
  "chain-untrusted": 400,
  "unsupported-public-key": 400,
  "bad-signature": 400,
  "body-not-json": 400,
  "envelope-invalid": 400,
  "missing-timestamp": 400,
  "invalid-timestamp": 400,
  "stale-timestamp": 400,
  "future-timestamp": 400,
  "missing-skill-id": 400,
  "wrong-skill-id": 400,
  "replayed-request": 400,
  "replay-check-failed": 400,
};

/** The generic body every rejected request receives, whatever the reason. */
export const REJECTION_BODY = JSON.stringify({
  error: "verification_failed",
  message: "The request could not be verified.",
});

/**
 * The HTTP status for a failure reason (always 400 today, by Amazon's rules).
 *
 * @example
 * ```ts
 * httpStatusForReason("bad-signature"); // 400
 * ```
 */
export function httpStatusForReason(reason: VerificationFailureReason): 400 {
  return STATUS_BY_REASON[reason];
}

/**
 * The response to send for a failed verification: status by reason, generic body.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof AlexaVerificationError) return rejectionResponse(error);
 *   throw error;
 * }
 * ```
 */
export function rejectionResponse(error: AlexaVerificationError): Response {
  return new Response(REJECTION_BODY, {
    status: httpStatusForReason(error.code),
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
