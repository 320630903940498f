/**
 * The verifier's options, checked once when a verifier is built: a bad value is
 * a `RangeError`/`TypeError` there (a programming error), never a per-request
 * surprise. `resolveOptions` fills every default, so the request path reads
 * plain settings.
 */
import { DEFAULT_TRUST_ANCHORS } from "./anchors.js";
import { createMemoryCertCache, type CertCache } from "./cert-cache.js";
import { DEFAULT_DOWNLOAD_LIMITS, globalFetch, type DownloadLimits, type FetchLike } from "./download-chain.js";
import { DEFAULT_DOWNLOAD_GUARD, type DownloadGuardLimits } from "./download-guard.js";
import type { ReplayGuard } from "./replay-guard.js";
import { MAX_TOLERANCE_SECONDS } from "./timestamp.js";

/** Settings of `createAlexaVerifier` (and of the one-call `verifyAlexaRequest`); every one has a default. */
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
  /** The WebCrypto to verify with; default the global `crypto`. */
  readonly crypto?: Crypto | undefined;
  /** Where validated chains are kept; default a memory cache of this verifier. */
  readonly certCache?: CertCache | undefined;
  /** Longest wait for a cert cache read before it counts as a miss; default 300 ms. */
  readonly cacheTimeoutMs?: number | undefined;
  /** Told about every cert cache failure that was absorbed (KV down, slow, a bad entry). */
  readonly onCacheError?: ((error: unknown) => void) | undefined;
  /** Chain download limits; default 3000 ms and 64 KiB. */
  readonly downloadTimeoutMs?: number | undefined;
  readonly maxChainBytes?: number | undefined;
  /** Negative cache and the cap on downloads of never-seen chain URLs (see download-guard.ts). */
  readonly downloadGuard?: Partial<DownloadGuardLimits> | undefined;
  /** Refuse requests without `Signature-256` (no SHA-1 fallback). Default false: the seeds describe SHA-1. */
  readonly signature256Only?: boolean | undefined;
  /** Refuse a request id seen again within its window; off unless given. */
  readonly replayGuard?: ReplayGuard | undefined;
  /** Longest wait for the replay guard; a timeout refuses the request. Default 1000 ms. */
  readonly replayTimeoutMs?: number | undefined;
}

export interface ResolvedOptions {
  readonly skillIds: readonly string[] | undefined;
  readonly now: () => number;
  readonly toleranceSeconds: number;
  readonly trustAnchors: readonly string[];
  readonly fetch: FetchLike;
  readonly crypto: Crypto;
  readonly certCache: CertCache;
  readonly cacheTimeoutMs: number;
  readonly onCacheError: (error: unknown) => void;
  readonly limits: DownloadLimits;
  readonly downloadGuard: DownloadGuardLimits;
  readonly signature256Only: boolean;
  readonly replayGuard: ReplayGuard | undefined;
  readonly replayTimeoutMs: number;
}

export function resolveOptions(options: VerifyOptions): ResolvedOptions {
  const toleranceSeconds = options.toleranceSeconds ?? MAX_TOLERANCE_SECONDS;
  if (!(toleranceSeconds >= 0 && toleranceSeconds <= MAX_TOLERANCE_SECONDS)) {
    throw new RangeError(`toleranceSeconds must be between 0 and ${MAX_TOLERANCE_SECONDS}, got ${toleranceSeconds}`);
  }
  if (options.skillIds !== undefined && !(Array.isArray(options.skillIds) && options.skillIds.every((id) => typeof id === "string"))) {
    throw new TypeError("skillIds must be an array of strings");
  }
  const webCrypto = options.crypto ?? crypto;
  if (typeof webCrypto?.subtle?.verify !== "function") throw new TypeError("crypto must be a WebCrypto object with subtle");
  return {
    skillIds: options.skillIds === undefined ? undefined : [...options.skillIds],
    now: options.now ?? Date.now,
    toleranceSeconds,
    trustAnchors: options.trustAnchors ?? DEFAULT_TRUST_ANCHORS,
    fetch: options.fetch ?? globalFetch,
    crypto: webCrypto,
    certCache: options.certCache ?? createMemoryCertCache(),
    cacheTimeoutMs: positive("cacheTimeoutMs", options.cacheTimeoutMs ?? 300),
    onCacheError: options.onCacheError ?? (() => {}),
    limits: {
      timeoutMs: positive("downloadTimeoutMs", options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_LIMITS.timeoutMs),
      maxBytes: positive("maxChainBytes", options.maxChainBytes ?? DEFAULT_DOWNLOAD_LIMITS.maxBytes),
    },
    downloadGuard: {
      failureTtlMs: nonNegative("downloadGuard.failureTtlMs", options.downloadGuard?.failureTtlMs ?? DEFAULT_DOWNLOAD_GUARD.failureTtlMs),
      maxUnseenDownloads: nonNegative("downloadGuard.maxUnseenDownloads", options.downloadGuard?.maxUnseenDownloads ?? DEFAULT_DOWNLOAD_GUARD.maxUnseenDownloads),
      unseenWindowMs: positive("downloadGuard.unseenWindowMs", options.downloadGuard?.unseenWindowMs ?? DEFAULT_DOWNLOAD_GUARD.unseenWindowMs),
    },
    signature256Only: options.signature256Only === true,
    replayGuard: options.replayGuard,
    replayTimeoutMs: positive("replayTimeoutMs", options.replayTimeoutMs ?? 1000),
  };
}

function positive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  return value;
}
