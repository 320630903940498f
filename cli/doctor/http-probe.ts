// The HTTP half of the doctor: follows redirects (https only, each recorded) with
// `Range: bytes=0-1` to learn whether the final URL answers 206 (AudioPlayer needs ranges to
// resume at an offset), then downloads the body (capped) so the audio rules can run on it.
// TLS trust is not enforced here: the TLS probe reports it, and this still shows the rest.

import { followRedirects, type HttpsResponse, httpsGet, type RedirectHop } from "../https-fetch.js";

export type RangeSupport = "supported" | "ignored" | "broken";

export interface HttpProbeResult {
  readonly hops: readonly RedirectHop[];
  /** Set when a request failed (network, timeout, http redirect, too many redirects). */
  readonly failure: string | null;
  readonly finalUrl: string | null;
  readonly status: number | null;
  readonly contentType: string | null;
  readonly range: RangeSupport | null;
  readonly rangeDetail: string | null;
  readonly servedByCloudflare: boolean;
  readonly body: Uint8Array | null;
  readonly truncated: boolean;
}

export interface HttpProbeOptions {
  readonly extraCaPems?: readonly string[];
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export async function probeHttp(url: URL, options: HttpProbeOptions = {}): Promise<HttpProbeResult> {
  const common = { extraCaPems: options.extraCaPems ?? [], verifyTls: false, timeoutMs: options.timeoutMs ?? 10_000 };
  const empty = { finalUrl: null, status: null, contentType: null, range: null, rangeDetail: null, servedByCloudflare: false, body: null, truncated: false };
  const ranged = await followRedirects(url, { ...common, headers: { range: "bytes=0-1" }, maxBytes: 64 * 1024 });
  if (!ranged.result.ok) return { hops: ranged.hops, failure: ranged.result.message, ...empty };
  const rangeResponse = ranged.result.response;
  const full = await httpsGet(rangeResponse.url, { ...common, ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
  if (!full.ok) return { hops: ranged.hops, failure: full.message, ...empty, finalUrl: rangeResponse.url.href };
  const response = full.response;
  return {
    hops: ranged.hops,
    failure: null,
    finalUrl: response.url.href,
    status: response.status,
    contentType: response.headers["content-type"] ?? null,
    ...rangeSupport(rangeResponse),
    servedByCloudflare: isCloudflare(response) || isCloudflare(rangeResponse),
    body: response.body,
    truncated: response.truncated,
  };
}

function rangeSupport(response: HttpsResponse): { range: RangeSupport; rangeDetail: string } {
  const contentRange = response.headers["content-range"];
  if (response.status === 206 && contentRange !== undefined && /^bytes 0-1\//.test(contentRange) && response.body.length === 2) {
    return { range: "supported", rangeDetail: `206 Partial Content, Content-Range: ${contentRange}` };
  }
  if (response.status === 200) return { range: "ignored", rangeDetail: "the server answered Range: bytes=0-1 with 200 and the whole body" };
  return { range: "broken", rangeDetail: `Range: bytes=0-1 got HTTP ${response.status}${contentRange ? `, Content-Range: ${contentRange}` : ""}, ${response.body.length} bytes` };
}

function isCloudflare(response: HttpsResponse): boolean {
  return response.headers["cf-ray"] !== undefined || /cloudflare/i.test(response.headers["server"] ?? "");
}
