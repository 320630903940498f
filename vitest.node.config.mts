// Vitest for the Node-side tests (test/node/**): the CLI, the TLS doctor against loopback
// https servers, and wrangler/ffmpeg round trips, none of which can run inside workerd.
// Run with `vitest run -c vitest.node.config.mts`; the main config stays workerd-only.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/node/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
