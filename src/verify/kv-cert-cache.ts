/**
 * A `CertCache` backed by Workers KV, with this isolate's memory in front:
 * reads try memory, then KV (a KV hit is copied into memory); writes go to
 * both. KV is an optimisation only: a KV read or write that throws (outage,
 * rate limit) is reported to `onError` and treated as a miss, so verification
 * falls back to the network. KV's limits are respected: `expirationTtl` is at
 * least 60 s (entries expiring sooner are not written) and at most the
 * entry's `notAfter` or `maxTtlSeconds`, and a key is written at most once per
 * second per isolate. Entries read back are shape-checked, never trusted blindly.
 */
import { isolateMemoryCertCache, isValidatedSigningKey, type CertCache, type ValidatedSigningKey } from "./cert-cache.js";

/** The two KV methods used; a Workers `KVNamespace` satisfies it. */
export interface KVNamespaceLike {
  get(key: string, type: "text"): Promise<string | null>;
  put(key: string, value: string, options: { expirationTtl: number }): Promise<void>;
}

export interface KvCertCacheOptions {
  /** Memory layer in front of KV; default: the isolate's shared memory cache. */
  readonly memory?: CertCache;
  /** Upper bound on an entry's KV lifetime; default one day. */
  readonly maxTtlSeconds?: number;
  /** Told about every KV failure that was absorbed; default: ignore. */
  readonly onError?: (error: unknown) => void;
}

const KV_MIN_TTL_SECONDS = 60;
const KV_WRITE_INTERVAL_MS = 1000;
const lastWriteByKey = new Map<string, number>();

export function createKvCertCache(kv: KVNamespaceLike, options: KvCertCacheOptions = {}): CertCache {
  const memory = options.memory ?? isolateMemoryCertCache();
  const maxTtlSeconds = options.maxTtlSeconds ?? 86_400;
  const onError = options.onError ?? (() => {});
  return {
    async get(key, nowMs) {
      const remembered = await memory.get(key, nowMs);
      if (remembered !== undefined) return remembered;
      let stored: string | null;
      try {
        stored = await kv.get(key, "text");
      } catch (error) {
        onError(error);
        return undefined;
      }
      const entry = stored === null ? undefined : parseEntry(stored);
      if (entry !== undefined) await memory.put(key, entry, nowMs);
      return entry;
    },
    async put(key, entry, nowMs) {
      await memory.put(key, entry, nowMs);
      const ttl = Math.floor(Math.min(maxTtlSeconds, (entry.notAfter - nowMs) / 1000));
      if (ttl < KV_MIN_TTL_SECONDS || wroteRecently(key, nowMs)) return;
      try {
        await kv.put(key, JSON.stringify(entry), { expirationTtl: ttl });
      } catch (error) {
        onError(error);
      }
    },
  };
}

function wroteRecently(key: string, nowMs: number): boolean {
  const last = lastWriteByKey.get(key);
  if (last !== undefined && Math.abs(nowMs - last) < KV_WRITE_INTERVAL_MS) return true;
  if (lastWriteByKey.size >= 1024) lastWriteByKey.clear();
  lastWriteByKey.set(key, nowMs);
  return false;
}

function parseEntry(stored: string): ValidatedSigningKey | undefined {
  try {
    const value: unknown = JSON.parse(stored);
    return isValidatedSigningKey(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
