/**
 * The limit: one `crypto.subtle.verify` (RSASSA-PKCS1-v1_5, SHA-256) of the
 * fixture's `Signature-256` over the same body bytes, with the leaf's public
 * key already imported and the signature already decoded. The SHA-256 digest
 * of the body happens inside `verify`, so it is included; nothing else is
 * (no header parsing, cache lookup, JSON parsing, timestamp or skill-id check).
 * The floor adds the one other thing any verifier must do with a verified
 * body: decode it (UTF-8) and `JSON.parse` it, after the signature checks.
 */
import type { BenchFixture } from "../fixtures.js";
import type { Contender } from "./contender.js";

async function rawVerifier(fixture: BenchFixture, row: string): Promise<(bytes: Uint8Array<ArrayBuffer>) => Promise<boolean>> {
  const leafPublicKey = fixture.kit.keyPairs?.leaf.publicKey;
  if (leafPublicKey === undefined) throw new Error(`${row}: the dev kit has no leaf key pair`);
  const spki = await crypto.subtle.exportKey("spki", leafPublicKey);
  const key = await crypto.subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
  const signature = new Uint8Array(Buffer.from(fixture.signature256, "base64"));
  return (bytes) => crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, bytes);
}

export async function limitContender(fixture: BenchFixture): Promise<Contender> {
  const verifyBytes = await rawVerifier(fixture, "limit");
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

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export async function floorContender(fixture: BenchFixture): Promise<Contender> {
  const verifyBytes = await rawVerifier(fixture, "floor");
  const verifyAndParse = async (bytes: Uint8Array<ArrayBuffer>) => (await verifyBytes(bytes)) && typeof JSON.parse(utf8.decode(bytes)) === "object";
  return {
    name: "floor",
    description: "limit + UTF-8 decode + JSON.parse of the verified body: the least any verifier must do",
    verify: async () => {
      if (!(await verifyAndParse(fixture.bodyBytes))) throw new Error("floor: signature did not verify");
    },
    rejectTampered: async () => {
      if (await verifyAndParse(fixture.tamperedBytes)) throw new Error("floor: accepted a tampered body");
    },
  };
}
