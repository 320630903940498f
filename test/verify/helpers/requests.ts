/**
 * Small builders for verifier tests: a signed-looking Request from body and
 * headers, a fetch stub that serves chains by URL and counts calls, and an
 * assertion helper that checks the failure reason.
 */
import { expect } from "vitest";
import { AlexaVerificationError, type VerificationFailureReason } from "../../../src/verify/errors.js";
import type { FetchLike } from "../../../src/verify/download-chain.js";

export function alexaRequest(body: string | Uint8Array, headers: Record<string, string>): Request {
  return new Request("https://skill.example/alexa", { method: "POST", body, headers });
}

export interface CountingFetch {
  readonly fetch: FetchLike;
  readonly calls: string[];
}

/** Serves `chains[url]` with 200, anything else 404, recording every URL asked for. */
export function chainServer(chains: Record<string, string>): CountingFetch {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (input) => {
      calls.push(input);
      const pem = chains[input];
      return pem === undefined ? new Response("not found", { status: 404 }) : new Response(pem, { status: 200 });
    },
  };
}

export async function expectRejection(promise: Promise<unknown>, reason: VerificationFailureReason): Promise<AlexaVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected rejection with ${reason}`).toBeInstanceOf(AlexaVerificationError);
  const failure = error as AlexaVerificationError;
  expect(failure.reason, failure.detail).toBe(reason);
  return failure;
}
