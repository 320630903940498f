/**
 * Byte and text encodings the dev signing kit needs, written against web
 * standards only (no Buffer, no node: imports) so the kit runs unchanged in
 * workerd and Node: base64 to and from bytes, PEM armour for certificates and
 * PKCS#8 keys, and splitting a PEM bundle into its DER blocks. Base64 itself is the one
 * shared codec (src/shared/base64.ts).
 */
import { decodeBase64Strict, encodeBase64 } from "../shared/base64.js";

/**
 * Encodes bytes as standard (padded) base64.
 * @example
 * bytesToBase64(new Uint8Array([104, 105])); // "aGk="
 */
export function bytesToBase64(bytes: Uint8Array | ArrayBuffer): string {
  return encodeBase64(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

/**
 * Decodes standard padded base64 (whitespace, as in PEM bodies, tolerated); throws a
 * `TypeError` on anything else.
 * @example
 * base64ToBytes("aGk="); // Uint8Array [104, 105]
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bytes = decodeBase64Strict(base64.replace(/\s+/g, ""));
  if (bytes === undefined) throw new TypeError("base64ToBytes: not canonical padded base64");
  return bytes;
}

/**
 * Wraps DER bytes in PEM armour with 64-column lines and a trailing newline.
 * @example
 * derToPem(certificateDer); // "-----BEGIN CERTIFICATE-----\n..."
 */
export function derToPem(der: Uint8Array | ArrayBuffer, label = "CERTIFICATE"): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * Returns the DER bytes of every PEM block with the given label, in order.
 * @example
 * const [leaf, intermediate] = pemToDerBlocks(kit.chainPem);
 */
export function pemToDerBlocks(pem: string, label = "CERTIFICATE"): Uint8Array<ArrayBuffer>[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, "g");
  return [...pem.matchAll(pattern)].map((match) => base64ToBytes(match[1] ?? ""));
}

/**
 * The exact UTF-8 bytes of a string (what Alexa signs).
 * @example
 * const bytes = utf8Bytes(JSON.stringify(envelope));
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new TextEncoder().encode(text));
}
