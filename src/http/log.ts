/**
 * Structured logging for the Worker: one JSON line per event, so `wrangler tail`
 * and Workers Logs can filter on `event` and `reason`. Verification failures are
 * logged with their precise reason; the caller only ever sees a generic body.
 * The Worker and the skill runtime share one logger shape and one default.
 */
export { jsonConsoleLogger as consoleLogger, type SkillLogger as Logger } from "../skill/logger.js";
