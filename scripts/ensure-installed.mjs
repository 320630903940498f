// Runs before `npm start` and `npm test`: on a fresh clone (no node_modules yet) it
// installs exactly what package-lock.json pins with `npm ci`, so the README's quick
// start is two commands. When dependencies are already installed it does nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync(new URL("../node_modules/.package-lock.json", import.meta.url))) {
  console.log("skillflare: first run, installing dependencies (npm ci)...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
