/**
 * Vitest global setup of the Lambda project (runs once, in Node): bundles each fixture Worker
 * with wrangler itself (`wrangler deploy --dry-run`), so the CommonJS skill, ask-sdk and its
 * `require`s resolve exactly as in production, through test/lambda/wrangler.toml's [alias] to
 * skillflare's drop-ins. The tests import the bundles from .vitest/lambda-bundles/.
 */
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const FIXTURE_WORKERS = ["visit-counter", "s3-media"] as const;

const root = fileURLToPath(new URL("../../../", import.meta.url));

export default async function setup(): Promise<void> {
  await rm(`${root}.vitest/lambda-bundles`, { recursive: true, force: true });
  await Promise.all(
    FIXTURE_WORKERS.map((name) =>
      promisify(execFile)(
        "npx",
        ["wrangler", "deploy", "--dry-run", "--outdir", `../../.vitest/lambda-bundles/${name}`, "--config", "wrangler.toml", `${name}.worker.ts`],
        // Wrangler resolves [alias] paths from the working directory: the config's own folder.
        { cwd: `${root}test/lambda`, timeout: 120_000, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
      ),
    ),
  );
}
