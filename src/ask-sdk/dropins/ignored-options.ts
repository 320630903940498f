/**
 * Options of the AWS adapters and clients that mean nothing at the edge (a DynamoDB client, a
 * region, `createTable`, an S3 client): the drop-ins accept them, so a skill's constructor
 * calls stay as they are, and say once per isolate what was ignored and why, so nobody
 * wonders where their table or region went.
 */
import { jsonConsoleLogger, type SkillLogger } from "../../skill/logger.js";

const reported = new Set<string>();

/** Logs `option` of `owner` as ignored, the first time this isolate sees that pair. */
export function reportIgnoredOption(owner: string, option: string, why: string, logger: SkillLogger = jsonConsoleLogger): void {
  const key = `${owner}.${option}`;
  if (reported.has(key)) return;
  reported.add(key);
  logger.log("info", "ask_sdk.option_ignored_at_edge", { option: key, why });
}

/** Reports every option in `ignored` that `config` sets (not undefined). */
export function reportIgnoredOptions(owner: string, config: object, ignored: Readonly<Record<string, string>>): void {
  for (const [option, why] of Object.entries(ignored)) {
    if ((config as Record<string, unknown>)[option] !== undefined) reportIgnoredOption(owner, option, why);
  }
}
