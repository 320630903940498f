// Vitest for the Lambda fixture skills (test/lambda/**): CommonJS ask-sdk v2 skills whose
// files stay as they are, bundled by wrangler with test/lambda/wrangler.toml's [alias] (their
// `require('aws-sdk')` and the ask-sdk AWS adapters resolve to skillflare's drop-ins, as
// `skillflare init --from-lambda` wires them), then run inside workerd through the Workers
// test pool with real local D1, KV and R2. Part of `npm test`.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { DEV_SKILL_ID } from "./src/devkit/alexa-ids.ts";

const migrations = await readD1Migrations("./migrations");

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => {
      const kit = inject("devKit");
      const devTrust = { anchors: kit.anchorsPem, chains: { [kit.chainUrl]: kit.chainPem } };
      return {
        main: "./test/lambda/pool-main.ts",
        wrangler: { configPath: "./test/lambda/wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            SKILLFLARE_DEV_TRUST: JSON.stringify(devTrust),
            SKILL_IDS: DEV_SKILL_ID,
          },
        },
      };
    }),
  ],
  test: {
    include: ["test/lambda/**/*.test.ts"],
    globalSetup: ["./test/setup/dev-kit.global.ts", "./test/lambda/setup/bundle-fixtures.global.ts"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
    // The fixtures, like the public samples, do not await savePersistentAttributes(); the test
    // that makes D1 writes fail asserts the failure is logged, and its rejection is expected.
    onUnhandledError: (error) => !String((error as { message?: unknown }).message).includes("D1_ERROR: database is unavailable"),
  },
});
