/**
 * The request signature. Alexa sends `Signature-256` (RSASSA-PKCS1-v1_5 over
 * SHA-256) since 2022 and, before that and still alongside, `Signature`
 * (the same scheme over SHA-1). When `Signature-256` is present it alone
 * decides; otherwise `Signature` is checked. The header is strict base64
 * (`malformed-signature` otherwise); the check itself is WebCrypto's
 * `verify` over the exact body bytes, with a key imported for that one hash
 * (workerd binds the hash at import time). With `signature256Only` the SHA-1
 * fallback is off and a request without `Signature-256` is refused. Imported
 * keys are memoised per verifier (`SigningKeyMemo`), one bounded memo per hash,
 * looked up by the stored SPKI string. Decoded signatures are carved from a
 * per-verifier `ByteSlab` instead of one ArrayBuffer each.
 */
import { decodeBase64Strict } from "../shared/base64.js";
import { BoundedMemo } from "./bounded-memo.js";
import { fail } from "./errors.js";

/** The hash of the signature that was checked: `Signature-256` (SHA-256) or the older `Signature` (SHA-1). */
export type SignatureAlgorithm = "SHA-256" | "SHA-1";

export interface RequestSignature {
  readonly algorithm: SignatureAlgorithm;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Picks and decodes the signature header; throws if absent or not base64. */
export function readSignatureHeader(headers: Headers, signature256Only = false, slab?: ByteSlab): RequestSignature {
  const sha256 = headers.get("Signature-256");
  if (sha256 !== null) return decodedSignature("SHA-256", sha256, slab);
  if (signature256Only) return fail("missing-signature-header", "Signature-256 is required (signature256Only) and absent");
  const sha1 = headers.get("Signature");
  if (sha1 === null) return fail("missing-signature-header", "neither Signature-256 nor Signature is present");
  return decodedSignature("SHA-1", sha1, slab);
}

function decodedSignature(algorithm: SignatureAlgorithm, value: string, slab: ByteSlab | undefined): RequestSignature {
  const bytes = decodeBase64Strict(value, slab?.carve);
  if (bytes === undefined || bytes.length === 0) {
    return fail("malformed-signature", `${algorithm === "SHA-256" ? "Signature-256" : "Signature"} is not base64`);
  }
  return { algorithm, bytes };
}

const SLAB_BYTES = 16 * 1024;

/**
 * Where one verifier's decoded signatures live: consecutive, never-reused
 * slices of a 16 KiB buffer (a new one when it is full, the old one left to
 * the garbage collector with the last slice anyone holds). A fresh
 * ArrayBuffer per 256-byte signature cost more than decoding it (about 1 µs
 * in Node, 0.5 µs in workerd). No slice is ever handed out twice, so a
 * WebCrypto that reads its input late still reads this request's bytes.
 */
export class ByteSlab {
  #buffer = new ArrayBuffer(SLAB_BYTES);
  #used = 0;

  readonly carve = (length: number): Uint8Array<ArrayBuffer> => {
    if (length > SLAB_BYTES / 8) return new Uint8Array(length);
    if (this.#used + length > SLAB_BYTES) {
      this.#buffer = new ArrayBuffer(SLAB_BYTES);
      this.#used = 0;
    }
    const slice = new Uint8Array(this.#buffer, this.#used, length);
    this.#used += length;
    return slice;
  };
}

const MEMOISED_KEYS = 16;

/** Imported signing keys of one verifier, one bounded memo per hash. */
export class SigningKeyMemo {
  readonly #keys: Record<SignatureAlgorithm, BoundedMemo<string, CryptoKey>> = {
    "SHA-256": new BoundedMemo(MEMOISED_KEYS),
    "SHA-1": new BoundedMemo(MEMOISED_KEYS),
  };

  constructor(readonly subtle: SubtleCrypto = crypto.subtle) {}

  /** The key already imported for this SPKI and hash, if any (no await on the warm path). */
  get(spkiBase64: string, algorithm: SignatureAlgorithm): CryptoKey | undefined {
    return this.#keys[algorithm].get(spkiBase64);
  }

  async import(spkiBase64: string, algorithm: SignatureAlgorithm): Promise<CryptoKey> {
    return this.get(spkiBase64, algorithm) ?? this.#keys[algorithm].set(spkiBase64, await importSigningKey(spkiBase64, algorithm, this.subtle));
  }
}

/**
 * Imports the signing certificate's key (base64 SPKI) for one hash; a key
 * WebCrypto cannot use for RSASSA-PKCS1-v1_5 is rejected.
 */
export async function importSigningKey(spkiBase64: string, algorithm: SignatureAlgorithm, subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  const spki = decodeBase64Strict(spkiBase64) ?? fail("unsupported-public-key", "stored key is not base64");
  try {
    return await subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: algorithm }, false, ["verify"]);
  } catch (error) {
    return fail("unsupported-public-key", `signing key is not a usable RSA key: ${String(error)}`, error);
  }
}

/**
 * Resolves once the signature matches the body; rejects with `bad-signature`
 * otherwise. Not an async function: the verdict is checked in the one
 * continuation of WebCrypto's own promise (one microtask hop, not two).
 */
export function requireValidSignature(
  key: CryptoKey,
  signature: RequestSignature,
  body: Uint8Array,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<void> {
  const uncheckable = (error: unknown): never => fail("bad-signature", `${signature.algorithm} signature could not be checked: ${String(error)}`, error);
  let verdict: Promise<boolean>;
  try {
    // A SharedArrayBuffer-backed body is refused by WebCrypto itself (then: bad-signature).
    verdict = subtle.verify("RSASSA-PKCS1-v1_5", key, signature.bytes, body as Uint8Array<ArrayBuffer>);
  } catch (error) {
    verdict = Promise.reject(error);
  }
  return verdict.then((valid) => {
    if (!valid) fail("bad-signature", `${signature.algorithm} signature does not match the body`);
  }, uncheckable);
}
