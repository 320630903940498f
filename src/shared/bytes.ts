/**
 * Byte equality for DER values and key identifiers, the one copy the verifier (anchor
 * lookup, name chaining, the certificate outline's own checks) and the dev kit share. Not
 * constant-time: every value it compares is public (certificates, names, key identifiers).
 */

/** Whether two byte sequences are the same length and hold the same bytes. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
