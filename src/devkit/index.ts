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
} from "./kit";
export type { DevKitCertificatesPem } from "./ca";
export {
  generateRsaKeyPair,
  importRequestSigningKey,
  toRequestSigningKey,
  type DevKitKeyPairs,
  type RequestSigningKey,
} from "./keys";
export {
  createDevSigningKitVariant,
  DEV_KIT_VARIANTS,
  devKitVariantOptions,
  UNTRUSTED_NAME_PREFIX,
  WRONG_SAN_DNS_NAME,
  type DevKitVariant,
} from "./variants";
export { getSharedDevSigningKit, getSharedDevSigningKitVariant } from "./shared";
export {
  signBody,
  signBytes,
  tamperBody,
  type AlexaSignatureHeaders,
  type SignatureHeaderName,
  type SignBodyOptions,
  type SigningMaterial,
} from "./sign";
export { createSignedRequest, DEFAULT_SKILL_URL, type SignedRequestOptions } from "./request";
export { createChainFetch, createKitChainFetch } from "./chain-fetch";
export {
  DEV_KIT_FORMAT,
  DevKitImportError,
  exportDevSigningKit,
  importDevSigningKit,
  type DevKitImportFailure,
  type DevSigningKitJson,
} from "./serialise";
export { createRequestEnvelope, envelopeBody, type EnvelopeOptions } from "./envelopes";
export type {
  AudioPlayerRequestType,
  PlaybackControllerRequestType,
  RequestSpec,
  SkillEventRequestType,
  SlotSpec,
} from "./request-specs";
export {
  DEFAULT_API_ENDPOINT,
  DEV_DEVICE_ID,
  DEV_SKILL_ID,
  DEV_USER_ID,
  formatAlexaTimestamp,
  newRequestId,
  newSessionId,
} from "./alexa-ids";
export { bytesToBase64, base64ToBytes, derToPem, pemToDerBlocks, utf8Bytes } from "./encoding";
export { createCryptoEngine } from "./crypto-engine";
