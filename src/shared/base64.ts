/**
 * The one base64 codec (verifier, dev kit, signed audio URLs). Strict: canonical alphabet,
 * correct padding, nothing else. Decoding returns `undefined` for anything that is not
 * exactly base64, so each caller can name its own failure (a bad signature header is
 * `malformed-signature`, a bad PEM body is `invalid-pem`). The decoder is one table-driven
 * pass that validates while it decodes (every request decodes a 344-character signature).
 * It accepts exactly the strings of the shape `(xxxx)*(xx==|xxx=)?` over `A-Za-z0-9+/`, as
 * `atob` would decode them. The base64url pair (RFC 4648 section 5, no padding) is the same
 * codec with the two alphabet swaps, and accepts only the canonical spelling.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const PAD = 61; // "="
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTETS[ALPHABET.charCodeAt(i)] = i;

/** The 6-bit value of a base64 character code, or -1. */
function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (SEXTETS[code] as number) : -1;
}

/**
 * Decodes canonical padded base64, or `undefined` if `text` is anything else.
 * `allocate` gives the array the bytes are written into (default a new one);
 * it must be a fresh, zeroed array of that length that nothing else holds.
 */
export function decodeBase64Strict(
  text: string,
  allocate: (length: number) => Uint8Array<ArrayBuffer> = newBytes,
): Uint8Array<ArrayBuffer> | undefined {
  const length = text.length;
  if (length % 4 !== 0) return undefined;
  const padding = length === 0 || text.charCodeAt(length - 1) !== PAD ? 0 : text.charCodeAt(length - 2) === PAD ? 2 : 1;
  const bytes = allocate((length / 4) * 3 - padding);
  const fullGroupsEnd = padding === 0 ? length : length - 4;
  let out = 0;
  for (let i = 0; i < fullGroupsEnd; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    const d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const group = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = group >> 16;
    bytes[out++] = (group >> 8) & 0xff;
    bytes[out++] = group & 0xff;
  }
  if (padding === 0) return bytes;
  const a = sextet(text, fullGroupsEnd);
  const b = sextet(text, fullGroupsEnd + 1);
  const c = padding === 1 ? sextet(text, fullGroupsEnd + 2) : 0;
  if ((a | b | c) < 0) return undefined;
  const group = (a << 18) | (b << 12) | (c << 6);
  bytes[out++] = group >> 16;
  if (padding === 1) bytes[out] = (group >> 8) & 0xff;
  return bytes;
}

function newBytes(length: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(length);
}

/** Encodes bytes as standard padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Encodes bytes as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes unpadded base64url, or `undefined` unless `text` is the canonical spelling of
 * its bytes (the unused low bits of the last character must be zero).
 */
export function decodeBase64UrlStrict(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (/[+/=]/.test(text)) return undefined;
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = decodeBase64Strict(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return bytes !== undefined && encodeBase64Url(bytes) === text ? bytes : undefined;
}
