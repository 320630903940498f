/**
 * `skillflare/ask-sdk`: skills written with the official ASK SDK for Node.js run on the edge.
 * `fromAskSdkSkill` wraps a `SkillBuilders...create()` skill behind the same runtime
 * interface as `createSkill`; `createFetchApiClient` is ask-sdk's `ApiClient` over `fetch`.
 * Nothing here imports ask-sdk-core: the skill is typed structurally. Guide:
 * docs/ask-sdk-compat.md.
 */
export { fromAskSdkSkill } from "./skill-adapter.js";
export type { AskSdkAdapterOptions, AskSdkSkill } from "./skill-adapter.js";
export { createFetchApiClient } from "./fetch-api-client.js";
