/**
 * ask-sdk's `PersistenceAdapter` on Workers KV: the whole attributes value of a partition is
 * one KV document under `ask-sdk:<namespace>:<id>`. It is built on the runtime's KV
 * persistence (src/skill/persistence/kv.ts), so it inherits that contract: KV is eventually
 * consistent (up to ~60 s stale elsewhere), the last writer wins, and saves closer together
 * than KV's one write per key per second are coalesced into one delayed write kept alive by
 * `waitUntil` (and logged if it fails). Prefer D1PersistenceAdapter when that matters.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { MAX_KV_VALUE_BYTES, createKvPersistence, type KvStore } from "../../skill/persistence/kv.js";
import type { PersistenceAdapter } from "../../skill/persistence/adapter.js";
import { currentRequestScope, trackIfInRequest } from "../request-scope.js";
import { attributesFromJson, attributesToJson } from "./attributes-json.js";
import { bindingOfRequest, isKvNamespace } from "./binding.js";
import { PartitionKeyGenerators, type PartitionKeyGenerator } from "./key-generators.js";

/** Where the adapter stores and whose attributes; every field is optional. */
export interface KvPersistenceAdapterOptions {
  /** The namespace binding; by default the running request's `env[binding]`. */
  readonly kv?: KvStore;
  /** Binding name looked up when `kv` is not given; default "ATTRIBUTES_KV". */
  readonly binding?: string;
  /** Part of every key, to keep skills apart in one KV namespace; default "default". */
  readonly namespace?: string;
  readonly partitionKeyGenerator?: PartitionKeyGenerator;
  /** Optional expiry of a partition's document, in seconds (KV requires at least 60). */
  readonly expirationTtl?: number;
}

/** The single attribute name the whole ask-sdk value is kept under in the KV document. */
const VALUE = "attributes";

/**
 * ask-sdk PersistenceAdapter on Workers KV.
 *
 * @example
 * ```ts
 * SkillBuilders.custom().withPersistenceAdapter(new KvPersistenceAdapter({ binding: "ATTRIBUTES_KV" }));
 * ```
 */
export class KvPersistenceAdapter {
  readonly #options: KvPersistenceAdapterOptions;
  readonly #keyOf: PartitionKeyGenerator;
  readonly #stores = new WeakMap<object, PersistenceAdapter>();

  constructor(options: KvPersistenceAdapterOptions = {}) {
    this.#options = options;
    this.#keyOf = options.partitionKeyGenerator ?? PartitionKeyGenerators.userId;
  }

  /** One runtime KV store per namespace binding, so its write coalescing spans requests. */
  #store(): PersistenceAdapter {
    const kv = this.#options.kv ?? bindingOfRequest(this.#options.binding ?? "ATTRIBUTES_KV", "KV namespace", isKvNamespace, "KvPersistenceAdapter");
    let store = this.#stores.get(kv);
    if (store === undefined) {
      const { expirationTtl } = this.#options;
      store = createKvPersistence({ namespace: kv, keyPrefix: `ask-sdk:${this.#options.namespace ?? "default"}:`, ...(expirationTtl !== undefined ? { expirationTtl } : {}) });
      this.#stores.set(kv, store);
    }
    return store;
  }

  /** The stored attributes of the request's partition, or `{}`. */
  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const id = this.#keyOf(requestEnvelope);
    const json = (await this.#store().load(id)).get(VALUE);
    return json === undefined ? {} : (attributesFromJson(json, `KV attributes of "${id}"`) as Record<string, unknown>);
  }

  /** Replaces the partition's attributes with `attributes` (any JSON value). */
  saveAttributes(requestEnvelope: RequestEnvelope, attributes: unknown): Promise<void> {
    const write = async () => {
      const json = attributesToJson(attributes, MAX_KV_VALUE_BYTES, "KV");
      await this.#store().save(this.#keyOf(requestEnvelope), [{ name: VALUE, json }], backgroundTasks());
    };
    return trackIfInRequest(write(), "KV save attributes");
  }

  /** Removes the partition's attributes; the next read is `{}`. */
  deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    const remove = async () => {
      await this.#store().save(this.#keyOf(requestEnvelope), [{ name: VALUE, json: null }], backgroundTasks());
    };
    return trackIfInRequest(remove(), "KV delete attributes");
  }
}

function backgroundTasks(): { waitUntil(promise: Promise<unknown>): void } {
  try {
    return currentRequestScope("KvPersistenceAdapter");
  } catch {
    return { waitUntil: () => {} };
  }
}
