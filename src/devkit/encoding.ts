/**
 * Byte and text encodings the dev signing kit needs, written against web
 * standards only (no Buffer, no node: imports) so the kit runs unchanged in
 * workerd and Node: base64 to and from bytes, PEM armour for certificates and
 * PKCS#8 keys, and splitting a PEM bundle into its DER blocks.
 */

/** Encodes bytes as standard (padded) base64. */
export function bytesToBase64(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (let offset = 0; offset < view.length; offset += 0x8000) {
    binary += String.fromCharCode(...view.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/** Decodes standard base64 (whitespace tolerated); throws on invalid input. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Wraps DER bytes in PEM armour with 64-column lines and a trailing newline. */
export function derToPem(der: Uint8Array | ArrayBuffer, label = "CERTIFICATE"): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** Returns the DER bytes of every PEM block with the given label, in order. */
export function pemToDerBlocks(pem: string, label = "CERTIFICATE"): Uint8Array<ArrayBuffer>[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, "g");
  return [...pem.matchAll(pattern)].map((match) => base64ToBytes(match[1] ?? ""));
}

/** The exact UTF-8 bytes of a string (what Alexa signs). */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new TextEncoder().encode(text));
}
