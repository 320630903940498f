// Runs an external program (ffmpeg, wrangler) without a shell, collecting its output, with
// optional line callbacks for progress and a hard timeout. A program that cannot be started
// (not installed) is reported as a result with spawnError, never thrown.

import { spawn } from "node:child_process";

export interface ProcessOutcome {
  /** Exit code, or null when killed or never started. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the program could not be started (e.g. ENOENT: not installed). */
  readonly spawnError?: string;
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly onStdoutLine?: (line: string) => void;
  readonly onStderrLine?: (line: string) => void;
}

export type CommandRunner = (command: string, args: readonly string[], options?: RunOptions) => Promise<ProcessOutcome>;

export const runCommand: CommandRunner = (command, args, options = {}) =>
  new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, options.timeoutMs);
    const lines = (onLine: ((line: string) => void) | undefined) => {
      let partial = "";
      return (text: string) => {
        if (onLine === undefined) return;
        partial += text;
        const parts = partial.split(/\r?\n|\r/);
        partial = parts.pop() ?? "";
        for (const line of parts) onLine(line);
      };
    };
    const stdoutLines = lines(options.onStdoutLine);
    const stderrLines = lines(options.onStderrLine);
    // Decoded once per stream, so a UTF-8 character split across chunks stays whole.
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (text: string) => {
      stdout += text;
      stdoutLines(text);
    });
    child.stderr.on("data", (text: string) => {
      stderr += text;
      stderrLines(text);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, spawnError: error.message, timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
