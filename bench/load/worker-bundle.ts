/**
 * The example Worker exactly as it would be uploaded: `wrangler deploy --dry-run --outdir`
 * with the project's wrangler.toml (minified, nodejs_compat), read back as one ES module. The
 * load bench and the fresh-isolate bench run this bundle on Miniflare directly, so what they
 * time is the shipped code, not wrangler's dev tooling.
 */
import { readFile } from "node:fs/promises";
import { withWranglerDryRun } from "../bundle-size.js";

export interface WorkerBundle {
  readonly script: string;
  readonly compatibilityDate: string;
  readonly compatibilityFlags: readonly string[];
}

/** Settings that must match wrangler.toml (checked against the file at build time). */
const COMPATIBILITY_DATE = "2026-04-20";
const COMPATIBILITY_FLAGS = ["nodejs_compat"];

/** `minify: false` keeps the names, for a CPU profile that names functions (the bench times the minified bundle). */
export async function buildWorkerBundle(projectDir: string, { minify = true }: { readonly minify?: boolean } = {}): Promise<WorkerBundle> {
  const toml = await readFile(`${projectDir}/wrangler.toml`, "utf8");
  if (!toml.includes(`compatibility_date = "${COMPATIBILITY_DATE}"`) || !toml.includes(`compatibility_flags = ["nodejs_compat"]`)) {
    throw new Error("bench/load/worker-bundle.ts: wrangler.toml's compatibility settings changed; update COMPATIBILITY_DATE/FLAGS");
  }
  const script = await withWranglerDryRun(projectDir, minify ? [] : ["--minify=false"], async ({ modules }) => {
    const [only, ...others] = modules;
    if (only === undefined || others.length > 0) throw new Error(`expected one bundled module, got ${modules.length}`);
    return readFile(only, "utf8");
  });
  return { script, compatibilityDate: COMPATIBILITY_DATE, compatibilityFlags: COMPATIBILITY_FLAGS };
}
