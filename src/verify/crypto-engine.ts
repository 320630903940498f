/**
 * The pkijs crypto engine the verifier hands to every pkijs call, built over
 * an explicit WebCrypto (the runtime's global `crypto` by default) so pkijs's
 * process-global engine is never consulted. Each verifier builds its own
 * (`buildPkijsEngine`); `createPkijsEngine` shares one per WebCrypto object for
 * other callers. It differs from pkijs's own in one way: the public keys it
 * imports to check certificate signatures are memoised (bounded), keyed by the
 * DER SubjectPublicKeyInfo and the import parameters, so the trust anchors'
 * and the issuing CA's keys are imported once per engine (per verifier) rather
 * than on every chain validation (an RSA import is the dearest step of a pkijs
 * signature check). The key's bytes are the DER its certificate carries
 * (`signedPublicKeyInfo`, pem.ts) rather than asn1js's re-encoding, and
 * RSASSA-PKCS1-v1_5 keys are imported by WebCrypto directly, not by pkijs's
 * `importKey`, which parses the key again to import it through a JWK (on a
 * fresh isolate's cold code, that detour cost as much as the import). pkijs types the engine
 * against the DOM `SubtleCrypto`; workerd's differs only by extras, hence the
 * one cast.
 */
import * as pkijs from "pkijs";
import { encodeBase64 } from "../shared/base64.js";
import { BoundedMemo } from "./bounded-memo.js";
import { signedPublicKeyInfo } from "./pem.js";

const MEMOISED_PUBLIC_KEYS = 32;

class KeyMemoisingEngine extends pkijs.CryptoEngine {
  private readonly publicKeys = new BoundedMemo<string, Promise<CryptoKey>>(MEMOISED_PUBLIC_KEYS);

  override getPublicKey(
    publicKeyInfo: pkijs.PublicKeyInfo,
    signatureAlgorithm: pkijs.AlgorithmIdentifier,
    parameters?: pkijs.CryptoEnginePublicKeyParams,
  ): Promise<CryptoKey> {
    const { algorithm } = parameters ?? this.fillPublicKeyParameters(publicKeyInfo, signatureAlgorithm);
    const spki = signedPublicKeyInfo(publicKeyInfo) ?? new Uint8Array(publicKeyInfo.toSchema().toBER(false));
    const memoKey = `${JSON.stringify(algorithm)} ${encodeBase64(spki)}`;
    const memoised = this.publicKeys.get(memoKey);
    if (memoised !== undefined) return memoised;
    const imported = this.importSpki(spki, algorithm);
    imported.catch(() => this.publicKeys.get(memoKey) === imported && this.publicKeys.delete(memoKey));
    return this.publicKeys.set(memoKey, imported);
  }

  /**
   * RSASSA-PKCS1-v1_5 keys (every key on Amazon's chains) go to WebCrypto as the DER they
   * are; pkijs's own `importKey` would parse them again and import them through a JWK.
   */
  private importSpki(spki: Uint8Array<ArrayBuffer>, { algorithm, usages }: pkijs.CryptoEngineAlgorithmParams): Promise<CryptoKey> {
    const params = algorithm as Parameters<pkijs.CryptoEngine["importKey"]>[2];
    if (typeof params === "object" && params.name === "RSASSA-PKCS1-v1_5") return this.subtle.importKey("spki", spki, params, false, usages);
    return this.importKey("spki", spki, params, true, usages);
  }
}

/** A new engine over `webCrypto` with its own key memo; `createAlexaVerifier` builds one per verifier. */
export function buildPkijsEngine(webCrypto: Crypto = crypto): pkijs.ICryptoEngine {
  return new KeyMemoisingEngine({ name: "webcrypto", crypto: webCrypto }) as unknown as pkijs.ICryptoEngine;
}

const engines = new WeakMap<Crypto, pkijs.ICryptoEngine>();

/** One shared engine per WebCrypto object, for callers outside a verifier (tests, tools). */
export function createPkijsEngine(webCrypto: Crypto = crypto): pkijs.ICryptoEngine {
  let engine = engines.get(webCrypto);
  if (engine === undefined) {
    engine = buildPkijsEngine(webCrypto);
    engines.set(webCrypto, engine);
  }
  return engine;
}
