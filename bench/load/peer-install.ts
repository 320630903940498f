/**
 * The Express peer's dependencies (express, ask-sdk-core, ask-sdk-express-adapter and
 * better-sqlite3, which compiles natively) live in bench/express-peer/ with their own
 * package.json and lockfile, outside the root install, so the project's `npm ci` stays fast
 * and never builds native code. `npm run bench:load` installs them on first run with
 * `npm ci` there; better-sqlite3's build script is approved in that package.json's
 * `allowScripts` (npm 11), and builds with node-gyp against Node's headers (python3, make,
 * g++), about two minutes on two cores.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function ensurePeerInstalled(projectDir: string): Promise<void> {
  const peerDir = join(projectDir, "bench", "express-peer");
  const addon = join(peerDir, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
  if (existsSync(addon) && existsSync(join(peerDir, "node_modules", "express"))) return;
  console.log("bench:load: installing the Express peer's dependencies in bench/express-peer (first run; builds better-sqlite3, ~2 min)");
  await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: peerDir, timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024 });
  if (!existsSync(addon)) throw new Error(`npm ci in ${peerDir} finished but ${addon} is missing (native build skipped?)`);
}
