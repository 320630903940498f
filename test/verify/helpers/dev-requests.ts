/**
 * Requests signed by the dev signing kit (src/devkit), and verifier options
 * that trust that kit and serve its chain: the positive twin of every
 * negative test. The kit's clock is `createdAt`; requests are stamped in whole
 * seconds, as Alexa does.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import {
  DEV_SKILL_ID,
  createKitChainFetch,
  createRequestEnvelope,
  createSignedRequest,
  getSharedDevSigningKit,
  type DevSigningKit,
  type RequestSpec,
  type SignedRequestOptions,
} from "../../../src/devkit/index.js";
import { createMemoryCertCache } from "../../../src/verify/cert-cache.js";
import type { VerifyOptions } from "../../../src/verify/verify-request.js";

export { DEV_SKILL_ID };

/** The shared kit and its clock, rounded down to a whole second. */
export async function devKit(): Promise<{ kit: DevSigningKit; clock: number }> {
  const kit = await getSharedDevSigningKit();
  return { kit, clock: Math.floor(kit.createdAt.getTime() / 1000) * 1000 };
}

export function envelopeAt(timestampMs: number, request: RequestSpec = { type: "LaunchRequest" }): RequestEnvelope {
  return createRequestEnvelope({ request, timestamp: timestampMs });
}

export function signedRequest(kit: DevSigningKit, body: RequestEnvelope | string, options: SignedRequestOptions = {}): Promise<Request> {
  return createSignedRequest(kit, body, options);
}

/** Options that trust `kit`, serve its chain and use a fresh memory cache, at `clock`. */
export function trustingOptions(kit: DevSigningKit, clock: number, overrides: VerifyOptions = {}): VerifyOptions {
  return {
    now: () => clock,
    trustAnchors: kit.anchorsPem,
    fetch: createKitChainFetch(kit),
    certCache: createMemoryCertCache(),
    ...overrides,
  };
}
