/**
 * For profiling only: the warm path of src/verify/verify-request.ts replayed
 * step for step from the verifier's own internal functions (called read-only),
 * where any of four steps can be replaced by its precomputed result. The
 * difference between the full replica and one with a step skipped is what
 * that step costs inside the call (ablation); `stepOps` times each step alone.
 * No `node:` imports: the same code runs in Node and in the workerd bench Worker.
 * It uses the verifier's own per-instance parts (SigningKeySource, SigningKeyMemo,
 * as create-verifier.ts builds them); if create-verifier.ts changes its steps,
 * this replica must follow.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { decodeBase64Strict } from "../src/shared/base64.js";
import type { CertCache } from "../src/verify/cert-cache.js";
import { normaliseCertChainUrl } from "../src/verify/cert-url.js";
import { buildPkijsEngine } from "../src/verify/crypto-engine.js";
import { DEFAULT_DOWNLOAD_LIMITS, type FetchLike } from "../src/verify/download-chain.js";
import { DownloadGuard } from "../src/verify/download-guard.js";
import { parseEnvelope } from "../src/verify/envelope.js";
import { readSignatureHeader, requireValidSignature, SigningKeyMemo } from "../src/verify/signature.js";
import { requireAllowedSkillId } from "../src/verify/skill-id.js";
import { parseAlexaTimestamp, requireFreshTimestamp } from "../src/verify/timestamp.js";
import { loadedTrustAnchors, loadTrustAnchors, type TrustAnchorSet } from "../src/verify/trust-anchors.js";
import { cacheKeyFor, SigningKeySource } from "../src/verify/validated-chain.js";
import { requireValidAt } from "../src/verify/validity.js";

export type SkippableStep = "url" | "anchors" | "cacheKey" | "json";

export interface ReplicaInputs {
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  readonly anchorsPem: readonly string[];
  readonly skillIds: readonly string[];
  /** Must already hold the validated chain (run the real verifier once with it). */
  readonly cache: CertCache;
  readonly fetch: FetchLike;
  readonly url: string;
  readonly anchors: TrustAnchorSet;
  readonly cacheKey: string;
  readonly spki: string;
  readonly envelope: RequestEnvelope;
  readonly source: SigningKeySource;
  readonly keys: SigningKeyMemo;
}

export async function prepareReplica(
  base: Pick<ReplicaInputs, "headers" | "bytes" | "anchorsPem" | "skillIds" | "cache" | "fetch">,
): Promise<ReplicaInputs> {
  const url = normaliseCertChainUrl(base.headers.get("SignatureCertChainUrl") ?? "");
  const anchors = await loadTrustAnchors(base.anchorsPem);
  const cacheKey = await cacheKeyFor(url, anchors.id);
  const entry = await base.cache.get(cacheKey, Date.now());
  if (entry === undefined) throw new Error("prepareReplica: the cache does not hold the validated chain");
  const envelope = parseEnvelope(decode(base.bytes));
  const source = new SigningKeySource({
    fetch: base.fetch,
    cache: base.cache,
    cacheTimeoutMs: 300,
    anchors,
    engine: buildPkijsEngine(),
    subtle: crypto.subtle,
    limits: DEFAULT_DOWNLOAD_LIMITS,
    guard: new DownloadGuard(),
    onCacheError: () => {},
  });
  await source.get(url, Date.now());
  const keys = new SigningKeyMemo();
  await keys.import(entry.spki, readSignatureHeader(base.headers).algorithm);
  return { ...base, url, anchors, cacheKey, spki: entry.spki, envelope, source, keys };
}

export async function warmReplica(inputs: ReplicaInputs, skip: ReadonlySet<SkippableStep>): Promise<void> {
  const nowMs = Date.now();
  const signature = readSignatureHeader(inputs.headers);
  const url = skip.has("url") ? inputs.url : normaliseCertChainUrl(inputs.headers.get("SignatureCertChainUrl") ?? "");
  if (!skip.has("anchors")) loadedTrustAnchors(inputs.anchorsPem) ?? (await loadTrustAnchors(inputs.anchorsPem));
  let spki: string;
  if (skip.has("cacheKey")) {
    const entry = await inputs.cache.get(inputs.cacheKey, nowMs);
    if (entry === undefined) throw new Error("replica: cache miss");
    requireValidAt(entry, nowMs, "chain");
    spki = entry.spki;
  } else {
    spki = (await inputs.source.get(url, nowMs)).spki;
  }
  const key = inputs.keys.get(spki, signature.algorithm) ?? (await inputs.keys.import(spki, signature.algorithm));
  await requireValidSignature(key, signature, inputs.bytes);
  const envelope = skip.has("json") ? inputs.envelope : parseEnvelope(decode(inputs.bytes));
  requireFreshTimestamp(envelope, nowMs, 150);
  requireAllowedSkillId(envelope, inputs.skillIds);
}

