/**
 * Parses the downloaded chain: a sequence of `CERTIFICATE` PEM blocks, leaf
 * first, separated only by whitespace. Anything else is junk and fails with
 * `invalid-pem`: text outside the blocks, other labels, bad base64, DER that is
 * not exactly one X.509 certificate, zero certificates, or more than
 * `MAX_CHAIN_CERTIFICATES` (Amazon serves four).
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { decodeBase64Strict } from "./base64.js";
import { fail } from "./errors.js";

export const MAX_CHAIN_CERTIFICATES = 8;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly certificate: pkijs.Certificate;
}

export function parsePemChain(text: string): ParsedCertificate[] {
  const certificates: ParsedCertificate[] = [];
  let consumedUpTo = 0;
  for (const match of text.matchAll(PEM_BLOCK)) {
    const [block, beginLabel, body = "", endLabel] = match;
    requireOnlyWhitespace(text.slice(consumedUpTo, match.index));
    consumedUpTo = match.index + block.length;
    if (beginLabel !== "CERTIFICATE" || endLabel !== "CERTIFICATE") {
      fail("invalid-pem", `unexpected PEM label ${beginLabel ?? ""}/${endLabel ?? ""}`);
    }
    if (certificates.length === MAX_CHAIN_CERTIFICATES) {
      fail("invalid-pem", `more than ${MAX_CHAIN_CERTIFICATES} certificates`);
    }
    certificates.push(parseCertificateBlock(body, certificates.length));
  }
  requireOnlyWhitespace(text.slice(consumedUpTo));
  if (certificates.length === 0) fail("invalid-pem", "no certificate found");
  return certificates;
}

/** Parses the base64 body of one PEM block into a certificate. */
export function parseCertificateBlock(body: string, index: number): ParsedCertificate {
  const der = decodeBase64Strict(body.replace(/\s+/g, "")) ?? fail("invalid-pem", `certificate ${index}: bad base64`);
  return { der, certificate: parseCertificateDer(der, index) };
}

function parseCertificateDer(der: Uint8Array, index: number): pkijs.Certificate {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1 || asn1.offset !== der.byteLength) {
    fail("invalid-pem", `certificate ${index}: not a single DER value`);
  }
  try {
    return new pkijs.Certificate({ schema: asn1.result });
  } catch (error) {
    return fail("invalid-pem", `certificate ${index}: not an X.509 certificate (${String(error)})`);
  }
}

function requireOnlyWhitespace(text: string): void {
  if (text.trim() !== "") fail("invalid-pem", "text outside PEM blocks");
}
