/**
 * Vitest global setup (runs once, in Node): a fresh dev signing kit for the run. Its anchors
 * reach the Worker as SKILLFLARE_DEV_TRUST (vitest.config.mts), exactly as `npm start` puts
 * them in .dev.vars, so the tests sign requests the Worker verifies for real.
 */
import { createDevSigningKit, exportDevSigningKit, type DevSigningKitJson } from "skillflare/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    devKit: DevSigningKitJson;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("devKit", exportDevSigningKit(await createDevSigningKit()));
}
