/**
 * D1 persistence (the default): strongly consistent, one row per (partition key, top-level
 * attribute) in `skill_attributes` (migrations/0001_skill_attributes.sql).
 *
 * Concurrency contract, per-key merge: a save writes only the attributes its request changed,
 * all of them in one D1 batch (a single transaction: all or nothing). So concurrent requests
 * for one user that change *different* attributes all survive, and no save ever resurrects or
 * erases an attribute it did not touch. Two requests that change the *same* attribute: the
 * later commit wins for that attribute. Read-modify-write of one attribute (a counter) is not
 * made atomic; keep such values under separate names or accept the last write.
 */
import { byteLength, storageCall, PersistenceError, type AttributeChange, type PersistenceAdapter } from "./adapter.js";

/** D1 caps a row (and a string) at 2,000,000 bytes. */
export const MAX_D1_VALUE_BYTES = 2_000_000;

/**
 * Options of `createD1Persistence`.
 */
export interface D1PersistenceOptions {
  readonly database: D1Database;
  /** Milliseconds since epoch for `updated_at`; injectable for tests. */
  readonly now?: () => number;
}

const SELECT_ALL = "SELECT name, value FROM skill_attributes WHERE partition_key = ?1";
const UPSERT =
  "INSERT INTO skill_attributes (partition_key, name, value, updated_at) VALUES (?1, ?2, ?3, ?4) " +
  "ON CONFLICT (partition_key, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
const DELETE = "DELETE FROM skill_attributes WHERE partition_key = ?1 AND name = ?2";

function parseCheck(name: string, value: string): string {
  try {
    JSON.parse(value);
    return value;
  } catch (cause) {
    throw new PersistenceError("corrupt-record", `attribute "${name}" is not valid JSON`, { cause });
  }
}

/**
 * Persistent attributes in D1 (the table of migrations/0001_skill_attributes.sql): strongly
 * consistent, merged per attribute, so concurrent requests changing different attributes all survive.
 * @example
 * const skill = createSkill<Env>({ handlers, persistence: (env) => createD1Persistence({ database: env.DB }) });
 */
export function createD1Persistence(options: D1PersistenceOptions): PersistenceAdapter {
  const { database } = options;
  const now = options.now ?? Date.now;

  function statementFor(partitionKey: string, change: AttributeChange, at: number): D1PreparedStatement {
    if (change.json === null) return database.prepare(DELETE).bind(partitionKey, change.name);
    if (byteLength(change.json) > MAX_D1_VALUE_BYTES) {
      throw new PersistenceError("value-too-large", `attribute "${change.name}" exceeds D1's ${MAX_D1_VALUE_BYTES}-byte row limit`);
    }
    return database.prepare(UPSERT).bind(partitionKey, change.name, change.json, at);
  }

  return {
    async load(partitionKey) {
      const rows = await storageCall("D1 load", () =>
        database.prepare(SELECT_ALL).bind(partitionKey).all<{ name: string; value: string }>(),
      );
      return new Map(rows.results.map((row) => [row.name, parseCheck(row.name, row.value)]));
    },

    async save(partitionKey, changes) {
      if (changes.length === 0) return;
      const at = now();
      const statements = changes.map((change) => statementFor(partitionKey, change, at));
      await storageCall("D1 save", () => database.batch(statements));
    },
  };
}
