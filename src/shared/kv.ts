/**
 * Workers KV as both of our KV users see it: the certificate cache (src/verify) and KV
 * persistence (src/skill/persistence/kv.ts). One structural type for the binding (a real
 * `KVNamespace` satisfies it, and so does a plain in-memory fake in any runtime), KV's
 * platform limits as one set of constants, and one write throttle, because KV accepts at
 * most one write per key per second and both users must respect that the same way. Pure
 * TypeScript: no `cloudflare:` import, so the verifier can use it in any WebCrypto runtime.
 */

/** The KV methods skillflare uses; a Workers `KVNamespace` satisfies it. */
export interface KvNamespaceLike {
  get(key: string, type: "text"): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
}

/** KV's platform limits (developers.cloudflare.com/kv/platform/limits/). */
export const KV_LIMITS = Object.freeze({
  /** `expirationTtl` must be at least 60 seconds. */
  minExpirationTtlSeconds: 60,
  /** One write per key per second. */
  minWriteIntervalMs: 1000,
  maxKeyBytes: 512,
  maxValueBytes: 25 * 1024 * 1024,
});

/**
 * Remembers when each key was last written in this isolate, so a caller can tell how long
 * to wait before the next write to it. Bounded: keys whose interval has passed are dropped
 * once the map holds `maxKeys` entries, and if none has, the oldest go.
 */
export class KvWriteThrottle {
  readonly #lastWriteAt = new Map<string, number>();

  constructor(
    readonly intervalMs: number = KV_LIMITS.minWriteIntervalMs,
    readonly maxKeys: number = 1024,
  ) {}

  /** Milliseconds until `key` may be written again (0 or less: now). */
  waitMs(key: string, nowMs: number): number {
    const last = this.#lastWriteAt.get(key);
    return last === undefined ? 0 : last + this.intervalMs - nowMs;
  }

  /** Records a write of `key` at `nowMs`. */
  noteWrite(key: string, nowMs: number): void {
    this.#lastWriteAt.delete(key);
    if (this.#lastWriteAt.size >= this.maxKeys) this.#forgetOld(nowMs);
    this.#lastWriteAt.set(key, nowMs);
  }

  #forgetOld(nowMs: number): void {
    for (const [key, at] of this.#lastWriteAt) if (nowMs - at >= this.intervalMs) this.#lastWriteAt.delete(key);
    for (const key of this.#lastWriteAt.keys()) {
      if (this.#lastWriteAt.size < this.maxKeys) break;
      this.#lastWriteAt.delete(key);
    }
  }
}

/** UTF-8 length, which is what KV's key and value limits count. */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
