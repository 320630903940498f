/**
 * The floor: one `crypto.subtle.verify` (RSASSA-PKCS1-v1_5, SHA-256) of the
 * fixture's `Signature-256` over the same body bytes, with the leaf's public
 * key already imported and the signature already decoded. The SHA-256 digest
 * of the body happens inside `verify`, so it is included; nothing else is
 * (no header parsing, cache lookup, JSON parsing, timestamp or skill-id check).
 */
import type { BenchFixture } from "../fixtures.js";
import type { Contender } from "./contender.js";

export async function limitContender(fixture: BenchFixture): Promise<Contender> {
  const leafPublicKey = fixture.kit.keyPairs?.leaf.publicKey;
  if (leafPublicKey === undefined) throw new Error("limit: the dev kit has no leaf key pair");
  const spki = await crypto.subtle.exportKey("spki", leafPublicKey);
  const key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
  const signature = new Uint8Array(Buffer.from(fixture.signature256, "base64"));
  const verifyBytes = (bytes: Uint8Array<ArrayBuffer>) => crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, bytes);
  return {
    name: "limit",
    description: "raw crypto.subtle.verify, RSA-2048 PKCS#1 v1.5 SHA-256 (digest inside), key imported",
    verify: async () => {
      if (!(await verifyBytes(fixture.bodyBytes))) throw new Error("limit: signature did not verify");
    },
    rejectTampered: async () => {
      if (await verifyBytes(fixture.tamperedBytes)) throw new Error("limit: accepted a tampered body");
    },
  };
}
