// Vitest for the Node-side tests (test/node/**): the CLI, the TLS doctor against loopback
// https servers, and wrangler/ffmpeg round trips, none of which can run inside workerd.
// Run with `vitest run -c vitest.node.config.mts`; the main config stays workerd-only.
import { defineConfig } from "vitest/config";
import { sourceAliases } from "./scripts/source-aliases.mjs";

export default defineConfig({
  // The CLI imports the library as `skillflare/...`; here that is src/ (docs/package.md).
  resolve: { alias: sourceAliases() },
  test: {
    environment: "node",
    include: ["test/node/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Builds dist/ once per run: the package tests check the built output (docs/package.md).
    globalSetup: ["./test/node/helpers/build.global.ts"],
  },
});
