/**
 * Vitest global setup for the Node tests: runs `npm run build` (scripts/build.mjs) once, so
 * the tests of the built package (dist/ exports, the bin on plain Node, the .d.ts docs) see
 * the current source, never a dist/ left over from an earlier build. About 6 s.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const script = fileURLToPath(new URL("../../../scripts/build.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}
