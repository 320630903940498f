/**
 * ask-sdk's `PersistenceAdapter` (getAttributes / saveAttributes / deleteAttributes) on D1,
 * for `attributesManager.getPersistentAttributes()` at the edge, and the store under the
 * DynamoDB and S3 drop-ins. One row per (namespace, id) in `ask_sdk_attributes`
 * (migrations/0002_ask_sdk_attributes.sql), holding the whole attributes value as JSON;
 * nothing stored reads as `{}`, as with the SDK's adapters.
 *
 * Concurrency, as D1 allows: every save is one upsert statement, so it is atomic (no torn or
 * mixed document, ever) and D1 serialises writers; of two concurrent saves for one id, the
 * later commit wins the whole document, as an unconditional DynamoDB `put` does. Saves and
 * deletes are kept alive with `waitUntil` and logged on failure, so the un-awaited
 * `savePersistentAttributes()` of a Lambda skill reaches storage (request-scope.ts).
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { storageCall } from "../../skill/persistence/adapter.js";
import { MAX_D1_VALUE_BYTES } from "../../skill/persistence/d1.js";
import { trackIfInRequest } from "../request-scope.js";
import { attributesFromJson, attributesToJson } from "./attributes-json.js";
import { bindingOfRequest, isD1Database } from "./binding.js";
import { PartitionKeyGenerators, type PartitionKeyGenerator } from "./key-generators.js";

/** Where the adapter stores and whose attributes; every field is optional. */
export interface D1PersistenceAdapterOptions {
  /** The database; by default the running request's `env[binding]`. */
  readonly database?: D1Database;
  /** Binding name looked up when `database` is not given; default "DB". */
  readonly binding?: string;
  /** Separates skills or tables sharing one database; default "default". */
  readonly namespace?: string;
  /** Whose attributes; default `PartitionKeyGenerators.userId`. */
  readonly partitionKeyGenerator?: PartitionKeyGenerator;
  readonly now?: () => number;
}

const SELECT = "SELECT value FROM ask_sdk_attributes WHERE namespace = ?1 AND id = ?2";
const UPSERT =
  "INSERT INTO ask_sdk_attributes (namespace, id, value, updated_at) VALUES (?1, ?2, ?3, ?4) " +
  "ON CONFLICT (namespace, id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
const DELETE = "DELETE FROM ask_sdk_attributes WHERE namespace = ?1 AND id = ?2";

/**
 * ask-sdk PersistenceAdapter on D1.
 *
 * @example
 * ```ts
 * const skill = SkillBuilders.custom()
 *   .addRequestHandlers(LaunchHandler)
 *   .withPersistenceAdapter(new D1PersistenceAdapter({ namespace: "high-low" }))
 *   .lambda();
 * ```
 */
export class D1PersistenceAdapter {
  readonly #options: D1PersistenceAdapterOptions;
  readonly #keyOf: PartitionKeyGenerator;

  constructor(options: D1PersistenceAdapterOptions = {}) {
    this.#options = options;
    this.#keyOf = options.partitionKeyGenerator ?? PartitionKeyGenerators.userId;
  }

  /** The namespace rows are stored under (a table or bucket name for the drop-ins). */
  protected namespace(): string {
    return this.#options.namespace ?? "default";
  }

  /** The id of the request's attributes within the namespace. */
  protected idOf(envelope: RequestEnvelope): string {
    return this.#keyOf(envelope);
  }

  #database(): D1Database {
    return this.#options.database ?? bindingOfRequest(this.#options.binding ?? "DB", "D1", isD1Database, "D1PersistenceAdapter");
  }

  /** The stored attributes of the request's partition, or `{}`. */
  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const namespace = this.namespace();
    const id = this.idOf(requestEnvelope);
    const row = await storageCall("D1 get attributes", () => this.#database().prepare(SELECT).bind(namespace, id).first<{ value: string }>());
    if (row === null) return {};
    return attributesFromJson(row.value, `attributes of "${id}" in "${namespace}"`) as Record<string, unknown>;
  }

  /** Replaces the partition's attributes with `attributes` (any JSON value), atomically. */
  saveAttributes(requestEnvelope: RequestEnvelope, attributes: unknown): Promise<void> {
    const write = async () => {
      const namespace = this.namespace();
      const id = this.idOf(requestEnvelope);
      const json = attributesToJson(attributes, MAX_D1_VALUE_BYTES, "D1");
      const at = (this.#options.now ?? Date.now)();
      await storageCall("D1 save attributes", () => this.#database().prepare(UPSERT).bind(namespace, id, json, at).run());
    };
    return trackIfInRequest(write(), "D1 save attributes");
  }

  /** Removes the partition's attributes; the next read is `{}`. */
  deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    const remove = async () => {
      const namespace = this.namespace();
      const id = this.idOf(requestEnvelope);
      await storageCall("D1 delete attributes", () => this.#database().prepare(DELETE).bind(namespace, id).run());
    };
    return trackIfInRequest(remove(), "D1 delete attributes");
  }
}
