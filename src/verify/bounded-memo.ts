/**
 * A small memo with a hard size limit, for the pure, per-isolate shortcuts of
 * the warm path (normalised chain URLs, cache keys, imported keys). Inputs are
 * attacker-chosen (a header value, say), so the memo must never grow with
 * them: once full, the oldest entry is dropped before a new one is added
 * (first in, first out; a hit does not reorder). Only results of pure
 * functions belong here: a memo hit must return exactly what recomputing would.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!(Number.isInteger(maxEntries) && maxEntries > 0)) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
