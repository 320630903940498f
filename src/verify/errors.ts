/**
 * Every way a request can fail Alexa verification, as one tagged string union,
 * and the single error type that carries it. `code` is stable and meant for
 * code (tests, metrics; `reason` is its deprecated alias); `detail` is free
 * text for the log only; `cause` keeps the underlying error when there was one
 * (a fetch that threw, a WebCrypto failure). Callers never see any of them:
 * `rejection-response.ts` maps every code to the same generic 400.
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
  "chain-download-throttled",
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
  "replayed-request",
  "replay-check-failed",
] as const;

/** One of `VERIFICATION_FAILURE_REASONS`: which check a request failed. */
export type VerificationFailureReason = (typeof VERIFICATION_FAILURE_REASONS)[number];

/**
 * A request failed Alexa verification. Answer it with `rejectionResponse(error)`
 * (a generic 400) and log `code` and `detail`.
 *
 * @example
 * ```ts
 * try {
 *   await verifier.verify(request);
 * } catch (error) {
 *   if (error instanceof AlexaVerificationError) {
 *     console.warn(error.code, error.detail);
 *     return rejectionResponse(error);
 *   }
 *   throw error;
 * }
 * ```
 */
export class AlexaVerificationError extends Error {
  override readonly name = "AlexaVerificationError";
  /** Which check failed; stable, one of `VERIFICATION_FAILURE_REASONS`. */
  readonly code: VerificationFailureReason;
  /** Precise, log-only explanation; never sent to the caller. */
  readonly detail: string;

  constructor(code: VerificationFailureReason, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.code = code;
    this.detail = detail;
  }

  /** @deprecated Use `code`; kept as an alias for 0.1 callers. */
  get reason(): VerificationFailureReason {
    return this.code;
  }
}

/** Shorthand used by every verification step. */
export function fail(code: VerificationFailureReason, detail: string, cause?: unknown): never {
  throw new AlexaVerificationError(code, detail, cause === undefined ? undefined : { cause });
}
