/**
 * skillflare's library entry. Everything exported here runs in any WebCrypto
 * runtime (workerd, Node >= 20, Deno, Bun): no `node:` or `cloudflare:`
 * imports. Today it is the request verifier; see docs/verification.md.
 */
export { verifyAlexaRequest, verifyAlexaPayload } from "./verify/verify-request.js";
export type { VerifyOptions, VerifiedRequest } from "./verify/verify-request.js";
export { AlexaVerificationError, VERIFICATION_FAILURE_REASONS } from "./verify/errors.js";
export type { VerificationFailureReason } from "./verify/errors.js";
export { httpStatusForReason, rejectionResponse, REJECTION_BODY } from "./verify/rejection-response.js";
export { createMemoryCertCache, isolateMemoryCertCache } from "./verify/cert-cache.js";
export type { CertCache, ValidatedSigningKey, MemoryCertCacheOptions } from "./verify/cert-cache.js";
export { createKvCertCache } from "./verify/kv-cert-cache.js";
export type { KVNamespaceLike, KvCertCacheOptions } from "./verify/kv-cert-cache.js";
export { DEFAULT_TRUST_ANCHORS } from "./verify/anchors.js";
export { normaliseCertChainUrl } from "./verify/cert-url.js";
export type { FetchLike } from "./shared/fetch.js";
export type { SignatureAlgorithm } from "./verify/signature.js";
