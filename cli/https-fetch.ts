// HTTPS requests (GET, or a POST for the doctor's endpoint check) for the CLI on node:https, because the global fetch cannot take extra trusted CAs
// (needed for --ca and the loopback tests) and hides TLS details. One hop per call with a
// timeout and a body cap; followRedirects walks at most a few hops, https only, recording each.
// Failures are typed results, never exceptions.

import https from "node:https";
import tls from "node:tls";

export interface HttpsGetOptions {
  /** PEM certificates trusted in addition to Node's bundled roots. */
  readonly extraCaPems?: readonly string[];
  /** Reject untrusted or mismatched certificates (default true). */
  readonly verifyTls?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Default GET; the doctor POSTs to a skill endpoint. */
  readonly method?: "GET" | "POST";
  /** Request body (with POST). */
  readonly body?: string;
}

export interface HttpsResponse {
  readonly url: URL;
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** True when the body was cut at maxBytes. */
  readonly truncated: boolean;
}

export type HttpsFailureCode = "not-https" | "timeout" | "tls" | "network" | "too-many-redirects";
export type HttpsResult =
  | { readonly ok: true; readonly response: HttpsResponse }
  | { readonly ok: false; readonly code: HttpsFailureCode; readonly message: string };

export interface RedirectHop {
  readonly url: string;
  readonly status: number;
  readonly location: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Body cap when `maxBytes` is not given. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function trustStore(extraCaPems: readonly string[] = []): string[] {
  return [...tls.rootCertificates, ...extraCaPems];
}

export function httpsGet(url: URL, options: HttpsGetOptions = {}): Promise<HttpsResult> {
  if (url.protocol !== "https:") {
    return Promise.resolve({ ok: false, code: "not-https", message: `${url.href} is not an https URL; Alexa only fetches audio over HTTPS` });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const request = https.request(url, {
      method: options.method ?? "GET",
      agent: false,
      ca: trustStore(options.extraCaPems),
      rejectUnauthorized: options.verifyTls ?? true,
      headers: { "user-agent": "skillflare-cli", ...options.headers },
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    request.on("timeout", () => request.destroy(new TimeoutError()));
    request.end(options.body);
    request.on("error", (error) => resolve(failure(error)));
    request.on("response", (response) => {
      const done = (truncated: boolean) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        const body = new Uint8Array(Buffer.concat(chunks)).subarray(0, maxBytes);
        resolve({ ok: true, response: { url, status: response.statusCode ?? 0, headers, body, truncated } });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received > maxBytes) {
          done(true);
          request.destroy();
        }
      });
      response.on("end", () => done(false));
      response.on("error", (error) => resolve(failure(error)));
    });
  });
}

/** GET, following up to maxHops redirects (https only); every redirect is recorded. */
export async function followRedirects(
  start: URL,
  options: HttpsGetOptions = {},
  maxHops = 5,
): Promise<{ readonly hops: readonly RedirectHop[]; readonly result: HttpsResult }> {
  const hops: RedirectHop[] = [];
  let url = start;
  for (;;) {
    const result = await httpsGet(url, options);
    if (!result.ok) return { hops, result };
    const { status, headers } = result.response;
    const location = headers["location"];
    if (status < 300 || status > 399 || location === undefined) return { hops, result };
    hops.push({ url: url.href, status, location });
    if (hops.length > maxHops) {
      return { hops, result: { ok: false, code: "too-many-redirects", message: `more than ${maxHops} redirects` } };
    }
    const next = URL.canParse(location, url.href) ? new URL(location, url) : null;
    if (next === null) return { hops, result: { ok: false, code: "network", message: `invalid Location header: ${location}` } };
    url = next;
  }
}

class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

function failure(error: Error): HttpsResult {
  if (error instanceof TimeoutError) return { ok: false, code: "timeout", message: "timed out" };
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const tlsFailure = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|HOSTNAME|ALTNAME/i.test(code) || /ssl|tls|certificate/i.test(error.message);
  return { ok: false, code: tlsFailure ? "tls" : "network", message: code ? `${code}: ${error.message}` : error.message };
}
