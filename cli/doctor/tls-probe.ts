// Two TLS handshakes against one host. "conservative" behaves like a cautious client such as
// Alexa's audio fetcher appears to be (seed thread): TLS 1.2 only, RSA-authenticated suites
// only; "modern" is Node's default, to learn what the server really offers (e.g. ECDSA only).
// Certificates are never rejected here; trust and host name are reported as facts instead.

import { isIP } from "node:net";
import tls from "node:tls";
import { trustStore } from "../https-fetch.js";
import { type CertificateSummary, summarizeCertificate } from "./certificate.js";

export type TlsProfile = "conservative" | "modern";

/** RSA-authenticated TLS 1.2 suites a conservative client offers (OpenSSL names). */
export const CONSERVATIVE_CIPHERS = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:AES128-GCM-SHA256:AES256-SHA";

export type TlsFailure = "handshake-failure" | "protocol-version" | "timeout" | "connection-failed" | "tls-error";

export type TlsProbeResult =
  | {
      readonly ok: true;
      readonly profile: TlsProfile;
      readonly protocol: string;
      readonly cipher: string;
      readonly authorized: boolean;
      readonly authorizationError: string | null;
      readonly hostnameError: string | null;
      readonly certificate: CertificateSummary | null;
    }
  | { readonly ok: false; readonly profile: TlsProfile; readonly failure: TlsFailure; readonly message: string };

export interface TlsProbeOptions {
  readonly host: string;
  readonly port: number;
  readonly extraCaPems?: readonly string[];
  readonly timeoutMs?: number;
}

export function probeTls(profile: TlsProfile, options: TlsProbeOptions): Promise<TlsProbeResult> {
  const conservative: tls.ConnectionOptions =
    profile === "conservative" ? { ciphers: CONSERVATIVE_CIPHERS, minVersion: "TLSv1.2", maxVersion: "TLSv1.2" } : {};
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: options.host,
      port: options.port,
      ...(isIP(options.host) === 0 ? { servername: options.host } : {}),
      ca: trustStore(options.extraCaPems),
      rejectUnauthorized: false,
      timeout: options.timeoutMs ?? 10_000,
      ...conservative,
    });
    socket.once("secureConnect", () => {
      const peer = socket.getPeerCertificate(false);
      const hasPeer = peer !== null && Object.keys(peer).length > 0;
      const hostnameError = hasPeer ? (tls.checkServerIdentity(options.host, peer)?.message ?? null) : "no certificate";
      const authorizationError = socket.authorizationError as unknown as Error | string | null | undefined;
      resolve({
        ok: true,
        profile,
        protocol: socket.getProtocol() ?? "unknown",
        cipher: socket.getCipher()?.name ?? "unknown",
        authorized: socket.authorized,
        authorizationError: authorizationError == null ? null : String(authorizationError),
        hostnameError,
        certificate: hasPeer ? summarizeCertificate(peer) : null,
      });
      socket.destroy();
    });
    socket.once("timeout", () => {
      resolve({ ok: false, profile, failure: "timeout", message: "the TLS handshake timed out" });
      socket.destroy();
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve({ ok: false, profile, failure: classify(error), message: shortMessage(error) }));
  });
}

function classify(error: NodeJS.ErrnoException): TlsFailure {
  const code = error.code ?? "";
  if (/HANDSHAKE_FAILURE|NO_SHARED_CIPHER|NO_CIPHERS|INSUFFICIENT_SECURITY/.test(code) || /handshake failure/i.test(error.message)) return "handshake-failure";
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|WRONG_VERSION/.test(code)) return "protocol-version";
  if (/^E(CONNREFUSED|CONNRESET|NOTFOUND|HOSTUNREACH|NETUNREACH|AI_AGAIN|PIPE)$/.test(code)) return "connection-failed";
  return "tls-error";
}

/** "CODE (reason)" without OpenSSL's file/line noise. */
function shortMessage(error: NodeJS.ErrnoException): string {
  const firstLine = error.message.split("\n")[0] ?? "";
  const reason = /:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+)/.exec(firstLine)?.[1] ?? firstLine;
  return error.code !== undefined ? `${error.code} (${reason.trim()})` : reason.trim();
}
