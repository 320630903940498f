/**
 * `skillflare doctor` on the skill endpoint itself (the URL entered in the developer console):
 * Amazon requires HTTPS on port 443 with a trusted certificate whose SANs name the host
 * (seed "Host a Custom Skill as a Web Service"). Then what a skillflare endpoint should do:
 * answer GET with 405 (Alexa only POSTs, so 405 is right) and refuse a POST without Alexa's
 * signature with 400 (a skill that answers unsigned requests fails certification). The TLS
 * part reuses the audio doctor's probes and certificate checks.
 */
import { httpsGet, type HttpsResult } from "../https-fetch.js";
import { certificateIssues } from "./certificate.js";
import { probeTls } from "./tls-probe.js";
import { type HostTlsReport, observedHandshake } from "./verdict.js";

export interface EndpointCheck {
  readonly ok: boolean;
  readonly text: string;
}

export interface EndpointReport {
  readonly url: string;
  readonly tls: HostTlsReport;
  readonly checks: readonly EndpointCheck[];
  readonly ready: boolean;
}

export interface EndpointOptions {
  readonly extraCaPems?: readonly string[];
  readonly timeoutMs?: number;
  readonly now?: Date;
  /** The port Alexa calls (443); loopback tests pass their server's. */
  readonly alexaPort?: number;
}

function statusOf(result: HttpsResult): number | string {
  return result.ok ? result.response.status : result.message;
}

function getCheck(result: HttpsResult): EndpointCheck {
  const status = statusOf(result);
  if (status === 405) return { ok: true, text: "GET answers 405 Method Not Allowed: right, Alexa only sends POST requests" };
  if (typeof status === "string") return { ok: false, text: `GET failed: ${status}` };
  if (status >= 500) return { ok: false, text: `GET answers HTTP ${status}: the Worker fails; see \`npx wrangler tail\`` };
  return { ok: true, text: `GET answers HTTP ${status} (a skillflare endpoint answers 405; fine if something else serves GET here)` };
}

function postCheck(result: HttpsResult): EndpointCheck {
  const status = statusOf(result);
  if (status === 400) return { ok: true, text: "a POST without Alexa's signature is refused with 400: the endpoint checks that requests come from Alexa" };
  if (typeof status === "string") return { ok: false, text: `POST failed: ${status}` };
  if (status >= 200 && status < 300) {
    return { ok: false, text: `a POST without Alexa's signature got HTTP ${status}: the endpoint must refuse requests Alexa did not sign (Amazon's certification tests this)` };
  }
  if (status === 404 || status === 405) return { ok: false, text: `POST answers HTTP ${status}: this is not the skill's path (createAlexaWorker's \`path\`, "/" by default)` };
  if (status >= 500) return { ok: false, text: `POST answers HTTP ${status}: the Worker fails; see \`npx wrangler tail\`` };
  return { ok: false, text: `a POST without Alexa's signature got HTTP ${status}; Alexa expects 400 for requests that fail verification` };
}

export async function diagnoseEndpoint(url: URL, options: EndpointOptions = {}): Promise<EndpointReport> {
  const extraCaPems = options.extraCaPems ?? [];
  const timeoutMs = options.timeoutMs ?? 10_000;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port === "" ? 443 : Number(url.port);
  const probe = { host, port, extraCaPems, timeoutMs };
  const [conservative, modern] = await Promise.all([probeTls("conservative", probe), probeTls("modern", probe)]);
  const tls: HostTlsReport = { host, port, conservative, modern };
  const checks: EndpointCheck[] = [];
  const alexaPort = options.alexaPort ?? 443;
  if (port !== alexaPort) checks.push({ ok: false, text: `the endpoint is on port ${port}; Alexa calls skills on port ${alexaPort} only` });
  const seen = observedHandshake(tls);
  if (seen === null) {
    checks.push({ ok: false, text: `cannot complete a TLS handshake with ${host}:${port}: ${modern.ok ? "" : modern.message}` });
  } else if (seen.certificate) {
    const issues = certificateIssues(seen.certificate, seen, options.now ?? new Date());
    if (issues.every((issue) => issue.code === "certificate-expires-soon")) checks.push({ ok: true, text: `the certificate is trusted and names ${host}` });
    for (const issue of issues) checks.push({ ok: issue.code === "certificate-expires-soon", text: issue.message });
  }
  const common = { extraCaPems, verifyTls: false, timeoutMs, maxBytes: 64 * 1024 };
  const [get, post] = await Promise.all([
    httpsGet(url, common),
    httpsGet(url, { ...common, method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
  ]);
  checks.push(getCheck(get), postCheck(post));
  return { url: url.href, tls, checks, ready: checks.every((check) => check.ok) };
}

/** GET answering 405 is how a skill endpoint looks; used to pick the check when no flag says. */
export async function looksLikeSkillEndpoint(url: URL, options: EndpointOptions = {}): Promise<boolean> {
  const result = await httpsGet(url, { extraCaPems: options.extraCaPems ?? [], verifyTls: false, timeoutMs: options.timeoutMs ?? 10_000, maxBytes: 4096 });
  return result.ok && result.response.status === 405;
}

export function renderEndpointReport(report: EndpointReport): string[] {
  const lines = [`skillflare doctor ${report.url} (skill endpoint)`];
  for (const check of report.checks) lines.push(`  ${check.ok ? "✓" : "✗"} ${check.text}`);
  lines.push(
    report.ready
      ? "VERDICT\n  ✓ Alexa should be able to call this endpoint. Enter it in the developer console (Build > Endpoint > HTTPS, certificate from a trusted authority)."
      : "VERDICT\n  ✗ Alexa will not be able to use this endpoint until the ✗ items above are fixed.",
  );
  return lines;
}
