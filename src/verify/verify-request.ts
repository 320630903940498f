/**
 * `verifyAlexaRequest` and `verifyAlexaPayload`: one-call conveniences over
 * `createAlexaVerifier`. Without options they use one shared default verifier
 * (bundled anchors, global fetch and crypto). With options, the verifier built
 * for that options object is kept (in a WeakMap), so reusing one options object
 * stays warm; a fresh object each call builds a fresh verifier, whose chain
 * lookups go through the isolate's shared memory cache unless `certCache` is
 * given. For a hot path, build the verifier once with `createAlexaVerifier`.
 * Both hand back the verifier's own promise rather than wrapping it in another
 * async function (one promise and two microtask hops less per request); a bad
 * options object still rejects, it never throws synchronously.
 */
import { isolateMemoryCertCache } from "./cert-cache.js";
import { createAlexaVerifier, type AlexaVerifier, type VerifiedRequest, type VerifyContext } from "./create-verifier.js";
import type { VerifyOptions } from "./verifier-options.js";

export type { VerifiedRequest } from "./create-verifier.js";
export type { VerifyOptions } from "./verifier-options.js";

let sharedDefault: AlexaVerifier | undefined;
const byOptions = new WeakMap<VerifyOptions, AlexaVerifier>();

function verifierFor(options: VerifyOptions | undefined): AlexaVerifier {
  if (options === undefined) {
    sharedDefault ??= createAlexaVerifier({ certCache: isolateMemoryCertCache() });
    return sharedDefault;
  }
  let verifier = byOptions.get(options);
  if (verifier === undefined) {
    verifier = createAlexaVerifier({ ...options, certCache: options.certCache ?? isolateMemoryCertCache() });
    byOptions.set(options, verifier);
  }
  return verifier;
}

/**
 * Verifies one request with a shared verifier (see the module comment).
 *
 * @example
 * ```ts
 * const { envelope } = await verifyAlexaRequest(request, { skillIds: ["amzn1.ask.skill.1234"] });
 * ```
 */
export function verifyAlexaRequest(request: Request, options?: VerifyOptions, context?: VerifyContext): Promise<VerifiedRequest> {
  try {
    return verifierFor(options).verify(request, context);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Verifies headers and body bytes already read, with a shared verifier.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(await request.arrayBuffer());
 * const { envelope } = await verifyAlexaPayload(request.headers, bytes, { skillIds });
 * ```
 */
export function verifyAlexaPayload(headers: Headers, rawBodyBytes: Uint8Array, options?: VerifyOptions, context?: VerifyContext): Promise<VerifiedRequest> {
  try {
    return verifierFor(options).verifyPayload(headers, rawBodyBytes, context);
  } catch (error) {
    return Promise.reject(error);
  }
}
