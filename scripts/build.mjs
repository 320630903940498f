// `npm run build` (and `prepack`): the library from src/ to dist/, then the CLI from cli/ to
// dist/cli/ against the library's fresh .d.ts files, then the bin made executable. A clean
// dist/ each time, so a file deleted from src/ never lingers in the tarball. Progress goes to
// stderr, so `npm pack --json` (which runs this as prepack) prints clean JSON. docs/package.md.
import { spawnSync } from "node:child_process";
import { chmodSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
for (const project of ["tsconfig.build.json", "cli/tsconfig.build.json"]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [tsc, "-p", project], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.error(`build: ${project} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
chmodSync(new URL("../dist/cli/bin.js", import.meta.url), 0o755);
