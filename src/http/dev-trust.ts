/**
 * Local-only trust for development. `wrangler dev` reads `.dev.vars` (never
 * committed), where `npm start` puts `SKILLFLARE_DEV_TRUST`: the dev signing
 * kit's anchors and the chain its requests point at. With it, dev-signed
 * requests go through the full verification path (URL rules, chain download,
 * path building, SAN, signature, timestamp), only with one more anchor and a
 * stand-in for S3. It is honoured only for requests addressed to a loopback
 * host (local-development.ts), so a production Worker that was given the
 * variable by mistake still trusts Amazon alone. When the runtime shows the
 * variable at startup (workerd's `process.env` under nodejs_compat), the dev
 * anchors are built then, as Amazon's are, so a local first request costs
 * what a production one does.
 */
import { DEFAULT_TRUST_ANCHORS } from "../verify/anchors.js";
import { prepareTrustAnchors } from "../verify/trust-anchors.js";
import type { FetchLike } from "../shared/fetch.js";
import type { VerifyOptions } from "../verify/verify-request.js";

export interface DevTrust {
  /** Extra PEM anchors (the dev CA's roots). */
  readonly anchors: readonly string[];
  /** Chain PEMs served for these exact (normalised) chain URLs instead of S3. */
  readonly chains: Readonly<Record<string, string>>;
}

/** Parses `SKILLFLARE_DEV_TRUST`; a malformed value is a configuration error. */
export function parseDevTrust(text: string): DevTrust {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TypeError("SKILLFLARE_DEV_TRUST is not JSON");
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const anchors = record["anchors"];
  const chains = record["chains"];
  if (!Array.isArray(anchors) || !anchors.every((a): a is string => typeof a === "string")) {
    throw new TypeError("SKILLFLARE_DEV_TRUST.anchors must be an array of PEM strings");
  }
  if (typeof chains !== "object" || chains === null || !Object.values(chains).every((c) => typeof c === "string")) {
    throw new TypeError("SKILLFLARE_DEV_TRUST.chains must map chain URLs to PEM strings");
  }
  return { anchors, chains: chains as Record<string, string> };
}

/** Verification settings that add the dev anchors and serve the dev chains. */
export function devTrustVerifyOptions(trust: DevTrust, fallbackFetch: FetchLike): VerifyOptions {
  const chainFetch: FetchLike = async (url, init) => {
    const pem = trust.chains[url];
    if (pem === undefined) return fallbackFetch(url, init);
    return new Response(pem, { headers: { "content-type": "application/x-pem-file" } });
  };
  return { trustAnchors: [...DEFAULT_TRUST_ANCHORS, ...trust.anchors], fetch: chainFetch };
}

/** Builds the dev anchors at startup when the variable is visible then; anything malformed is left to the first request to report. */
export function prepareDevTrustAtStartup(): void {
  const text = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.["SKILLFLARE_DEV_TRUST"];
  if (text === undefined || text === "") return;
  try {
    prepareTrustAnchors(parseDevTrust(text).anchors);
  } catch {
    // parseDevTrust's TypeError reaches the log on the first local request, as before
  }
}
