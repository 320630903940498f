/**
 * Workers KV persistence: one JSON document per partition (user) under `keyPrefix + key`.
 * KV is eventually consistent: a read in another location can be up to ~60 s stale, and there
 * is no compare-and-swap, so the contract is weaker than D1's.
 *
 * Concurrency contract, last writer wins: a save reads the current document, applies only the
 * attributes its request changed and writes the whole document back. Concurrent saves in
 * different isolates can therefore lose each other's changes (the last put wins). Within one
 * isolate nothing is lost: the first save of a key opens a batch before it awaits anything,
 * and every save that arrives before that batch has read the document joins it, so one write
 * carries all their changes (and each joined caller awaits that same write, so a failure
 * reaches every one of them). KV's limit of one write per key per second (src/shared/kv.ts,
 * shared with the cert cache) is respected by the same batches: a save that comes less than
 * `minWriteIntervalMs` after the previous write, or while one is in flight, opens a delayed
 * batch (run via `waitUntil`) that later saves in that window join. A delayed write that
 * fails can only be logged at error level, since its request has already been answered. Use
 * D1 when that matters.
 */
import { jsonConsoleLogger, type SkillLogger } from "../logger.js";
import { KV_LIMITS, KvWriteThrottle, type KvNamespaceLike } from "../../shared/kv.js";
import { byteLength, storageCall, PersistenceError, type AttributeChange, type PersistenceAdapter } from "./adapter.js";

export const MAX_KV_KEY_BYTES = KV_LIMITS.maxKeyBytes;
export const MAX_KV_VALUE_BYTES = KV_LIMITS.maxValueBytes;
export const MIN_KV_EXPIRATION_TTL_SECONDS = KV_LIMITS.minExpirationTtlSeconds;

/** The part of a KV namespace binding this adapter uses (a real `KVNamespace` fits). */
export type KvStore = KvNamespaceLike;

/**
 * Options of `createKvPersistence`.
 */
export interface KvPersistenceOptions {
  readonly namespace: KvStore;
  readonly keyPrefix?: string;
  /** KV allows one write per key per second; writes closer together are coalesced. */
  readonly minWriteIntervalMs?: number;
  /** Optional expiry of a user's document, in seconds (KV requires at least 60). */
  readonly expirationTtl?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger?: SkillLogger;
}

type Document = Map<string, string>;

function applyChanges(document: Document, changes: readonly AttributeChange[]): void {
  for (const change of changes) {
    if (change.json === null) document.delete(change.name);
    else document.set(change.name, change.json);
  }
}

function serialise(document: Document): string {
  return `{${[...document].map(([name, json]) => `${JSON.stringify(name)}:${json}`).join(",")}}`;
}

function parseDocument(key: string, text: string | null): Document {
  if (text === null) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new PersistenceError("corrupt-record", `KV value at "${key}" is not JSON`, { cause });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new PersistenceError("corrupt-record", `KV value at "${key}" is not a JSON object`);
  }
  return new Map(Object.entries(parsed).map(([name, value]) => [name, JSON.stringify(value)]));
}

interface Batch {
  readonly changes: AttributeChange[];
  /** Saves that joined an awaited batch await its write; a delayed batch runs via waitUntil. */
  readonly delayed: boolean;
  done?: Promise<void>;
}

/**
 * Persistent attributes in KV: one JSON document per user, last writer wins, writes to one key
 * closer than `minWriteIntervalMs` coalesced within the isolate (create it once, at module scope).
 * @example
 * const persistence = (env: Env) => createKvPersistence({ namespace: env.ATTRIBUTES_KV });
 */
export function createKvPersistence(options: KvPersistenceOptions): PersistenceAdapter {
  const { namespace, keyPrefix = "skill-attributes:", minWriteIntervalMs = KV_LIMITS.minWriteIntervalMs, expirationTtl } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const logger = options.logger ?? jsonConsoleLogger;
  if (expirationTtl !== undefined && !(expirationTtl >= MIN_KV_EXPIRATION_TTL_SECONDS)) {
    throw new PersistenceError("invalid-option", `expirationTtl must be at least ${MIN_KV_EXPIRATION_TTL_SECONDS} s`);
  }
  const throttle = new KvWriteThrottle(minWriteIntervalMs);
  /** The batch of each key that saves may still join (it has not read the document yet). */
  const open = new Map<string, Batch>();
  /** Every batch of each key not yet written, oldest first (what `load` must add to a read). */
  const unwritten = new Map<string, Batch[]>();
  /** The last write of each key still in flight; the next batch starts after it. */
  const tails = new Map<string, Promise<void>>();

  function storageKey(partitionKey: string): string {
    const key = keyPrefix + partitionKey;
    if (byteLength(key) > MAX_KV_KEY_BYTES) throw new PersistenceError("key-too-long", `KV keys are at most ${MAX_KV_KEY_BYTES} bytes`);
    return key;
  }

  async function write(key: string, document: Document): Promise<void> {
    const value = serialise(document);
    if (byteLength(value) > MAX_KV_VALUE_BYTES) throw new PersistenceError("value-too-large", `KV values are at most ${MAX_KV_VALUE_BYTES} bytes`);
    throttle.noteWrite(key, now());
    await storageCall("KV put", () => namespace.put(key, value, expirationTtl === undefined ? {} : { expirationTtl }));
  }

  async function read(key: string): Promise<Document> {
    return parseDocument(key, await storageCall("KV get", () => namespace.get(key, "text")));
  }

  /** Waits until `key` may be written: after the write in flight, then out of the throttle window. */
  function startAfter(key: string, previous: Promise<void> | undefined, waitMs: number): Promise<void> {
    if (previous === undefined) return waitMs > 0 ? sleep(waitMs) : Promise.resolve();
    return previous
      .catch(() => {})
      .then(() => {
        const wait = throttle.waitMs(key, now());
        return wait > 0 ? sleep(wait) : undefined;
      });
  }

  async function run(key: string, batch: Batch, started: Promise<void>): Promise<void> {
    try {
      await started;
      const document = await read(key);
      if (open.get(key) === batch) open.delete(key); // from here on, a save starts a new batch
      applyChanges(document, batch.changes);
      await write(key, document);
    } finally {
      if (open.get(key) === batch) open.delete(key);
      const queue = unwritten.get(key)?.filter((queued) => queued !== batch) ?? [];
      if (queue.length === 0) unwritten.delete(key);
      else unwritten.set(key, queue);
    }
  }

  return {
    async load(partitionKey) {
      const key = storageKey(partitionKey);
      const document = await read(key);
      for (const batch of unwritten.get(key) ?? []) applyChanges(document, batch.changes);
      return document;
    },

    async save(partitionKey, changes, context) {
      if (changes.length === 0) return;
      const key = storageKey(partitionKey);
      const joined = open.get(key);
      if (joined !== undefined) {
        joined.changes.push(...changes);
        return joined.delayed ? undefined : joined.done;
      }
      const previous = tails.get(key);
      const waitMs = throttle.waitMs(key, now());
      const batch: Batch = { changes: [...changes], delayed: previous !== undefined || waitMs > 0 };
      open.set(key, batch);
      unwritten.set(key, [...(unwritten.get(key) ?? []), batch]);
      const done = run(key, batch, startAfter(key, previous, waitMs));
      batch.done = done;
      tails.set(key, done);
      const untrack = () => void (tails.get(key) === done && tails.delete(key));
      done.then(untrack, untrack);
      if (!batch.delayed) return done;
      context.waitUntil(
        done.catch((error: unknown) => {
          logger.log("error", "kv_coalesced_write_failed", { key, error: String(error) });
        }),
      );
    },
  };
}
