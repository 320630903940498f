// Tests run inside workerd (the Workers runtime) with local KV, R2 and D1 from wrangler.toml.
// The dev signing kit made by test/setup/dev-kit.global.ts is trusted for loopback requests
// only (SKILLFLARE_DEV_TRUST), as under `npm start`; production requests need Amazon's chain.
import { cloudflareTest, readD1Migrations } from "{{vitestPlugin}}";
import { DEV_SKILL_ID } from "skillflare/testing";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => {
      const kit = inject("devKit");
      return {
        main: "./src/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            SKILLFLARE_DEV_TRUST: JSON.stringify({ anchors: kit.anchorsPem, chains: { [kit.chainUrl]: kit.chainPem } }),
            SKILL_IDS: DEV_SKILL_ID,
          },
        },
      };
    }),
  ],
  test: {
    globalSetup: ["./test/setup/dev-kit.global.ts"],
    setupFiles: ["./test/setup/apply-migrations.ts"],
  },
});
