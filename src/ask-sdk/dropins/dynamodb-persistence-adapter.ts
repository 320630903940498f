/**
 * Drop-in for `ask-sdk-dynamodb-persistence-adapter` (wired by wrangler `[alias]`, see
 * docs/migrate-from-lambda.md): the same exports (`DynamoDbPersistenceAdapter`,
 * `PartitionKeyGenerators`) and constructor options, backed by D1 (binding `DB`) with the
 * table name as the namespace. A skill's `require` and `new DynamoDbPersistenceAdapter({...})`
 * stay as they are; `require('ask-sdk')`, which loads this package too, then loads without
 * aws-sdk. `createTable`, `dynamoDBClient`, `partitionKeyName` and `attributesName` describe
 * DynamoDB and are accepted and reported once.
 */
import { PersistenceError } from "../../skill/persistence/adapter.js";
import { D1PersistenceAdapter } from "../persistence/d1-adapter.js";
import type { PartitionKeyGenerator } from "../persistence/key-generators.js";
import { reportIgnoredOptions } from "./ignored-options.js";

export { PartitionKeyGenerators } from "../persistence/key-generators.js";
export type { PartitionKeyGenerator } from "../persistence/key-generators.js";

/** `ask-sdk-dynamodb-persistence-adapter`'s constructor options. */
export interface DynamoDbPersistenceAdapterConfig {
  readonly tableName: string;
  readonly partitionKeyName?: string;
  readonly attributesName?: string;
  readonly createTable?: boolean;
  readonly dynamoDBClient?: unknown;
  readonly partitionKeyGenerator?: PartitionKeyGenerator;
}

const IGNORED = {
  createTable: "the table is migrations/0002_ask_sdk_attributes.sql in D1, applied by `wrangler d1 migrations apply`",
  dynamoDBClient: "attributes live in D1 (binding DB); no AWS client is used",
  partitionKeyName: "D1 rows are keyed (namespace = tableName, id)",
  attributesName: "D1 stores the attributes value as one JSON column",
};

/**
 * ask-sdk's DynamoDB adapter, on D1.
 *
 * @example
 * ```js
 * const { DynamoDbPersistenceAdapter } = require("ask-sdk-dynamodb-persistence-adapter"); // aliased
 * Alexa.SkillBuilders.custom().withPersistenceAdapter(new DynamoDbPersistenceAdapter({ tableName: "high-low", createTable: true }));
 * ```
 */
export class DynamoDbPersistenceAdapter extends D1PersistenceAdapter {
  readonly #tableName: unknown;

  constructor(config: DynamoDbPersistenceAdapterConfig) {
    super(config?.partitionKeyGenerator !== undefined ? { partitionKeyGenerator: config.partitionKeyGenerator } : {});
    this.#tableName = (config as Partial<DynamoDbPersistenceAdapterConfig> | undefined)?.tableName;
    reportIgnoredOptions("DynamoDbPersistenceAdapter", config ?? {}, IGNORED);
  }

  protected override namespace(): string {
    if (typeof this.#tableName !== "string" || this.#tableName === "") {
      throw new PersistenceError("not-configured", "DynamoDbPersistenceAdapter needs a tableName (it names the D1 namespace); is its environment variable set in wrangler.toml [vars]?");
    }
    return `dynamodb:${this.#tableName}`;
  }
}
