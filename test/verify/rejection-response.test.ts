/**
 * Every failure reason maps to HTTP 400 with one generic body that reveals
 * nothing (seed 002: "Use an HTTP error code, such as 400 Bad Request";
 * DESIGN step 9: a 401 fails certification, the reason goes to the log only).
 * Also pins the public surface of src/index.ts.
 */
import { describe, expect, it } from "vitest";
import * as library from "../../src/index.js";
import { AlexaVerificationError, VERIFICATION_FAILURE_REASONS } from "../../src/verify/errors.js";
import { REJECTION_BODY, httpStatusForReason, rejectionResponse } from "../../src/verify/rejection-response.js";

describe("rejection response", () => {
  it.each(VERIFICATION_FAILURE_REASONS)("%s -> 400 with the generic body", async (reason) => {
    expect(httpStatusForReason(reason)).toBe(400);
    const response = rejectionResponse(new AlexaVerificationError(reason, `secret detail for ${reason}`));
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toBe(REJECTION_BODY);
    expect(body).not.toContain(reason);
    expect(body).not.toContain("secret");
  });

  it("reasons are unique", () => {
    expect(new Set(VERIFICATION_FAILURE_REASONS).size).toBe(VERIFICATION_FAILURE_REASONS.length);
  });

  it("the error carries reason and detail, and its name", () => {
    const error = new AlexaVerificationError("bad-signature", "SHA-256 mismatch");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AlexaVerificationError");
    expect([error.code, error.detail]).toEqual(["bad-signature", "SHA-256 mismatch"]);
    expect(error.reason).toBe(error.code);
  });
});

describe("library entry (src/index.ts)", () => {
  it("exports the verifier API", () => {
    expect(Object.keys(library).sort()).toEqual(
      [
        "AlexaVerificationError",
        "DEFAULT_TRUST_ANCHORS",
        "REJECTION_BODY",
        "VERIFICATION_FAILURE_REASONS",
        "createAlexaVerifier",
        "createKvCertCache",
        "createMemoryCertCache",
        "createMemoryReplayGuard",
        "httpStatusForReason",
        "isolateMemoryCertCache",
        "normaliseCertChainUrl",
        "rejectionResponse",
        "verifyAlexaPayload",
        "verifyAlexaRequest",
      ].sort(),
    );
    expect(library.DEFAULT_TRUST_ANCHORS).toHaveLength(5);
  });
});
