// Where the running dev server is: `skillflare dev` writes .skillflare/dev.json (port, URL,
// its pid) once wrangler starts and removes it on exit; `skillflare simulate` posts to that URL
// by default, so `npm start -- --port 8802` and `simulate` agree without flags. A file left
// by a dev server that no longer runs (its pid is gone) is ignored.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_SIMULATE_URL } from "../simulate-usage.js";

export const DEV_STATE_PATH = ".skillflare/dev.json";

export interface DevState {
  readonly port: number;
  readonly url: string;
  readonly pid: number;
}

export function devUrl(port: number): string {
  return `http://localhost:${port}/`;
}

export async function writeDevState(cwd: string, port: number, pid: number = process.pid): Promise<void> {
  await mkdir(join(cwd, ".skillflare"), { recursive: true });
  const state: DevState = { port, url: devUrl(port), pid };
  await writeFile(join(cwd, DEV_STATE_PATH), `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state file if it is still this process's. */
export function clearDevState(cwd: string, pid: number = process.pid): void {
  if (readDevState(cwd, () => true)?.pid === pid) rmSync(join(cwd, DEV_STATE_PATH), { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running dev server's state, or undefined (no file, unreadable, or its process is gone). */
export function readDevState(cwd: string, alive: (pid: number) => boolean = processAlive): DevState | undefined {
  const path = join(cwd, DEV_STATE_PATH);
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as Partial<DevState>;
    if (typeof state.url !== "string" || typeof state.pid !== "number" || typeof state.port !== "number") return undefined;
    return alive(state.pid) ? (state as DevState) : undefined;
  } catch {
    return undefined;
  }
}

/** simulate's default endpoint: the running dev server's, else http://localhost:8787/. */
export function defaultSkillUrl(cwd: string = process.cwd()): string {
  return readDevState(cwd)?.url ?? DEFAULT_SIMULATE_URL;
}
