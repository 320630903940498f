/**
 * skillflare's library entry. Everything exported here runs in any WebCrypto
 * runtime (workerd, Node >= 20, Deno, Bun): no `node:` or `cloudflare:`
 * imports. Today it is the request verifier; see docs/verification.md.
 */
export { createAlexaVerifier } from "./verify/create-verifier.js";
export type { AlexaVerifier, VerifiedRequest, VerifyContext } from "./verify/create-verifier.js";
export { verifyAlexaRequest, verifyAlexaPayload } from "./verify/verify-request.js";
export type { VerifyOptions } from "./verify/verifier-options.js";
export type { DownloadGuardLimits } from "./verify/download-guard.js";
export { AlexaVerificationError, VERIFICATION_FAILURE_REASONS } from "./verify/errors.js";
export type { VerificationFailureReason } from "./verify/errors.js";
export { httpStatusForReason, rejectionResponse, REJECTION_BODY } from "./verify/rejection-response.js";
export { createMemoryCertCache, isolateMemoryCertCache } from "./verify/cert-cache.js";
export type { CertCache, ValidatedSigningKey, MemoryCertCacheOptions } from "./verify/cert-cache.js";
export { createKvCertCache } from "./verify/kv-cert-cache.js";
export type { KVNamespaceLike, KvCertCacheOptions } from "./verify/kv-cert-cache.js";
export type { KvNamespaceLike } from "./shared/kv.js";
export { createMemoryReplayGuard } from "./verify/replay-guard.js";
export type { ReplayGuard, MemoryReplayGuardOptions } from "./verify/replay-guard.js";
export { DEFAULT_TRUST_ANCHORS } from "./verify/anchors.js";
export { normaliseCertChainUrl } from "./verify/cert-url.js";
export type { FetchLike } from "./shared/fetch.js";
export type { SignatureAlgorithm } from "./verify/signature.js";
