/**
 * Signed audio URLs. When a secret is configured, an audio URL must carry
 * `?exp=<unix seconds>&sig=<base64url HMAC-SHA256>`; the MAC covers the canonical string
 * `skillflare-audio-v1\n<key>\n<exp>`, where `<key>` is the decoded R2 key (so different
 * percent-encodings of one key share a signature, and a key can hold no newline) and the
 * version label keeps these MACs apart from anything else signed with the same secret.
 * Verification is `crypto.subtle.verify`, which compares in constant time. Time is passed
 * in; failure reasons are tagged so the caller can log them and answer one generic 403.
 */
import { decodeBase64UrlStrict, encodeBase64Url } from "../shared/base64.js";

export type SignatureFailure =
  | "missing-signature"
  | "malformed-expiry"
  | "malformed-signature"
  | "bad-signature"
  | "expired";

export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

export interface SignedParams {
  /** Expiry, unix seconds. */
  exp: number;
  /** Base64url (no padding) HMAC-SHA256 of the canonical string. */
  sig: string;
}

/** Default lifetime: a day, long enough for AudioPlayer to resume a long stream. */
export const DEFAULT_SIGNED_URL_LIFETIME_SECONDS = 24 * 60 * 60;

const CANONICAL_LABEL = "skillflare-audio-v1";
const EXPIRY_DIGITS = /^(?:0|[1-9][0-9]{0,11})$/;
const BASE64URL_SHA256 = /^[A-Za-z0-9_-]{43}$/;

/** The exact string that is MACed for a key and an expiry. */
export function canonicalSignedString(key: string, exp: number): string {
  return `${CANONICAL_LABEL}\n${key}\n${exp}`;
}

async function importSecret(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    [usage],
  );
}

/** Signs `key` until `nowMs / 1000 + lifetimeSeconds` (rounded down to a whole second). */
export async function signAudioKey(
  key: string,
  secret: string,
  nowMs: number = Date.now(),
  lifetimeSeconds: number = DEFAULT_SIGNED_URL_LIFETIME_SECONDS,
): Promise<SignedParams> {
  const exp = Math.floor(nowMs / 1000 + lifetimeSeconds);
  const cryptoKey = await importSecret(secret, "sign");
  const mac = await crypto.subtle.sign(
    "HMAC",
    cryptoKey,
    new TextEncoder().encode(canonicalSignedString(key, exp)),
  );
  return { exp, sig: encodeBase64Url(new Uint8Array(mac)) };
}

/** Checks `exp` and `sig` from a request's query against `key` at `nowMs`. */
export async function verifyAudioSignature(
  key: string,
  query: URLSearchParams,
  secret: string,
  nowMs: number,
): Promise<SignatureCheck> {
  const expText = query.get("exp");
  const sigText = query.get("sig");
  if (expText === null || sigText === null) return { ok: false, reason: "missing-signature" };
  if (!EXPIRY_DIGITS.test(expText)) return { ok: false, reason: "malformed-expiry" };
  if (!BASE64URL_SHA256.test(sigText)) return { ok: false, reason: "malformed-signature" };
  // Only the canonical spelling is accepted: the 43rd character has two unused bits.
  const mac = decodeBase64UrlStrict(sigText);
  if (mac === undefined) {
    return { ok: false, reason: "malformed-signature" };
  }
  const exp = Number(expText);
  const cryptoKey = await importSecret(secret, "verify");
  const authentic = await crypto.subtle.verify(
    "HMAC",
    cryptoKey,
    mac,
    new TextEncoder().encode(canonicalSignedString(key, exp)),
  );
  if (!authentic) return { ok: false, reason: "bad-signature" };
  if (exp * 1000 <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true };
}
