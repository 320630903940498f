/**
 * A `CertCache` backed by Workers KV, shared by every isolate of the Worker.
 * It is not `trusted`: whoever can write the namespace could plant an entry,
 * so the verifier re-validates each entry it reads from here (from the stored
 * chain PEM, offline, once per verifier) before using its key; see
 * docs/verification.md. KV is an optimisation only: a read that throws is
 * reported to `onError` and treated as a miss (the verifier also bounds how
 * long it waits for a read), and the verifier never awaits a write inside the
 * request. KV's limits come from src/shared/kv.ts, the same ones KV
 * persistence follows: `expirationTtl` is at least 60 s (entries expiring
 * sooner are not written) and at most the entry's `notAfter` or
 * `maxTtlSeconds`, and a key is written at most once per second per cache.
 * Entries read back are shape-checked, never trusted blindly.
 */
import { KV_LIMITS, KvWriteThrottle, type KvNamespaceLike } from "../shared/kv.js";
import { isValidatedSigningKey, type CertCache, type ValidatedSigningKey } from "./cert-cache.js";

/** @deprecated Use `KvNamespaceLike` (the one KV type of skillflare). */
export type KVNamespaceLike = KvNamespaceLike;

/** Options of `createKvCertCache`. */
export interface KvCertCacheOptions {
  /** Upper bound on an entry's KV lifetime; default one day. */
  readonly maxTtlSeconds?: number;
  /** Told about every KV failure that was absorbed; default: ignore. */
  readonly onError?: (error: unknown) => void;
}

/**
 * A cert cache in a KV namespace (for the Worker, the `CERT_CACHE` binding).
 *
 * @example
 * ```ts
 * const verifier = createAlexaVerifier({ certCache: createKvCertCache(env.CERT_CACHE) });
 * ```
 */
export function createKvCertCache(kv: KvNamespaceLike, options: KvCertCacheOptions = {}): CertCache {
  const maxTtlSeconds = options.maxTtlSeconds ?? 86_400;
  const onError = options.onError ?? (() => {});
  const throttle = new KvWriteThrottle();
  return {
    trusted: false,
    async get(key) {
      let stored: string | null;
      try {
        stored = await kv.get(key, "text");
      } catch (error) {
        onError(error);
        return undefined;
      }
      return stored === null ? undefined : parseEntry(stored);
    },
    async put(key, entry, nowMs) {
      const ttl = Math.floor(Math.min(maxTtlSeconds, (entry.notAfter - nowMs) / 1000));
      if (ttl < KV_LIMITS.minExpirationTtlSeconds || throttle.waitMs(key, nowMs) > 0) return;
      throttle.noteWrite(key, nowMs);
      try {
        await kv.put(key, JSON.stringify(entry), { expirationTtl: ttl });
      } catch (error) {
        onError(error);
      }
    },
  };
}

function parseEntry(stored: string): ValidatedSigningKey | undefined {
  try {
    const value: unknown = JSON.parse(stored);
    return isValidatedSigningKey(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
