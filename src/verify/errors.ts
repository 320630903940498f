/**
 * Every way a request can fail Alexa verification, as one tagged string union,
 * and the single error type that carries it. `reason` is stable and meant for
 * code (tests, metrics); `detail` is free text for the log only. Callers never
 * see either: `rejection-response.ts` maps every reason to the same generic 400.
 * A failure that is our own bug (bad options, a broken anchor PEM) is thrown as
 * a plain `TypeError`/`RangeError` instead, so the Worker renders it as a 500.
 */
export const VERIFICATION_FAILURE_REASONS = [
  "missing-signature-header",
  "missing-cert-url",
  "invalid-cert-url",
  "body-unreadable",
  "malformed-signature",
  "chain-download-failed",
  "chain-download-timeout",
  "chain-too-large",
  "invalid-pem",
  "cert-expired",
  "cert-not-yet-valid",
  "san-missing",
  "chain-untrusted",
  "unsupported-public-key",
  "bad-signature",
  "body-not-json",
  "envelope-invalid",
  "missing-timestamp",
  "invalid-timestamp",
  "stale-timestamp",
  "future-timestamp",
  "missing-skill-id",
  "wrong-skill-id",
] as const;

export type VerificationFailureReason = (typeof VERIFICATION_FAILURE_REASONS)[number];

export class AlexaVerificationError extends Error {
  override readonly name = "AlexaVerificationError";

  constructor(
    readonly reason: VerificationFailureReason,
    /** Precise, log-only explanation; never sent to the caller. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Shorthand used by every verification step. */
export function fail(reason: VerificationFailureReason, detail: string): never {
  throw new AlexaVerificationError(reason, detail);
}
