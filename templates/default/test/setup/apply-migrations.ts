// Runs inside workerd before each test file: applies ./migrations to the local test D1
// (read in Node by vitest.config.mts). Applied migrations are recorded, so this is idempotent.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
