/**
 * The WebCrypto implementation and pkijs crypto engine the kit uses, always
 * passed explicitly (never pkijs's global engine). `defaultCrypto()` is the
 * runtime's global `crypto` (workerd and Node >= 20 both have one).
 * pkijs types its engine against the DOM `SubtleCrypto`, which lacks workerd's
 * `timingSafeEqual`; the engine is a real SubtleCrypto wrapper, so it is typed
 * here once as the `ICryptoEngine` pkijs methods accept.
 */
import * as pkijs from "pkijs";

/** The runtime's global WebCrypto. */
export function defaultCrypto(): Crypto {
  return crypto;
}

/** A pkijs crypto engine over the given WebCrypto. */
export function createCryptoEngine(webCrypto: Crypto = defaultCrypto()): pkijs.ICryptoEngine {
  return new pkijs.CryptoEngine({ name: "webcrypto", crypto: webCrypto }) as unknown as pkijs.ICryptoEngine;
}
