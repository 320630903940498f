/**
 * From a normalised chain URL to a signing key we trust: the configured
 * `CertCache` first (by default this isolate's memory; the Worker puts KV
 * behind it), then the network. A miss downloads, parses and validates the
 * chain (leaf dates, SAN, path to an anchor) and stores only what validated.
 * Concurrent misses for one URL and anchor set share a single download and
 * validation. Every result, cached or fresh, is re-checked against this
 * request's clock; an entry older than a day is refetched, in case Amazon
 * replaced the file behind the URL. The cache key (a SHA-256, because KV keys
 * are short) is memoised per anchor set and URL, so a warm hit costs no digest.
 */
import type * as pkijs from "pkijs";
import { encodeBase64 } from "../shared/base64.js";
import { BoundedMemo } from "./bounded-memo.js";
import type { CertCache, ValidatedSigningKey } from "./cert-cache.js";
import { validateChainPath } from "./chain-path.js";
import { downloadChain, type DownloadLimits, type FetchLike } from "./download-chain.js";
import { requireEchoApiSan } from "./leaf-checks.js";
import { ServedChain } from "./served-chain.js";
import { toHex, type TrustAnchorSet } from "./trust-anchors.js";
import { requireValidAt, validityOf } from "./validity.js";

const MAX_ENTRY_AGE_MS = 24 * 60 * 60 * 1000;

export interface ChainSource {
  readonly fetch: FetchLike;
  readonly cache: CertCache;
  readonly anchors: TrustAnchorSet;
  readonly engine: pkijs.ICryptoEngine;
  readonly limits: DownloadLimits;
}

const inFlight = new Map<string, Promise<ValidatedSigningKey>>();

const MEMOISED_ANCHOR_SETS = 8;
const MEMOISED_CACHE_KEYS = 64;
/** anchorsId -> certUrl -> cache key; both levels bounded. */
const cacheKeys = new BoundedMemo<string, BoundedMemo<string, string>>(MEMOISED_ANCHOR_SETS);

export async function getValidatedSigningKey(certUrl: string, nowMs: number, source: ChainSource): Promise<ValidatedSigningKey> {
  const key = cacheKeys.get(source.anchors.id)?.get(certUrl) ?? (await cacheKeyFor(certUrl, source.anchors.id));
  const cached = await source.cache.get(key, nowMs);
  const usable = cached !== undefined && matches(cached, certUrl, source.anchors.id) && isFresh(cached, nowMs);
  const entry = usable ? cached : await sharedValidation(key, () => downloadAndValidate(certUrl, nowMs, source, key));
  requireValidAt(entry, nowMs, `signing chain ${certUrl}`);
  return entry;
}

/** KV keys are limited to 512 bytes, so the key is a hash of URL and anchor set. */
export async function cacheKeyFor(certUrl: string, anchorsId: string): Promise<string> {
  const memo = cacheKeys.get(anchorsId) ?? cacheKeys.set(anchorsId, new BoundedMemo(MEMOISED_CACHE_KEYS));
  const memoised = memo.get(certUrl);
  if (memoised !== undefined) return memoised;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${anchorsId}\n${certUrl}`));
  return memo.set(certUrl, `alexa-chain:v1:${toHex(digest)}`);
}

function sharedValidation(key: string, validate: () => Promise<ValidatedSigningKey>): Promise<ValidatedSigningKey> {
  let flight = inFlight.get(key);
  if (flight === undefined) {
    flight = validate().finally(() => inFlight.delete(key));
    inFlight.set(key, flight);
  }
  return flight;
}

async function downloadAndValidate(certUrl: string, nowMs: number, source: ChainSource, key: string): Promise<ValidatedSigningKey> {
  const pem = await downloadChain(certUrl, source.fetch, source.limits);
  const served = ServedChain.fromPem(pem);
  const leaf = served.certificate(0);
  requireValidAt(validityOf(leaf), nowMs, "signing certificate");
  requireEchoApiSan(leaf);
  const { window } = await validateChainPath(served.certificates(), source.anchors.certificates, nowMs, source.engine);
  const entry: ValidatedSigningKey = {
    certUrl,
    anchorsId: source.anchors.id,
    spki: encodeBase64(served.subjectPublicKeyInfo(0)),
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    validatedAt: nowMs,
  };
  await source.cache.put(key, entry, nowMs);
  return entry;
}

function matches(entry: ValidatedSigningKey, certUrl: string, anchorsId: string): boolean {
  return entry.certUrl === certUrl && entry.anchorsId === anchorsId;
}

function isFresh(entry: ValidatedSigningKey, nowMs: number): boolean {
  return Math.abs(nowMs - entry.validatedAt) <= MAX_ENTRY_AGE_MS;
}
