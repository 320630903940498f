/**
 * Parses a PEM certificate chain: a sequence of `CERTIFICATE` PEM blocks,
 * leaf first, separated only by whitespace. Anything else is junk and fails
 * with `invalid-pem`: text outside the blocks, other labels, bad base64, DER
 * that is not exactly one X.509 certificate, zero certificates, or more than
 * `MAX_CHAIN_CERTIFICATES` (Amazon serves four). `readPemCertificates` does
 * the text part and returns each block's DER; `parsePemChain` also builds a
 * pkijs certificate from every block (tests and the bench use it), while the
 * downloaded chain and the trust anchors build them lazily with
 * `parseCertificateDer` (served-chain.ts, trust-anchors.ts), which also
 * remembers each built key's DER exactly as the certificate carries it
 * (`signedPublicKeyInfo`), for the crypto engine.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { decodeBase64Strict } from "../shared/base64.js";
import { certificateShape } from "./der-shape.js";
import { fail } from "./errors.js";

export const MAX_CHAIN_CERTIFICATES = 8;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly certificate: pkijs.Certificate;
}

export function parsePemChain(text: string): ParsedCertificate[] {
  return readPemCertificates(text).map((der, index) => ({ der, certificate: parseCertificateDer(der, index) }));
}

/** The DER of every `CERTIFICATE` block, in order; the text around them must be whitespace. */
export function readPemCertificates(text: string): Uint8Array<ArrayBuffer>[] {
  const blocks: Uint8Array<ArrayBuffer>[] = [];
  let consumedUpTo = 0;
  for (const match of text.matchAll(PEM_BLOCK)) {
    const [block, beginLabel, body = "", endLabel] = match;
    requireOnlyWhitespace(text.slice(consumedUpTo, match.index));
    consumedUpTo = match.index + block.length;
    if (beginLabel !== "CERTIFICATE" || endLabel !== "CERTIFICATE") {
      fail("invalid-pem", `unexpected PEM label ${beginLabel ?? ""}/${endLabel ?? ""}`);
    }
    if (blocks.length === MAX_CHAIN_CERTIFICATES) {
      fail("invalid-pem", `more than ${MAX_CHAIN_CERTIFICATES} certificates`);
    }
    const der = decodeBase64Strict(body.replace(/\s+/g, "")) ?? fail("invalid-pem", `certificate ${blocks.length}: bad base64`);
    blocks.push(der);
  }
  requireOnlyWhitespace(text.slice(consumedUpTo));
  if (blocks.length === 0) fail("invalid-pem", "no certificate found");
  return blocks;
}

/**
 * Builds the pkijs certificate of block `index`, or throws `invalid-pem` (whatever asn1js or
 * pkijs raises while building it becomes that, never an untyped error; the extension values
 * pkijs parses later, on first read, are guarded where they are read: leaf-checks.ts). `signedSpki` is the
 * key's DER as the certificate carries it, when the caller already read the outline
 * (der-shape.ts); otherwise it is read here.
 */
export function parseCertificateDer(der: Uint8Array<ArrayBuffer>, index: number, signedSpki = certificateShape(der)?.subjectPublicKeyInfo): pkijs.Certificate {
  let asn1: ReturnType<typeof asn1js.fromBER>;
  try {
    asn1 = asn1js.fromBER(der);
  } catch (error) {
    // asn1js reports most malformed input as offset -1, but some (a bad time or BMPString inside
    // an extension) throw from its decoders; either way the block is not a certificate.
    return fail("invalid-pem", `certificate ${index}: not readable as DER (${String(error)})`);
  }
  if (asn1.offset === -1 || asn1.offset !== der.byteLength) {
    fail("invalid-pem", `certificate ${index}: not a single DER value`);
  }
  let certificate: pkijs.Certificate;
  try {
    certificate = new pkijs.Certificate({ schema: asn1.result });
  } catch (error) {
    return fail("invalid-pem", `certificate ${index}: not an X.509 certificate (${String(error)})`);
  }
  if (signedSpki !== undefined) signedPublicKeyInfos.set(certificate.subjectPublicKeyInfo, signedSpki as Uint8Array<ArrayBuffer>);
  return certificate;
}

const signedPublicKeyInfos = new WeakMap<pkijs.PublicKeyInfo, Uint8Array<ArrayBuffer>>();

/**
 * The DER bytes of a key built by `parseCertificateDer`, exactly as its certificate carries
 * (and its issuer signed) them, so the crypto engine imports them as they are instead of
 * re-encoding the parsed key with asn1js.
 */
export function signedPublicKeyInfo(info: pkijs.PublicKeyInfo): Uint8Array<ArrayBuffer> | undefined {
  return signedPublicKeyInfos.get(info);
}

function requireOnlyWhitespace(text: string): void {
  if (text.trim() !== "") fail("invalid-pem", "text outside PEM blocks");
}
