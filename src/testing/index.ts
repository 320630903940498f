/**
 * `skillflare/testing`: talk to a skill the way Alexa does, offline. The dev signing kit (a
 * local CA shaped like Amazon's, request signing, realistic envelopes, negative variants)
 * lives in src/devkit/ and is re-exported here. Pure WebCrypto + pkijs: runs inside
 * `@cloudflare/vitest-pool-workers` and in Node, and imports from a vitest config.
 */
export * from "../devkit/index.js";
