/**
 * `verifyAlexaRequest`: the whole of Amazon's check, in order. Read the body
 * once as bytes; require the headers; validate the chain URL; get a trusted
 * signing key for it (cache or download + validate, at the request's clock);
 * check the signature over exactly those bytes; only then decode and parse the
 * JSON; check the timestamp and the skill id. One `now()` reading serves every
 * time check of the request. Failures throw `AlexaVerificationError`; invalid
 * options throw `RangeError`/`TypeError` (programming errors).
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { DEFAULT_TRUST_ANCHORS } from "./anchors.js";
import { isolateMemoryCertCache, type CertCache } from "./cert-cache.js";
import { normaliseCertChainUrl } from "./cert-url.js";
import { createPkijsEngine } from "./crypto-engine.js";
import { DEFAULT_DOWNLOAD_LIMITS, globalFetch, type DownloadLimits, type FetchLike } from "./download-chain.js";
import { parseEnvelope } from "./envelope.js";
import { fail } from "./errors.js";
import { importSigningKey, memoisedSigningKey, readSignatureHeader, requireValidSignature, type SignatureAlgorithm } from "./signature.js";
import { requireAllowedSkillId } from "./skill-id.js";
import { MAX_TOLERANCE_SECONDS, requireFreshTimestamp } from "./timestamp.js";
import { loadedTrustAnchors, loadTrustAnchors } from "./trust-anchors.js";
import { getValidatedSigningKey } from "./validated-chain.js";

export interface VerifyOptions {
  /** Accepted `applicationId`s; absent means no skill-id check, empty accepts nothing. */
  readonly skillIds?: readonly string[] | undefined;
  /** The request clock in ms since the epoch; default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** Allowed clock difference in seconds, 0..150 (default 150); above 150 is a RangeError. */
  readonly toleranceSeconds?: number | undefined;
  /** PEM trust anchors; default the bundled Amazon and Starfield roots. */
  readonly trustAnchors?: readonly string[] | undefined;
  /** Used to download the chain; default the global `fetch`. */
  readonly fetch?: FetchLike | undefined;
  /** Where validated chains are kept; default this isolate's memory. */
  readonly certCache?: CertCache | undefined;
  /** Chain download limits; default 3000 ms and 64 KiB. */
  readonly downloadTimeoutMs?: number | undefined;
  readonly maxChainBytes?: number | undefined;
}

export interface VerifiedRequest {
  readonly envelope: RequestEnvelope;
  /** The body exactly as signed, decoded as UTF-8. */
  readonly rawBody: string;
  readonly rawBodyBytes: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  /** The normalised `SignatureCertChainUrl` the key came from. */
  readonly certChainUrl: string;
}

export async function verifyAlexaRequest(request: Request, options: VerifyOptions = {}): Promise<VerifiedRequest> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.arrayBuffer());
  } catch (error) {
    return fail("body-unreadable", String(error));
  }
  return verifyAlexaPayload(request.headers, bytes, options);
}

/** The same check over headers and body bytes already read (e.g. with a size cap). */
export async function verifyAlexaPayload(headers: Headers, rawBodyBytes: Uint8Array, options: VerifyOptions = {}): Promise<VerifiedRequest> {
  const toleranceSeconds = checkedTolerance(options.toleranceSeconds);
  const nowMs = (options.now ?? Date.now)();
  if (!Number.isFinite(nowMs)) throw new TypeError(`now() returned ${nowMs}`);

  const rawUrl = headers.get("SignatureCertChainUrl");
  if (rawUrl === null || rawUrl === "") fail("missing-cert-url", "SignatureCertChainUrl header is absent");
  const signature = readSignatureHeader(headers);
  const certChainUrl = normaliseCertChainUrl(rawUrl);

  const anchorPems = options.trustAnchors ?? DEFAULT_TRUST_ANCHORS;
  const signingKey = await getValidatedSigningKey(certChainUrl, nowMs, {
    fetch: options.fetch ?? globalFetch,
    cache: options.certCache ?? isolateMemoryCertCache(),
    anchors: loadedTrustAnchors(anchorPems) ?? (await loadTrustAnchors(anchorPems)),
    engine: createPkijsEngine(),
    limits: downloadLimits(options),
  });
  const key = memoisedSigningKey(signingKey.spki, signature.algorithm) ?? (await importSigningKey(signingKey.spki, signature.algorithm));
  await requireValidSignature(key, signature, rawBodyBytes);

  const rawBody = decodeUtf8(rawBodyBytes);
  const envelope = parseEnvelope(rawBody);
  requireFreshTimestamp(envelope, nowMs, toleranceSeconds);
  requireAllowedSkillId(envelope, options.skillIds);
  return { envelope, rawBody, rawBodyBytes, algorithm: signature.algorithm, certChainUrl };
}

function checkedTolerance(toleranceSeconds: number | undefined): number {
  const tolerance = toleranceSeconds ?? MAX_TOLERANCE_SECONDS;
  if (!(tolerance >= 0 && tolerance <= MAX_TOLERANCE_SECONDS)) {
    throw new RangeError(`toleranceSeconds must be between 0 and ${MAX_TOLERANCE_SECONDS}, got ${tolerance}`);
  }
  return tolerance;
}

function downloadLimits(options: VerifyOptions): DownloadLimits {
  if (options.downloadTimeoutMs === undefined && options.maxChainBytes === undefined) return DEFAULT_DOWNLOAD_LIMITS;
  return {
    timeoutMs: options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_LIMITS.timeoutMs,
    maxBytes: options.maxChainBytes ?? DEFAULT_DOWNLOAD_LIMITS.maxBytes,
  };
}

/** Stateless between calls (no streaming), so one decoder serves every request. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return fail("body-not-json", "body is not UTF-8");
  }
}
