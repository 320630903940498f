/**
 * The WebCrypto implementation and pkijs crypto engine the kit uses, always passed
 * explicitly (never pkijs's global engine). `defaultCrypto()` is the runtime's global
 * `crypto` (workerd and Node >= 20 both have one). The engine is the verifier's own factory
 * (src/verify/crypto-engine.ts: one engine per WebCrypto object), so the kit signs and the
 * verifier checks through the same pkijs engine code.
 */
import type * as pkijs from "pkijs";
import { createPkijsEngine } from "../verify/crypto-engine.js";

/** The runtime's global WebCrypto. */
export function defaultCrypto(): Crypto {
  return crypto;
}

/**
 * A pkijs crypto engine over the given WebCrypto (default the global `crypto`).
 * @example
 * const engine = createCryptoEngine(); // pass to pkijs calls: certificate.sign(key, "SHA-256", engine)
 */
export function createCryptoEngine(webCrypto: Crypto = defaultCrypto()): pkijs.ICryptoEngine {
  return createPkijsEngine(webCrypto);
}
