// Bindings only the tests have (vitest.config.mts adds them; wrangler.toml does not).
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    SKILLFLARE_DEV_TRUST: string;
  }
}
