// The installed skillflare package's own directory (where templates/ and package.json are),
// found by walking up from this module: the same answer whether the CLI runs from cli/ through
// tsx in this repo or from dist/cli/ inside a project's node_modules.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function skillflarePackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "skillflare") return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the skillflare package above ${from}`);
  }
}

export function skillflareVersion(root: string = skillflarePackageRoot()): string {
  return (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
}
