/**
 * Drop-in for `ask-sdk-s3-persistence-adapter` (wired by wrangler `[alias]`): the same exports
 * (`S3PersistenceAdapter`, `ObjectKeyGenerators`) and constructor options, backed by D1
 * (binding `DB`) with the bucket name as the namespace and `pathPrefix` joined to the object
 * key as S3's adapter joins it. Alexa-hosted skills construct it with
 * `process.env.S3_PERSISTENCE_BUCKET`, which `skillflare init --from-lambda` sets as a var.
 * `s3Client` is accepted and reported once.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import { PersistenceError } from "../../skill/persistence/adapter.js";
import { D1PersistenceAdapter } from "../persistence/d1-adapter.js";
import { ObjectKeyGenerators, type PartitionKeyGenerator } from "../persistence/key-generators.js";
import { reportIgnoredOptions } from "./ignored-options.js";

export { ObjectKeyGenerators } from "../persistence/key-generators.js";

/** Maps a request to its object key (`ask-sdk-s3-persistence-adapter`'s ObjectKeyGenerator). */
export type ObjectKeyGenerator = PartitionKeyGenerator;

/** `ask-sdk-s3-persistence-adapter`'s constructor options. */
export interface S3PersistenceAdapterConfig {
  readonly bucketName: string;
  readonly s3Client?: unknown;
  readonly objectKeyGenerator?: ObjectKeyGenerator;
  readonly pathPrefix?: string;
}

/** `path.join(prefix, key)` for the relative keys S3's adapter builds (no `..` handling needed). */
function joinKey(prefix: string, key: string): string {
  const joined = prefix === "" ? key : `${prefix}/${key}`;
  return joined.replace(/\/{2,}/g, "/");
}

/**
 * ask-sdk's S3 adapter, on D1.
 *
 * @example
 * ```js
 * const { S3PersistenceAdapter } = require("ask-sdk-s3-persistence-adapter"); // aliased
 * Alexa.SkillBuilders.custom().withPersistenceAdapter(new S3PersistenceAdapter({ bucketName: process.env.S3_PERSISTENCE_BUCKET }));
 * ```
 */
export class S3PersistenceAdapter extends D1PersistenceAdapter {
  readonly #bucketName: unknown;
  readonly #pathPrefix: string;

  constructor(config: S3PersistenceAdapterConfig) {
    const keyOf = config?.objectKeyGenerator ?? ObjectKeyGenerators.userId;
    super({ partitionKeyGenerator: keyOf });
    this.#bucketName = (config as Partial<S3PersistenceAdapterConfig> | undefined)?.bucketName;
    this.#pathPrefix = config?.pathPrefix ?? "";
    reportIgnoredOptions("S3PersistenceAdapter", config ?? {}, { s3Client: "attributes live in D1 (binding DB); no AWS client is used" });
  }

  protected override namespace(): string {
    if (typeof this.#bucketName !== "string" || this.#bucketName === "") {
      throw new PersistenceError("not-configured", "S3PersistenceAdapter needs a bucketName (it names the D1 namespace); is S3_PERSISTENCE_BUCKET set in wrangler.toml [vars]?");
    }
    return `s3:${this.#bucketName}`;
  }

  protected override idOf(envelope: RequestEnvelope): string {
    return joinKey(this.#pathPrefix, super.idOf(envelope));
  }
}
