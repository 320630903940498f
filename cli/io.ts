// Where the CLI writes and how it exits. Commands take a CliIo instead of touching
// process.stdout, so tests call them directly and read what they printed; exit codes are
// named once here: 0 passes, 1 fails a check, 2 is a usage error or unreadable input.

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
export type ExitCode = typeof EXIT_OK | typeof EXIT_CHECK_FAILED | typeof EXIT_USAGE;

export interface CliIo {
  /** A line of the command's result (stdout). */
  out(line: string): void;
  /** A line of progress or diagnostics (stderr). */
  err(line: string): void;
  /** Rewritable progress (a percentage); a no-op where stderr is not a terminal. */
  progress(text: string): void;
}

/** A reader that went away (`skillflare ... | head`) ends the command quietly, not with a crash. */
function exitQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount("error") > 0) return;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export function processIo(): CliIo {
  exitQuietlyOnEpipe(process.stdout);
  exitQuietlyOnEpipe(process.stderr);
  const tty = process.stderr.isTTY === true;
  let pending = false;
  const endProgress = () => {
    if (pending) process.stderr.write("\n");
    pending = false;
  };
  return {
    out(line) {
      endProgress();
      process.stdout.write(`${line}\n`);
    },
    err(line) {
      endProgress();
      process.stderr.write(`${line}\n`);
    },
    progress(text) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K${text}`);
      pending = true;
    },
  };
}

/** An io that records lines, for tests. */
export function memoryIo(): CliIo & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => void stdout.push(l), err: (l) => void stderr.push(l), progress: () => {} };
}
