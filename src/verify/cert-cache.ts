/**
 * What survives a successful chain validation, and where it is kept. An entry
 * holds the normalised URL, the identity of the anchor set it was validated
 * under, the signing certificate's public key (SPKI, base64 DER), the window in
 * which every certificate on the path is valid, and the chain PEM itself. Hits
 * are re-checked against the request's clock by the caller. `CertCache` is the
 * small interface the verifier talks to. A cache that is not `trusted` (shared
 * storage such as KV, which anyone with write access to the namespace can
 * fill) is only a source of chain PEMs: the verifier re-validates an entry from
 * it once before using it (docs/verification.md, "Cert cache"). This file also
 * provides the memory implementation (a bounded, least-recently-used map,
 * trusted: only this isolate's code writes it) and one shared per-isolate
 * instance for `verifyAlexaRequest` calls that bring their own options.
 */

/** A validated chain as a cache keeps it (see the module comment). */
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
  /** The chain as served, so an entry read from shared storage can be re-validated offline. */
  readonly chainPem: string;
}

/** Where validated chains are kept between requests (and, for KV, between isolates). */
export interface CertCache {
  /** True when only this process writes the cache, so its entries need no re-validation. */
  readonly trusted?: boolean;
  get(key: string, nowMs: number): Promise<ValidatedSigningKey | undefined>;
  put(key: string, entry: ValidatedSigningKey, nowMs: number): Promise<void>;
}

/** Options of `createMemoryCertCache`. */
export interface MemoryCertCacheOptions {
  readonly maxEntries?: number;
}

/**
 * A bounded, least-recently-used cache in this isolate's memory (trusted).
 *
 * @example
 * ```ts
 * const verifier = createAlexaVerifier({ certCache: createMemoryCertCache({ maxEntries: 8 }) });
 * ```
 */
export function createMemoryCertCache(options: MemoryCertCacheOptions = {}): CertCache {
  const maxEntries = options.maxEntries ?? 32;
  const entries = new Map<string, ValidatedSigningKey>();
  return {
    trusted: true,
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

/**
 * The one shared memory cache of this isolate, created on first use. It is what
 * `verifyAlexaRequest` uses when its options name no `certCache`.
 *
 * @example
 * ```ts
 * await verifyAlexaRequest(request, { skillIds, certCache: isolateMemoryCertCache() });
 * ```
 */
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
    Number.isFinite(entry["validatedAt"]) &&
    typeof entry["chainPem"] === "string"
  );
}
