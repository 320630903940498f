/**
 * Checks on individual certificates that pkijs path validation does not make
 * for us: the signing (leaf) certificate must name `echo-api.amazon.com` as a
 * SAN dNSName (exact, case-insensitive; the subject CN alone does not count),
 * and every certificate above the leaf must be a CA (basicConstraints cA=TRUE).
 * The usual SAN, a SEQUENCE of nothing but dNSNames ([2] IA5String, as in
 * every echo-api certificate), is read straight from the extension's DER: a
 * few offsets instead of building pkijs's AltName objects on every chain
 * download, with the same result pkijs gives for it. Any other SAN (other
 * name forms, odd framing) is left to pkijs's parser, as before. pkijs parses
 * an extension's value on its first read of `parsedValue`, outside the
 * certificate parse, and asn1js can throw there; every read here goes through
 * `parsedValueOf`, so such a value is `invalid-pem`, never an untyped error.
 */
import * as pkijs from "pkijs";
import { childrenOf, readWhole } from "./der-reader.js";
import { fail } from "./errors.js";

const ALEXA_SIGNING_DNS_NAME = "echo-api.amazon.com";

const SUBJECT_ALT_NAME_OID = "2.5.29.17";
const BASIC_CONSTRAINTS_OID = "2.5.29.19";
const SEQUENCE = 0x30;
/** GeneralName dNSName: context-specific, primitive, [2] (its DER tag, and pkijs's `type`). */
const DNS_NAME = 0x82;
const DNS_NAME_TYPE = 2;

/** The SAN dNSNames of a certificate, as written in it. */
export function dnsNamesOf(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((e) => e.extnID === SUBJECT_ALT_NAME_OID);
  if (extension === undefined) return [];
  const fast = onlyDnsNames(extension.extnValue.valueBlock.valueHexView);
  if (fast !== undefined) return fast;
  const parsed = parsedValueOf(extension);
  const altNames = parsed instanceof pkijs.AltName ? parsed.altNames : [];
  return altNames
    .filter((name) => name.type === DNS_NAME_TYPE && typeof name.value === "string")
    .map((name) => name.value as string);
}

/** The names of a GeneralNames that holds one or more dNSNames and nothing else; otherwise undefined. */
function onlyDnsNames(der: Uint8Array): string[] | undefined {
  const generalNames = readWhole(der);
  const names = generalNames?.tag === SEQUENCE ? childrenOf(der, generalNames) : undefined;
  if (names === undefined || names.length === 0 || names.some((name) => name.tag !== DNS_NAME)) return undefined;
  return names.map((name) => latin1(der.subarray(name.contentStart, name.end)));
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

export function requireEchoApiSan(leaf: pkijs.Certificate): void {
  const names = dnsNamesOf(leaf);
  if (!names.some((name) => name.toLowerCase() === ALEXA_SIGNING_DNS_NAME)) {
    fail("san-missing", `leaf SAN dNSNames [${names.join(", ")}] lack ${ALEXA_SIGNING_DNS_NAME}`);
  }
}

export function isCertificateAuthority(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS_OID);
  if (extension === undefined) return false;
  const parsed = parsedValueOf(extension);
  return parsed instanceof pkijs.BasicConstraints && parsed.cA === true;
}

/** The extension's value as pkijs parses it (on this first read), or `invalid-pem` if that throws. */
function parsedValueOf(extension: pkijs.Extension): unknown {
  try {
    return extension.parsedValue;
  } catch (error) {
    return fail("invalid-pem", `extension ${extension.extnID}: value not readable (${String(error)})`);
  }
}
