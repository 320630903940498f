/**
 * Workers KV persistence: one JSON document per partition (user) under `keyPrefix + key`.
 * KV is eventually consistent: a read in another location can be up to ~60 s stale, and there
 * is no compare-and-swap, so the contract is weaker than D1's.
 *
 * Concurrency contract, last writer wins: a save reads the current document, applies only the
 * attributes its request changed and writes the whole document back. Concurrent saves in
 * different isolates can therefore lose each other's changes (the last put wins). Within one
 * isolate, KV's limit of one write per key per second is respected by coalescing: a save that
 * comes less than `minWriteIntervalMs` after the previous write to the same key is merged into
 * one delayed write (run via `waitUntil`), and later saves in that window merge into it too,
 * so changes to different attributes inside the window all survive. A delayed write that fails
 * can only be logged, since its request has already been answered. Use D1 when that matters.
 */
import { jsonConsoleLogger, type SkillLogger } from "../logger.js";
import { byteLength, storageCall, PersistenceError, type AttributeChange, type PersistenceAdapter } from "./adapter.js";

export const MAX_KV_KEY_BYTES = 512;
export const MAX_KV_VALUE_BYTES = 25 * 1024 * 1024;
export const MIN_KV_EXPIRATION_TTL_SECONDS = 60;

/** The part of a KV namespace binding this adapter uses (a real `KVNamespace` fits). */
export interface KvStore {
  get(key: string, type: "text"): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
}

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

/**
 * Persistent attributes in KV: one JSON document per user, last writer wins, writes to one key
 * closer than `minWriteIntervalMs` coalesced within the isolate (create it once, at module scope).
 * @example
 * const persistence = (env: Env) => createKvPersistence({ namespace: env.ATTRIBUTES_KV });
 */
export function createKvPersistence(options: KvPersistenceOptions): PersistenceAdapter {
  const { namespace, keyPrefix = "skill-attributes:", minWriteIntervalMs = 1000, expirationTtl } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const logger = options.logger ?? jsonConsoleLogger;
  if (expirationTtl !== undefined && !(expirationTtl >= MIN_KV_EXPIRATION_TTL_SECONDS)) {
    throw new PersistenceError("invalid-option", `expirationTtl must be at least ${MIN_KV_EXPIRATION_TTL_SECONDS} s`);
  }
  const lastWriteAt = new Map<string, number>();
  const pending = new Map<string, Document>();

  function storageKey(partitionKey: string): string {
    const key = keyPrefix + partitionKey;
    if (byteLength(key) > MAX_KV_KEY_BYTES) throw new PersistenceError("key-too-long", `KV keys are at most ${MAX_KV_KEY_BYTES} bytes`);
    return key;
  }

  async function write(key: string, document: Document): Promise<void> {
    const value = serialise(document);
    if (byteLength(value) > MAX_KV_VALUE_BYTES) throw new PersistenceError("value-too-large", `KV values are at most ${MAX_KV_VALUE_BYTES} bytes`);
    lastWriteAt.set(key, now());
    await storageCall("KV put", () => namespace.put(key, value, expirationTtl === undefined ? {} : { expirationTtl }));
  }

  async function read(key: string): Promise<Document> {
    return parseDocument(key, await storageCall("KV get", () => namespace.get(key, "text")));
  }

  function forgetOldWrites(): void {
    const horizon = now() - minWriteIntervalMs;
    for (const [key, at] of lastWriteAt) if (at <= horizon) lastWriteAt.delete(key);
  }

  return {
    async load(partitionKey) {
      const key = storageKey(partitionKey);
      const queued = pending.get(key);
      return queued === undefined ? read(key) : new Map(queued);
    },

    async save(partitionKey, changes, context) {
      if (changes.length === 0) return;
      const key = storageKey(partitionKey);
      forgetOldWrites();
      const current = pending.get(key) ?? (await read(key));
      // Another save of this isolate may have queued a write while we were reading.
      const document = pending.get(key) ?? current;
      applyChanges(document, changes);
      if (pending.has(key)) return;
      const waitMs = (lastWriteAt.get(key) ?? -Infinity) + minWriteIntervalMs - now();
      if (waitMs <= 0) return write(key, document);
      pending.set(key, document);
      const delayed = sleep(waitMs)
        .then(() => {
          pending.delete(key);
          return write(key, document);
        })
        .catch((error: unknown) => {
          pending.delete(key);
          logger.log("error", "kv_coalesced_write_failed", { key, error: String(error) });
        });
      context.waitUntil(delayed);
    },
  };
}
