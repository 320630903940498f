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

export async function measureBundle(projectDir: string, extraArgs: readonly string[] = []): Promise<BundleSize> {
  const outdir = await mkdtemp(join(tmpdir(), "skillflare-bundle-"));
  try {
    const { stdout } = await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir, ...extraArgs], {
      cwd: projectDir,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
      maxBuffer: 8 * 1024 * 1024,
    });
    const files = (await readdir(outdir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && isModule(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    if (files.length === 0) throw new Error(`wrangler emitted no modules in ${outdir}`);
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const bytes = await readFile(file);
      rawBytes += bytes.byteLength;
      gzipBytes += gzipSync(bytes).byteLength;
    }
    return {
      files: files.map((file) => file.slice(outdir.length + 1)),
      rawBytes,
      gzipBytes,
      rawKb: rawBytes / 1024,
      gzipKb: gzipBytes / 1024,
      wranglerSummary: /Total Upload:\s*(.+)/.exec(stdout)?.[1]?.trim(),
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

function isModule(name: string): boolean {
  return !name.endsWith(".map") && name !== "README.md";
}
