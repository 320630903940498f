/**
 * The logging seam of the skill runtime. Same shape as the Worker's structured logger
 * (`log(level, event, fields)`), declared here so src/skill does not import the HTTP layer;
 * the Worker can pass its own logger straight in. The default writes one JSON line per event.
 */
export type SkillLogLevel = "info" | "warn" | "error";

/**
 * The structured logger: one event (snake_case name) with fields per call.
 * @example
 * input.logger.log("info", "story_started", { story: "dragons" });
 */
export interface SkillLogger {
  log(level: SkillLogLevel, event: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * The default logger: one JSON line per event on the console (`wrangler tail`, Workers Logs).
 */
export const jsonConsoleLogger: SkillLogger = {
  log(level, event, fields = {}) {
    const line = JSON.stringify({ level, event, ...fields });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  },
};