/** Each step of the warm path alone, with the inputs it gets in the real call. */
export function stepOps(inputs: ReplicaInputs): Record<string, () => Promise<unknown>> {
  const signatureText = inputs.headers.get("Signature-256") ?? "";
  const timestampText = String((inputs.envelope.request as { timestamp?: unknown }).timestamp);
  const keyText = new TextEncoder().encode(`${inputs.anchors.id}\n${inputs.url}`);
  return {
    "readSignatureHeader": async () => readSignatureHeader(inputs.headers),
    "headers.get (one header)": async () => inputs.headers.get("Signature-256"),
    "decodeBase64Strict (signature)": async () => decodeBase64Strict(signatureText),
    "parseAlexaTimestamp": async () => parseAlexaTimestamp(timestampText),
    "requireAllowedSkillId": async () => requireAllowedSkillId(inputs.envelope, inputs.skillIds),
    "source.get (hit)": () => inputs.source.get(inputs.url, Date.now()),
    "normaliseCertChainUrl": async () => normaliseCertChainUrl(inputs.headers.get("SignatureCertChainUrl") ?? ""),
    "loadTrustAnchors": async () => loadedTrustAnchors(inputs.anchorsPem) ?? loadTrustAnchors(inputs.anchorsPem),
    "cacheKeyFor (memo hit)": () => cacheKeyFor(inputs.url, inputs.anchors.id),
    "subtle.digest (a key miss)": () => crypto.subtle.digest("SHA-256", keyText),
    "memory cache get": () => inputs.cache.get(inputs.cacheKey, Date.now()),
    "SigningKeyMemo (hit)": async () => inputs.keys.get(inputs.spki, "SHA-256") ?? inputs.keys.import(inputs.spki, "SHA-256"),
    "decode + parseEnvelope": async () => parseEnvelope(decode(inputs.bytes)),
    "timestamp + skill id": async () => {
      requireFreshTimestamp(inputs.envelope, Date.now(), 150);
      requireAllowedSkillId(inputs.envelope, inputs.skillIds);
    },
    "empty async op": async () => undefined,
  };
}

export const ABLATIONS: Readonly<Record<string, readonly SkippableStep[]>> = {
  "replica: all steps": [],
  "replica minus normaliseCertChainUrl": ["url"],
  "replica minus loadTrustAnchors": ["anchors"],
  "replica minus cacheKeyFor": ["cacheKey"],
  "replica minus JSON parse": ["json"],
  "replica minus url+anchors+key": ["url", "anchors", "cacheKey"],
  "replica minus all four": ["url", "anchors", "cacheKey", "json"],
};

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decode(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/**
 * The warm path built up from the floor, one step more per rung (each rung
 * does everything the one before it does): the difference between two rungs
 * is what the added step costs. `signature` is the decoded `Signature-256`
 * and `key` its imported key, as the floor row holds them.
 */
export function ladderOps(inputs: ReplicaInputs, key: CryptoKey, signature: Uint8Array<ArrayBuffer>): Record<string, () => Promise<unknown>> {
  const floor = async (sig: Uint8Array<ArrayBuffer>, k: CryptoKey) => {
    if (!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", k, sig, inputs.bytes as Uint8Array<ArrayBuffer>))) throw new Error("ladder: bad signature");
    return parseEnvelope(decode(inputs.bytes));
  };
  const headers = () => [inputs.headers.get("SignatureCertChainUrl") ?? "", inputs.headers.get("Signature-256") ?? ""] as const;
  return {
    "0 floor": () => floor(signature, key),
    "1 + two headers.get": () => (headers(), floor(signature, key)),
    "2 + base64 signature": () => floor(readSignatureHeader(inputs.headers).bytes, key),
    "3 + url memo, chain, key memo": () => {
      const [url] = headers();
      const sig = readSignatureHeader(inputs.headers);
      const entry = inputs.source.heldFor(normaliseCertChainUrl(url), Date.now());
      return floor(sig.bytes, (entry && inputs.keys.get(entry.spki, sig.algorithm)) ?? key);
    },
    "4 + timestamp, skill id": async () => {
      const nowMs = Date.now();
      const [url] = headers();
      const sig = readSignatureHeader(inputs.headers);
      const entry = inputs.source.heldFor(normaliseCertChainUrl(url), nowMs);
      const envelope = await floor(sig.bytes, (entry && inputs.keys.get(entry.spki, sig.algorithm)) ?? key);
      requireFreshTimestamp(envelope, nowMs, 150);
      requireAllowedSkillId(envelope, inputs.skillIds);
    },
  };
}

