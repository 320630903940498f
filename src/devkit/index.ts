/**
 * The skillflare dev signing kit: a local CA shaped like Amazon's echo-api
 * chain, Alexa-style request signing, realistic request envelopes, a fetch
 * that stands in for S3, negative variants and JSON persistence. Pure
 * WebCrypto + pkijs + asn1js, so it runs unchanged in workerd and Node >= 20.
 * For tests, dev tooling and benchmarks only: never trust its anchors in
 * production.
 */
export {
  createDevSigningKit,
  DEFAULT_DEV_CHAIN_URL,
  DEFAULT_NAME_PREFIX,
  ECHO_API_DNS_NAME,
  type DevLeafOptions,
  type DevSigningKit,
  type DevSigningKitOptions,
} from "./kit.js";
export type { DevKitCertificatesPem } from "./ca.js";
export {
  generateRsaKeyPair,
  importRequestSigningKey,
  toRequestSigningKey,
  type DevKitKeyPairs,
  type RequestSigningKey,
} from "./keys.js";
export {
  createDevSigningKitVariant,
  DEV_KIT_VARIANTS,
  devKitVariantOptions,
  UNTRUSTED_NAME_PREFIX,
  WRONG_SAN_DNS_NAME,
  type DevKitVariant,
} from "./variants.js";
export { getSharedDevSigningKit, getSharedDevSigningKitVariant } from "./shared.js";
export {
  signBody,
  signBytes,
  tamperBody,
  type AlexaSignatureHeaders,
  type SignatureHeaderName,
  type SignBodyOptions,
  type SigningMaterial,
} from "./sign.js";
export { createSignedRequest, DEFAULT_SKILL_URL, type SignedRequestOptions } from "./request.js";
export { createChainFetch, createKitChainFetch } from "./chain-fetch.js";
export {
  DEV_KIT_FORMAT,
  DevKitImportError,
  exportDevSigningKit,
  importDevSigningKit,
  type DevKitImportFailure,
  type DevSigningKitJson,
} from "./serialise.js";
export { createRequestEnvelope, envelopeBody, type EnvelopeOptions } from "./envelopes.js";
export type {
  AudioPlayerRequestType,
  PlaybackControllerRequestType,
  RequestSpec,
  SkillEventRequestType,
  SlotSpec,
} from "./request-specs.js";
export {
  DEFAULT_API_ENDPOINT,
  DEV_DEVICE_ID,
  DEV_SKILL_ID,
  DEV_USER_ID,
  formatAlexaTimestamp,
  newRequestId,
  newSessionId,
} from "./alexa-ids.js";
export { bytesToBase64, base64ToBytes, derToPem, pemToDerBlocks, utf8Bytes } from "./encoding.js";
export { createCryptoEngine } from "./crypto-engine.js";
