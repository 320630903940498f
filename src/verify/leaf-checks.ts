/**
 * Checks on individual certificates that pkijs path validation does not make
 * for us: the signing (leaf) certificate must name `echo-api.amazon.com` as a
 * SAN dNSName (exact, case-insensitive; the subject CN alone does not count),
 * and every certificate above the leaf must be a CA (basicConstraints cA=TRUE).
 */
import * as pkijs from "pkijs";
import { fail } from "./errors.js";

export const ALEXA_SIGNING_DNS_NAME = "echo-api.amazon.com";

const SUBJECT_ALT_NAME_OID = "2.5.29.17";
const BASIC_CONSTRAINTS_OID = "2.5.29.19";
const DNS_NAME_TAG = 2;

/** The SAN dNSNames of a certificate, as written in it. */
export function dnsNamesOf(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((e) => e.extnID === SUBJECT_ALT_NAME_OID);
  const altNames = extension?.parsedValue instanceof pkijs.AltName ? extension.parsedValue.altNames : [];
  return altNames
    .filter((name) => name.type === DNS_NAME_TAG && typeof name.value === "string")
    .map((name) => name.value as string);
}

export function requireEchoApiSan(leaf: pkijs.Certificate): void {
  const names = dnsNamesOf(leaf);
  if (!names.some((name) => name.toLowerCase() === ALEXA_SIGNING_DNS_NAME)) {
    fail("san-missing", `leaf SAN dNSNames [${names.join(", ")}] lack ${ALEXA_SIGNING_DNS_NAME}`);
  }
}

export function isCertificateAuthority(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS_OID);
  return extension?.parsedValue instanceof pkijs.BasicConstraints && extension.parsedValue.cA === true;
}
