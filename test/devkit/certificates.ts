/**
 * Test helpers: parse the kit's PEMs with pkijs and import a certificate's
 * public key for WebCrypto verification (one import per hash, as workerd needs).
 */
import * as pkijs from "pkijs";
import { pemToDerBlocks } from "../../src/devkit/index.js";

export function parseCertificates(pem: string): pkijs.Certificate[] {
  return pemToDerBlocks(pem).map((der) => pkijs.Certificate.fromBER(der));
}

export function parseCertificate(pem: string): pkijs.Certificate {
  const [certificate] = parseCertificates(pem);
  if (!certificate) throw new Error("no certificate in PEM");
  return certificate;
}

export function nameBytes(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  return new Uint8Array(name.toSchema().toBER(false));
}

export function spkiBytes(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
}

export function importVerifyKey(certificate: pkijs.Certificate, hash: "SHA-1" | "SHA-256"): Promise<CryptoKey> {
  return crypto.subtle.importKey("spki", spkiBytes(certificate), { name: "RSASSA-PKCS1-v1_5", hash }, false, ["verify"]);
}

/** Verifies `certificate`'s signature with `issuer`'s public key (SHA-256 RSA). */
export async function isSignedBy(certificate: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  const key = await importVerifyKey(issuer, "SHA-256");
  return crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, certificate.signatureValue.valueBlock.valueHexView, certificate.tbsView);
}

export function extension(certificate: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((candidate) => candidate.extnID === oid);
}

export function dnsNames(certificate: pkijs.Certificate): string[] {
  const san = extension(certificate, "2.5.29.17")?.parsedValue;
  if (!(san instanceof pkijs.AltName)) return [];
  return san.altNames.filter((name) => name.type === 2).map((name) => String(name.value));
}

export function commonName(name: pkijs.RelativeDistinguishedNames): string | undefined {
  const attribute = name.typesAndValues.find((candidate) => candidate.type === "2.5.4.3");
  return attribute?.value.valueBlock.value;
}

export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}
