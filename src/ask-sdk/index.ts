/**
 * `skillflare/ask-sdk`: skills written with the official ASK SDK for Node.js run on the edge,
 * Lambda handlers included. `fromAskSdkSkill` wraps a `SkillBuilders...create()` skill and
 * `fromLambdaHandler` an `exports.handler = ...lambda()` behind the same runtime interface as
 * `createSkill` (createAlexaWorker does both for you); `D1PersistenceAdapter` and
 * `KvPersistenceAdapter` are ask-sdk PersistenceAdapters; `createFetchApiClient` is ask-sdk's
 * `ApiClient` over `fetch`. The drop-ins for `ask-sdk-dynamodb-persistence-adapter`,
 * `ask-sdk-s3-persistence-adapter` and `aws-sdk` are their own subpaths. Nothing here imports
 * ask-sdk-core: skills are typed structurally. Guides: docs/ask-sdk-compat.md,
 * docs/migrate-from-lambda.md.
 */
export { fromAskSdkSkill } from "./skill-adapter.js";
export type { AskSdkAdapterOptions, AskSdkSkill } from "./skill-adapter.js";
export { createFetchApiClient } from "./fetch-api-client.js";
export { fromLambdaHandler, LambdaInvocationError, DEFAULT_LAMBDA_TIMEOUT_MS } from "./lambda-handler.js";
export type { LambdaAdapterOptions, LambdaHandler } from "./lambda-handler.js";
export { LambdaContext } from "./lambda-context.js";
export type { LambdaCallback } from "./lambda-context.js";
export { D1PersistenceAdapter } from "./persistence/d1-adapter.js";
export type { D1PersistenceAdapterOptions } from "./persistence/d1-adapter.js";
export { KvPersistenceAdapter } from "./persistence/kv-adapter.js";
export type { KvPersistenceAdapterOptions } from "./persistence/kv-adapter.js";
export { ObjectKeyGenerators, PartitionKeyGenerators } from "./persistence/key-generators.js";
export type { PartitionKeyGenerator } from "./persistence/key-generators.js";
