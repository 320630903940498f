// Turns the doctor's observations into a verdict: problems that will stop Alexa (RSA-only
// handshake failing because the host is ECDSA-only, as in the seed thread; untrusted or wrong
// certificate; HTTP errors; audio breaking the rules), warnings that will not, and what to
// change, including Cloudflare's plan limits when the host is behind Cloudflare.

import type { AudioCheckResult } from "skillflare/audio";
import { certificateIssues, type CertificateIssueCode } from "./certificate.js";
import type { HttpProbeResult } from "./http-probe.js";
import type { TlsProbeResult } from "./tls-probe.js";

export interface HostTlsReport {
  readonly host: string;
  readonly port: number;
  readonly conservative: TlsProbeResult;
  readonly modern: TlsProbeResult;
}

/** The handshake whose certificate the doctor reports: the conservative one when it worked. */
export function observedHandshake(report: HostTlsReport): Extract<TlsProbeResult, { ok: true }> | null {
  return report.conservative.ok ? report.conservative : report.modern.ok ? report.modern : null;
}

export type DoctorProblemCode =
  | "ecdsa-only"
  | "rsa-handshake-failed"
  | "connection-failed"
  | Exclude<CertificateIssueCode, "certificate-expires-soon">
  | "http-failed"
  | "http-status"
  | "audio-rules";
export type DoctorWarningCode = "certificate-expires-soon" | "no-range-support" | "content-type" | "r2-dev-host" | "body-truncated";

export interface DoctorFinding<Code extends string> {
  readonly code: Code;
  readonly message: string;
}

export interface DoctorVerdict {
  readonly playable: boolean;
  readonly summary: string;
  readonly problems: readonly DoctorFinding<DoctorProblemCode>[];
  readonly warnings: readonly DoctorFinding<DoctorWarningCode>[];
  readonly advice: readonly string[];
}

const CLOUDFLARE_ADVICE =
  "Cloudflare's free plan serves an ECDSA-only Universal SSL certificate; an RSA certificate needs a paid plan, Advanced Certificate Manager, or an uploaded custom certificate. Or serve the audio from a host with an RSA certificate (the seed thread's fix was Amazon S3).";
const GENERIC_ECDSA_ADVICE =
  "Install an RSA (2048-bit) certificate, alone or next to the ECDSA one, and enable TLS 1.2 with ECDHE-RSA-AES128-GCM-SHA256 / ECDHE-RSA-AES256-GCM-SHA384.";

export function decideVerdict(hosts: readonly HostTlsReport[], http: HttpProbeResult, audio: AudioCheckResult | null, now: Date): DoctorVerdict {
  const problems: DoctorFinding<DoctorProblemCode>[] = [];
  const warnings: DoctorFinding<DoctorWarningCode>[] = [];
  const advice = new Set<string>();

  for (const report of hosts) {
    const where = `${report.host}:${report.port}`;
    const { conservative, modern } = report;
    if (!conservative.ok) {
      if (modern.ok && modern.certificate?.keyType === "ecdsa") {
        problems.push({ code: "ecdsa-only", message: `${where} serves only an ECDSA certificate: a TLS 1.2 client offering only RSA cipher suites gets a handshake_failure alert (${conservative.message}), which is how Alexa failed in the seed thread ("I can't connect to the URI of the audio file")` });
        advice.add(http.servedByCloudflare ? CLOUDFLARE_ADVICE : GENERIC_ECDSA_ADVICE);
      } else if (modern.ok) {
        problems.push({ code: "rsa-handshake-failed", message: `${where} refused a TLS 1.2 handshake with RSA suites (${conservative.message}); the default handshake used ${modern.protocol} ${modern.cipher}` });
        advice.add("Enable TLS 1.2 with ECDHE-RSA-AES128-GCM-SHA256 (and an RSA certificate); Alexa does not publish its cipher list, so offer the common RSA suites.");
      } else {
        problems.push({ code: "connection-failed", message: `cannot complete a TLS handshake with ${where}: ${modern.message}` });
      }
    }
    const observed = observedHandshake(report);
    if (observed?.certificate) {
      for (const issue of certificateIssues(observed.certificate, observed, now)) {
        if (issue.code === "certificate-expires-soon") warnings.push({ code: issue.code, message: `${where}: ${issue.message}` });
        else problems.push({ code: issue.code, message: `${where}: ${issue.message}` });
      }
    }
    if (report.host.endsWith(".r2.dev")) {
      warnings.push({ code: "r2-dev-host", message: "r2.dev URLs are rate-limited and not meant for production; serve audio from the Worker's custom domain" });
    }
  }

  if (http.failure !== null) {
    problems.push({ code: "http-failed", message: `HTTP request failed: ${http.failure}` });
  } else {
    if (http.status !== 200) problems.push({ code: "http-status", message: `the URL answers HTTP ${http.status} to a plain GET; Alexa needs 200` });
    if (http.range !== "supported") warnings.push({ code: "no-range-support", message: `no byte-range support (${http.rangeDetail}); AudioPlayer cannot resume at offsetInMilliseconds` });
    if (http.contentType === null || !/^(audio\/|application\/(vnd\.apple\.mpegurl|x-mpegurl|pls\+xml)|video\/mp4)/i.test(http.contentType)) {
      warnings.push({ code: "content-type", message: `Content-Type is ${http.contentType ?? "missing"}; serve MP3 as audio/mpeg` });
    }
    if (http.truncated) warnings.push({ code: "body-truncated", message: "the body is larger than the download cap; only its start was checked" });
  }
  if (audio !== null && !audio.ok) {
    for (const violation of audio.violations) problems.push({ code: "audio-rules", message: `[${violation.code}] ${violation.message}` });
  }

  const playable = problems.length === 0;
  const summary = playable ? "Alexa should be able to play this URL" : `Alexa will likely fail: ${problems[0]?.message ?? ""}`;
  return { playable, summary, problems, warnings, advice: [...advice] };
}
