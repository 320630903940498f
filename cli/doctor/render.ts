// Prints a doctor report as plain text: TLS per host (both handshakes, certificate, trust),
// the HTTP redirect chain, status, Content-Type and range support, the audio check, and the
// verdict with what to change. The JSON form is the report minus the downloaded bytes.

import { renderAudioCheck } from "../audio-report.js";
import { describeKey } from "./certificate.js";
import type { DoctorReport } from "./run-doctor.js";
import { type HostTlsReport, observedHandshake } from "./verdict.js";
import type { TlsProbeResult } from "./tls-probe.js";

const mark = (ok: boolean) => (ok ? "✓" : "✗");

export function renderDoctorReport(report: DoctorReport): string[] {
  const lines = [`skillflare doctor ${report.url}`];
  for (const host of report.tls) lines.push(...renderHost(host));
  lines.push("HTTP");
  const { http } = report;
  for (const hop of http.hops) lines.push(`  → ${hop.status} ${hop.url} → ${hop.location}`);
  if (http.failure !== null) {
    lines.push(`  ✗ ${http.failure}`);
  } else {
    lines.push(`  ${mark(http.status === 200)} HTTP ${http.status}, Content-Type: ${http.contentType ?? "(none)"}${http.servedByCloudflare ? ", served by Cloudflare" : ""}`);
    lines.push(`  ${mark(http.range === "supported")} range requests: ${http.rangeDetail}`);
  }
  if (report.audio !== null) {
    lines.push(report.audio.target === "ssml" ? "AUDIO (SSML <audio> rules)" : "AUDIO (AudioPlayer rules)");
    lines.push(...renderAudioCheck("body", report.audio).map((line) => `  ${line}`));
  }
  const { verdict } = report;
  lines.push("VERDICT", verdict.playable ? `  ✓ ${verdict.summary}` : "  ✗ Alexa will likely fail:");
  for (const problem of verdict.problems) lines.push(`    - ${problem.message}`);
  for (const warning of verdict.warnings) lines.push(`  ! ${warning.message}`);
  if (verdict.advice.length > 0) lines.push("WHAT TO CHANGE", ...verdict.advice.map((a) => `  - ${a}`));
  return lines;
}

function renderHost(host: HostTlsReport): string[] {
  const lines = [`TLS ${host.host}:${host.port}`];
  lines.push(`  ${mark(host.conservative.ok)} RSA handshake (TLS 1.2, RSA cipher suites only, as Alexa's audio player may use): ${handshake(host.conservative)}`);
  lines.push(`  ${mark(host.modern.ok)} modern handshake (as browsers use): ${handshake(host.modern)}`);
  const seen = observedHandshake(host);
  const cert = seen?.certificate;
  if (seen && cert) {
    lines.push(`  certificate: CN=${cert.subject}, issuer CN=${cert.issuer}, ${describeKey(cert)}, valid ${cert.notBefore ?? "?"} to ${cert.notAfter ?? "?"}`);
    lines.push(`  SAN: ${cert.subjectAltNames.join(", ") || "(none)"}`);
    lines.push(`  ${mark(seen.authorized)} trusted${seen.authorized ? "" : `: ${seen.authorizationError ?? "no"}`}`);
    lines.push(`  ${mark(seen.hostnameError === null)} host name ${seen.hostnameError === null ? "matches" : `does not match: ${seen.hostnameError}`}`);
  }
  return lines;
}

function handshake(result: TlsProbeResult): string {
  if (!result.ok) return `${result.failure} (${result.message})`;
  return `${result.protocol} ${result.cipher}${result.certificate ? `, ${describeKey(result.certificate)} certificate` : ""}`;
}

export function doctorReportJson(report: DoctorReport): Record<string, unknown> {
  const { body: _body, ...http } = report.http;
  return { ...report, http };
}
