// Test-only bindings added by vitest.config.mts (not in wrangler.toml): the D1 migrations read
// in Node for test/setup/apply-migrations.ts, and the KV namespace the KV persistence tests use.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    ATTRIBUTES_KV: KVNamespace;
    REPLAY_GUARD: DurableObjectNamespace;
  }
}
