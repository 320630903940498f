// Talks to R2 through the project's wrangler: builds the `wrangler r2 object put` command
// (local bucket that `wrangler dev` serves, or --remote), and finds the AUDIO binding's
// bucket_name in wrangler.toml so the CLI uploads where the Worker reads.

import type { CommandRunner, ProcessOutcome } from "./process.js";

export const DEFAULT_AUDIO_BUCKET = "skillflare-audio";

export interface R2PutRequest {
  readonly bucket: string;
  readonly key: string;
  readonly file: string;
  readonly contentType: string;
  /** true: the local bucket `wrangler dev` serves; false: the real bucket (--remote). */
  readonly local: boolean;
  /** Local persistence directory (wrangler's --persist-to); default is wrangler dev's. */
  readonly persistTo?: string;
}

export function r2PutArgs(request: R2PutRequest): string[] {
  return [
    "wrangler", "r2", "object", "put", `${request.bucket}/${request.key}`,
    "--file", request.file,
    "--content-type", request.contentType,
    request.local ? "--local" : "--remote",
    ...(request.persistTo !== undefined ? ["--persist-to", request.persistTo] : []),
  ];
}

export function r2Put(run: CommandRunner, request: R2PutRequest, cwd: string): Promise<ProcessOutcome> {
  return run("npx", r2PutArgs(request), {
    cwd,
    timeoutMs: 120_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

/** bucket_name of the [[r2_buckets]] entry whose binding is AUDIO, or null. */
export function audioBucketFromWranglerToml(toml: string): string | null {
  let inR2Table = false;
  let binding: string | null = null;
  let bucketName: string | null = null;
  for (const raw of [...toml.split(/\r?\n/), "[end]"]) {
    const line = raw.replace(/\s+#.*$/, "").trim();
    if (line.startsWith("[")) {
      if (inR2Table && binding === "AUDIO" && bucketName !== null) return bucketName;
      inR2Table = line === "[[r2_buckets]]";
      binding = null;
      bucketName = null;
      continue;
    }
    const match = /^([A-Za-z_]+)\s*=\s*"([^"]*)"$/.exec(line);
    if (!inR2Table || match === null) continue;
    if (match[1] === "binding") binding = match[2] ?? null;
    if (match[1] === "bucket_name") bucketName = match[2] ?? null;
  }
  return null;
}
