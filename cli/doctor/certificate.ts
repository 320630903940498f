// What the doctor reports about a server certificate: key type (RSA or ECDSA, the thing that
// decided the seed thread's handshake_failure), names, validity window; and the issues a
// client would raise at a given moment: untrusted, wrong host name, expired, expiring soon.

import type { PeerCertificate } from "node:tls";

export type CertificateKeyType = "rsa" | "ecdsa" | "other";

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly keyType: CertificateKeyType;
  readonly keyBits: number | null;
  readonly curve: string | null;
  readonly subjectAltNames: readonly string[];
  readonly notBefore: string | null;
  readonly notAfter: string | null;
}

export type CertificateIssueCode = "certificate-untrusted" | "hostname-mismatch" | "certificate-expired" | "certificate-not-yet-valid" | "certificate-expires-soon";

export interface CertificateIssue {
  readonly code: CertificateIssueCode;
  readonly message: string;
}

const EXPIRY_WARNING_DAYS = 14;

export function summarizeCertificate(cert: PeerCertificate): CertificateSummary {
  const details = cert as PeerCertificate & { asn1Curve?: string; nistCurve?: string; modulus?: string; pubkey?: Buffer };
  const keyType: CertificateKeyType = details.modulus ? "rsa" : details.asn1Curve || details.nistCurve ? "ecdsa" : "other";
  return {
    subject: commonName(cert.subject),
    issuer: commonName(cert.issuer),
    keyType,
    keyBits: typeof cert.bits === "number" ? cert.bits : null,
    curve: details.nistCurve ?? details.asn1Curve ?? null,
    subjectAltNames: (cert.subjectaltname ?? "").split(/,\s*/).filter((name) => name.length > 0),
    notBefore: isoDate(cert.valid_from),
    notAfter: isoDate(cert.valid_to),
  };
}

export function describeKey(summary: CertificateSummary): string {
  if (summary.keyType === "rsa") return `RSA ${summary.keyBits ?? "?"}-bit`;
  if (summary.keyType === "ecdsa") return `ECDSA ${summary.curve ?? ""}`.trim();
  return "unknown key type";
}

export interface TrustFacts {
  readonly authorized: boolean;
  readonly authorizationError: string | null;
  readonly hostnameError: string | null;
}

export function certificateIssues(summary: CertificateSummary, trust: TrustFacts, now: Date): CertificateIssue[] {
  const issues: CertificateIssue[] = [];
  if (!trust.authorized) {
    issues.push({ code: "certificate-untrusted", message: `the certificate is not trusted (${trust.authorizationError ?? "unknown reason"}); Alexa needs a certificate from a publicly trusted CA` });
  }
  if (trust.hostnameError !== null) {
    issues.push({ code: "hostname-mismatch", message: `the certificate does not cover this host name: ${trust.hostnameError}` });
  }
  const notAfter = summary.notAfter === null ? null : Date.parse(summary.notAfter);
  const notBefore = summary.notBefore === null ? null : Date.parse(summary.notBefore);
  if (notAfter !== null && notAfter < now.getTime()) {
    issues.push({ code: "certificate-expired", message: `the certificate expired on ${summary.notAfter}` });
  } else if (notAfter !== null && notAfter - now.getTime() < EXPIRY_WARNING_DAYS * 86_400_000) {
    issues.push({ code: "certificate-expires-soon", message: `the certificate expires on ${summary.notAfter}` });
  }
  if (notBefore !== null && notBefore > now.getTime()) {
    issues.push({ code: "certificate-not-yet-valid", message: `the certificate is not valid before ${summary.notBefore}` });
  }
  return issues;
}

function commonName(name: PeerCertificate["subject"] | undefined): string {
  const cn = (name as Record<string, string | string[] | undefined> | undefined)?.["CN"];
  return Array.isArray(cn) ? cn.join(", ") : (cn ?? "");
}

function isoDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
