/**
 * The optional replay guard: a verified request whose `requestId` was already
 * seen inside its freshness window is refused (`replayed-request`). An id only
 * needs remembering until the request would be refused as stale anyway, so
 * each is kept until its timestamp plus the allowed age. `ReplayGuard` is the
 * small interface the verifier talks to; this file gives the per-isolate memory
 * guard (bounded: when full, expired ids go first, then the oldest). Across
 * isolates use the Durable Object guard of `skillflare/worker`.
 */

/** Remembers request ids; must record and answer in one atomic step. */
export interface ReplayGuard {
  /**
   * Records `requestId` until `expiresAtMs`; resolves `true` when it was already
   * recorded and had not expired at `nowMs` (a replay).
   */
  checkAndRecord(requestId: string, nowMs: number, expiresAtMs: number): Promise<boolean>;
}

/** Options of `createMemoryReplayGuard`. */
export interface MemoryReplayGuardOptions {
  /** Most ids held at once; default 10,000. */
  readonly maxEntries?: number;
}

/**
 * A replay guard in this isolate's memory. It only sees requests this isolate
 * verified; Alexa's traffic spreads over many isolates, so for a guarantee use
 * the Durable Object guard.
 *
 * @example
 * ```ts
 * const verifier = createAlexaVerifier({ skillIds, replayGuard: createMemoryReplayGuard() });
 * ```
 */
export function createMemoryReplayGuard(options: MemoryReplayGuardOptions = {}): ReplayGuard {
  const maxEntries = options.maxEntries ?? 10_000;
  const expiries = new Map<string, number>();
  return {
    async checkAndRecord(requestId, nowMs, expiresAtMs) {
      const known = expiries.get(requestId);
      if (known !== undefined && known >= nowMs) return true;
      expiries.delete(requestId);
      if (expiries.size >= maxEntries) {
        for (const [id, until] of expiries) if (until < nowMs) expiries.delete(id);
        for (const id of expiries.keys()) {
          if (expiries.size < maxEntries) break;
          expiries.delete(id);
        }
      }
      expiries.set(requestId, expiresAtMs);
      return false;
    },
  };
}
