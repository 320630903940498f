/**
 * The pkijs crypto engine the verifier hands to every pkijs call, built over
 * an explicit WebCrypto (the runtime's global `crypto` by default) so pkijs's
 * process-global engine is never consulted. pkijs types the engine against the
 * DOM `SubtleCrypto`; workerd's differs only by extras, hence the one cast.
 */
import * as pkijs from "pkijs";

export function createPkijsEngine(webCrypto: Crypto = crypto): pkijs.ICryptoEngine {
  return new pkijs.CryptoEngine({ name: "webcrypto", crypto: webCrypto }) as unknown as pkijs.ICryptoEngine;
}
