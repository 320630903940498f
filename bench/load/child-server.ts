/**
 * A server in a child process of the bench: spawned with its own process group, ready when
 * it prints a line matching `ready` (bounded wait), stopped by its pid (SIGTERM to the group,
 * then SIGKILL after a grace period), never by name. Its output is kept for error messages.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface ChildServer {
  readonly pid: number;
  /** The first capture group of `ready`. */
  readonly readyMatch: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

export interface ChildServerOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly ready: RegExp;
  readonly timeoutMs: number;
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const stop = () => stopChild(child);
  try {
    const readyMatch = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after ${options.timeoutMs} ms`)), options.timeoutMs);
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString("utf8")).slice(-20_000);
        const match = options.ready.exec(output);
        if (match !== null) {
          clearTimeout(timer);
          resolve(match[1] ?? match[0]);
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before it was ready`));
      });
      child.once("error", reject);
    });
    if (child.pid === undefined) throw new Error("no pid");
    return { pid: child.pid, readyMatch, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${options.command} ${options.args.join(" ").slice(0, 120)}: ${String(error)}\n${output.slice(-3000)}`);
  }
}

/** Stops a child spawned with `detached: true`: SIGTERM to its group, SIGKILL after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid as number, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
