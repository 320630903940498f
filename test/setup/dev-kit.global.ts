/**
 * Vitest global setup (runs once, in Node): creates one dev signing kit for the
 * whole run and provides it to the tests as JSON. vitest.config.mts also hands
 * its anchors and chain to the test Worker as `SKILLFLARE_DEV_TRUST`, exactly as
 * `npm start` does through `.dev.vars`, so end-to-end tests sign requests that
 * the Worker accepts only through that local-only trust.
 */
import type { TestProject } from "vitest/node";
import { createDevSigningKit, exportDevSigningKit, type DevSigningKitJson } from "../../src/devkit/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    devKit: DevSigningKitJson;
    /** fast-check cases per fuzz run: FUZZ_RUNS (npm run fuzz sets 12,000), else 3,000. */
    fuzzRuns: number;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const kit = await createDevSigningKit();
  project.provide("devKit", exportDevSigningKit(kit));
  const fuzzRuns = Number(process.env["FUZZ_RUNS"] ?? "3000");
  project.provide("fuzzRuns", Number.isInteger(fuzzRuns) && fuzzRuns > 0 ? fuzzRuns : 3000);
}
