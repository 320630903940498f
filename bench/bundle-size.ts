/**
 * Bundle size of the Worker as wrangler would upload it: `wrangler deploy
 * --dry-run --outdir <tmp>` (offline, the project's wrangler.toml), then the
 * emitted modules (the worker JS and any additional modules; source maps and
 * wrangler's README excluded) are summed raw and gzipped one by one with
 * node:zlib at its default level (6). KB here means KiB (1024 bytes), the unit
 * wrangler prints; its own "Total Upload" line is kept as a cross-check.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly rawKb: number;
  readonly gzipKb: number;
  /** Wrangler's own summary, e.g. "844.96 KiB / gzip: 136.19 KiB". */
  readonly wranglerSummary: string | undefined;
}

const run = promisify(execFile);

export interface DryRunOutput {
  readonly outdir: string;
  /** Absolute paths of the emitted modules (no source maps, no README). */
  readonly modules: readonly string[];
  readonly stdout: string;
}

/** Runs `wrangler deploy --dry-run` into a temporary directory, hands it to `use`, then deletes it. */
export async function withWranglerDryRun<T>(projectDir: string, extraArgs: readonly string[], use: (output: DryRunOutput) => Promise<T>): Promise<T> {
  const outdir = await mkdtemp(join(tmpdir(), "skillflare-bundle-"));
  try {
    const { stdout } = await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir, ...extraArgs], {
      cwd: projectDir,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
      maxBuffer: 8 * 1024 * 1024,
    });
    const modules = (await readdir(outdir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && isModule(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    if (modules.length === 0) throw new Error(`wrangler emitted no modules in ${outdir}`);
    return await use({ outdir, modules, stdout });
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** The sizes of one dry run's output (see the module comment). */
export async function bundleSizeOf({ outdir, modules, stdout }: DryRunOutput): Promise<BundleSize> {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of modules) {
    const bytes = await readFile(file);
    rawBytes += bytes.byteLength;
    gzipBytes += gzipSync(bytes).byteLength;
  }
  return {
    files: modules.map((file) => file.slice(outdir.length + 1)),
    rawBytes,
    gzipBytes,
    rawKb: rawBytes / 1024,
    gzipKb: gzipBytes / 1024,
    wranglerSummary: /Total Upload:\s*(.+)/.exec(stdout)?.[1]?.trim(),
  };
}

export function measureBundle(projectDir: string, extraArgs: readonly string[] = []): Promise<BundleSize> {
  return withWranglerDryRun(projectDir, extraArgs, bundleSizeOf);
}

function isModule(name: string): boolean {
  return !name.endsWith(".map") && name !== "README.md";
}
