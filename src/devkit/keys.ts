/**
 * RSA key material for the dev signing kit. Every certificate in the kit uses
 * a 2048-bit RSASSA-PKCS1-v1_5 key generated with WebCrypto. Because workerd
 * fixes the hash of an RSA key when it is imported, request signing needs one
 * private key per hash: `RequestSigningKey` holds both, derived from the same
 * PKCS#8 bytes, so SHA-1 `Signature` and SHA-256 `Signature-256` come from the
 * same key pair.
 */
import { defaultCrypto } from "./crypto-engine.js";
import { base64ToBytes, bytesToBase64 } from "./encoding.js";

/** The key pairs of the five certificate holders in the kit's chain. */
export interface DevKitKeyPairs {
  readonly class2Root: CryptoKeyPair;
  readonly servicesRootG2: CryptoKeyPair;
  readonly rootCa1: CryptoKeyPair;
  readonly intermediate: CryptoKeyPair;
  readonly leaf: CryptoKeyPair;
}

/** One RSA private key imported once per signature hash Alexa uses. */
export interface RequestSigningKey {
  readonly sha1: CryptoKey;
  readonly sha256: CryptoKey;
  /** PKCS#8 DER of the private key, base64. */
  readonly pkcs8Base64: string;
}

const RSA_KEY_GENERATION = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
} as const;

/**
 * Generates one extractable RSA 2048 key pair (hash SHA-256). Slow: ~50-500 ms.
 * @example
 * const keyPair = await generateRsaKeyPair();
 */
export async function generateRsaKeyPair(crypto: Crypto = defaultCrypto()): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(RSA_KEY_GENERATION, true, ["sign", "verify"])) as CryptoKeyPair;
}

/** Generates the key pairs that `keys` does not already provide, in parallel. */
export async function completeKeyPairs(
  keys: Partial<DevKitKeyPairs>,
  crypto: Crypto = defaultCrypto(),
): Promise<DevKitKeyPairs> {
  const [class2Root, servicesRootG2, rootCa1, intermediate, leaf] = await Promise.all([
    keys.class2Root ?? generateRsaKeyPair(crypto),
    keys.servicesRootG2 ?? generateRsaKeyPair(crypto),
    keys.rootCa1 ?? generateRsaKeyPair(crypto),
    keys.intermediate ?? generateRsaKeyPair(crypto),
    keys.leaf ?? generateRsaKeyPair(crypto),
  ]);
  return { class2Root, servicesRootG2, rootCa1, intermediate, leaf };
}

/**
 * Imports PKCS#8 (base64) as a request-signing key, once per hash.
 * @example
 * const key = await importRequestSigningKey(kit.signingKey.pkcs8Base64);
 */
export async function importRequestSigningKey(
  pkcs8Base64: string,
  crypto: Crypto = defaultCrypto(),
): Promise<RequestSigningKey> {
  const pkcs8 = base64ToBytes(pkcs8Base64);
  const importFor = (hash: "SHA-1" | "SHA-256") =>
    crypto.subtle.importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash }, false, ["sign"]);
  const [sha1, sha256] = await Promise.all([importFor("SHA-1"), importFor("SHA-256")]);
  return { sha1, sha256, pkcs8Base64 };
}

/**
 * Turns an extractable private key into a request-signing key.
 * @example
 * const key = await toRequestSigningKey((await generateRsaKeyPair()).privateKey);
 */
export async function toRequestSigningKey(
  privateKey: CryptoKey,
  crypto: Crypto = defaultCrypto(),
): Promise<RequestSigningKey> {
  const pkcs8 = (await crypto.subtle.exportKey("pkcs8", privateKey)) as ArrayBuffer;
  return importRequestSigningKey(bytesToBase64(pkcs8), crypto);
}
