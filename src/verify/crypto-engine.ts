/**
 * The pkijs crypto engine the verifier hands to every pkijs call, built over
 * an explicit WebCrypto (the runtime's global `crypto` by default) so pkijs's
 * process-global engine is never consulted. The engine holds no state of its
 * own, so one is made per WebCrypto object and reused. pkijs types the engine
 * against the DOM `SubtleCrypto`; workerd's differs only by extras, hence the
 * one cast.
 */
import * as pkijs from "pkijs";

const engines = new WeakMap<Crypto, pkijs.ICryptoEngine>();

export function createPkijsEngine(webCrypto: Crypto = crypto): pkijs.ICryptoEngine {
  let engine = engines.get(webCrypto);
  if (engine === undefined) {
    engine = new pkijs.CryptoEngine({ name: "webcrypto", crypto: webCrypto }) as unknown as pkijs.ICryptoEngine;
    engines.set(webCrypto, engine);
  }
  return engine;
}
