// Vitest runs every test inside workerd through the Workers test pool, with the
// bindings of wrangler.toml simulated locally by Miniflare (real KV, R2 and D1).
// test/setup/dev-kit.global.ts makes one dev signing kit per run; its anchors
// reach the Worker as SKILLFLARE_DEV_TRUST, the same local-only trust as .dev.vars.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { configDefaults, defineConfig } from "vitest/config";
import { sourceAliases } from "./scripts/source-aliases.mjs";
import { DEV_SKILL_ID } from "./src/devkit/alexa-ids.ts";

// D1 migrations are read here in Node and applied inside workerd by test/setup/apply-migrations.ts.
const migrations = await readD1Migrations("./migrations");

export default defineConfig({
  // `skillflare/...` imports (the example, src/worker.ts, tests) resolve to src/: docs/package.md.
  resolve: { alias: sourceAliases() },
  plugins: [
    cloudflareTest(({ inject }) => {
      const kit = inject("devKit");
      const devTrust = { anchors: kit.anchorsPem, chains: { [kit.chainUrl]: kit.chainPem } };
      return {
        main: "./src/worker.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            SKILLFLARE_DEV_TRUST: JSON.stringify(devTrust),
            SKILL_IDS: DEV_SKILL_ID,
            // No console in the test Worker, even when a local .dev.vars (npm start) has the
            // kit: tests that want it pass SKILLFLARE_DEV_KIT themselves (test/console/).
            SKILLFLARE_DEV_KIT: "",
            SKILLFLARE_DEV_MODELS: "",
          },
          kvNamespaces: ["ATTRIBUTES_KV"],
          // The replay guard across isolates, tested with a real local Durable Object. Test-only:
          // wrangler.toml binds no REPLAY_GUARD, so `wrangler dev` and deploy are unchanged.
          durableObjects: { REPLAY_GUARD: "ReplayGuardObject" },
        },
      };
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    // Node-side CLI tests (TLS servers, wrangler, ffmpeg) run under vitest.node.config.mts; the
    // Lambda fixtures (wrangler-bundled, their own bindings) under vitest.lambda.config.mts.
    exclude: [...configDefaults.exclude, "test/node/**", "test/lambda/**"],
    globalSetup: ["./test/setup/dev-kit.global.ts"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
  },
});
