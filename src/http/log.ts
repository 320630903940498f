/**
 * Structured logging for the Worker: one JSON line per event, so `wrangler tail`
 * and Workers Logs can filter on `event` and `reason`. Verification failures are
 * logged here with their precise reason; the caller only ever sees a generic body.
 */
export type LogLevel = "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, event: string, fields?: Readonly<Record<string, unknown>>): void;
}

export const consoleLogger: Logger = {
  log(level, event, fields = {}) {
    const line = JSON.stringify({ level, event, ...fields });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  },
};
