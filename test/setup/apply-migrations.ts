// Vitest setup file (runs inside workerd before every test file): applies the D1 migrations
// from ./migrations to the local test database, as the Workers test pool documents. The
// migrations are read in Node by vitest.config.mts and passed in as the TEST_MIGRATIONS binding;
// applyD1Migrations records what it applied, so running it per file is idempotent.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
