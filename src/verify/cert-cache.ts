/**
 * What survives a successful chain validation, and where it is kept. An entry
 * holds only validated facts: the normalised URL, the identity of the anchor
 * set it was validated under, the signing certificate's public key (SPKI, base64
 * DER) and the window in which every certificate on the path is valid. Hits
 * are re-checked against the request's clock by the caller. `CertCache` is the
 * small interface the verifier talks to; this file also provides the isolate
 * memory implementation (a bounded, least-recently-used map) and the shared
 * per-isolate instance used by default.
 */

export interface ValidatedSigningKey {
  readonly certUrl: string;
  readonly anchorsId: string;
  /** Base64 DER SubjectPublicKeyInfo of the signing certificate. */
  readonly spki: string;
  /** Intersection of the validity windows of leaf, intermediates and anchor (ms). */
  readonly notBefore: number;
  readonly notAfter: number;
  /** Request clock (ms) at which the chain was downloaded and validated. */
  readonly validatedAt: number;
}

export interface CertCache {
  get(key: string, nowMs: number): Promise<ValidatedSigningKey | undefined>;
  put(key: string, entry: ValidatedSigningKey, nowMs: number): Promise<void>;
}

export interface MemoryCertCacheOptions {
  readonly maxEntries?: number;
}

export function createMemoryCertCache(options: MemoryCertCacheOptions = {}): CertCache {
  const maxEntries = options.maxEntries ?? 32;
  const entries = new Map<string, ValidatedSigningKey>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry !== undefined) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    async put(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
}

let isolateCache: CertCache | undefined;

/** The one memory cache of this isolate, created on first use. */
export function isolateMemoryCertCache(): CertCache {
  isolateCache ??= createMemoryCertCache();
  return isolateCache;
}

/** Runtime shape check for entries read back from shared storage. */
export function isValidatedSigningKey(value: unknown): value is ValidatedSigningKey {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry["certUrl"] === "string" &&
    typeof entry["anchorsId"] === "string" &&
    typeof entry["spki"] === "string" &&
    Number.isFinite(entry["notBefore"]) &&
    Number.isFinite(entry["notAfter"]) &&
    Number.isFinite(entry["validatedAt"])
  );
}
