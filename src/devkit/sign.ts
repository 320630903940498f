/**
 * Signs a request body the way Alexa does: RSASSA-PKCS1-v1_5 over the exact
 * UTF-8 bytes of the body, base64, in `Signature` (SHA-1) and `Signature-256`
 * (SHA-256), plus `SignatureCertChainUrl`. Options drop either signature
 * header or the URL, sign with another key, or point at any chain URL; and
 * `tamperBody` produces a body that no longer matches its signature.
 */
import { defaultCrypto } from "./crypto-engine.js";
import { bytesToBase64, utf8Bytes } from "./encoding.js";
import type { RequestSigningKey } from "./keys.js";

/**
 * The two signature headers Alexa sends.
 */
export type SignatureHeaderName = "Signature" | "Signature-256";

/**
 * Options of `signBody`.
 */
export interface SignBodyOptions {
  /** Signature headers to leave out. */
  readonly omit?: readonly SignatureHeaderName[];
  /** Sign with this key instead of the kit's (e.g. another kit's). */
  readonly signingKey?: RequestSigningKey;
  /** Chain URL header value; `null` leaves the header out. Default: the kit's. */
  readonly chainUrl?: string | null;
  /** WebCrypto that owns the signing key; default the global one. */
  readonly crypto?: Crypto;
}

/** The headers Alexa sends; absent ones are simply not present. */
export interface AlexaSignatureHeaders {
  Signature?: string;
  "Signature-256"?: string;
  SignatureCertChainUrl?: string;
}

/** What signing needs from a kit. */
export interface SigningMaterial {
  readonly signingKey: RequestSigningKey;
  readonly chainUrl: string;
}

/**
 * Signs bytes with one hash; base64 signature.
 * @example
 * const signature = await signBytes(kit.signingKey, "SHA-256", utf8Bytes(body));
 */
export async function signBytes(
  key: RequestSigningKey,
  hash: "SHA-1" | "SHA-256",
  bytes: Uint8Array<ArrayBuffer>,
  webCrypto: Crypto = defaultCrypto(),
): Promise<string> {
  const privateKey = hash === "SHA-1" ? key.sha1 : key.sha256;
  return bytesToBase64(await webCrypto.subtle.sign("RSASSA-PKCS1-v1_5", privateKey, bytes));
}

/**
 * The signature headers for `body` (a string, signed as its exact UTF-8 bytes).
 * @example
 * const headers = await signBody(kit, JSON.stringify(envelope)); // { Signature-256, SignatureCertChainUrl, ... }
 */
export async function signBody(
  kit: SigningMaterial,
  body: string,
  options: SignBodyOptions = {},
): Promise<AlexaSignatureHeaders> {
  const key = options.signingKey ?? kit.signingKey;
  const omit = new Set(options.omit ?? []);
  const bytes = utf8Bytes(body);
  const webCrypto = options.crypto ?? defaultCrypto();
  const headers: AlexaSignatureHeaders = {};
  if (!omit.has("Signature")) headers.Signature = await signBytes(key, "SHA-1", bytes, webCrypto);
  if (!omit.has("Signature-256")) headers["Signature-256"] = await signBytes(key, "SHA-256", bytes, webCrypto);
  const chainUrl = options.chainUrl === undefined ? kit.chainUrl : options.chainUrl;
  if (chainUrl !== null) headers.SignatureCertChainUrl = chainUrl;
  return headers;
}

/**
 * A body whose bytes differ from `body`. "value" changes content (a JSON object
 * gains `"tampered":true`, other text gains a character); "whitespace" only
 * appends a newline, which still breaks the signature.
 * @example
 * const tampered = new Request(signed.url, { method: "POST", headers: signed.headers, body: tamperBody(await signed.text()) });
 * // the Worker answers 400 and logs bad-signature
 */
export function tamperBody(body: string, how: "value" | "whitespace" = "value"): string {
  if (how === "whitespace") return `${body}\n`;
  const trimmed = body.trimEnd();
  if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
    const inner = trimmed.slice(1, -1).trim();
    return inner === "" ? '{"tampered":true}' : `{"tampered":true,${trimmed.slice(1)}`;
  }
  return `${body}!`;
}
