/**
 * Runs a skill built with the official `ask-sdk-core` (`SkillBuilders.custom()...create()`)
 * behind the same `SkillRuntime` interface as `createSkill`. The skill is typed structurally
 * (anything with `invoke(envelope, context)`), so the core runtime never imports ask-sdk-core
 * and skills that do not use it do not bundle it. The handler's `handlerInput.context` is the
 * RuntimeContext (env, waitUntil), with `env` and `fetch` non-enumerable so a logging
 * interceptor's `JSON.stringify(handlerInput)` prints no binding or secret. Responses pass
 * through the same response checks.
 * ask-sdk-core needs the `nodejs_compat` flag (docs/ask-sdk-compat.md).
 */
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import type { RuntimeContext, SkillRuntime } from "../skill/create-skill.js";
import { jsonConsoleLogger, type SkillLogger } from "../skill/logger.js";
import { checkResponse, enforceResponseChecks, type ResponseCheckMode } from "../skill/response-checks.js";

/** The part of ask-sdk-core's `Skill`/`CustomSkill` the runtime uses. */
export interface AskSdkSkill {
  invoke(envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope>;
}

/**
 * Options of `fromAskSdkSkill`.
 */
export interface AskSdkAdapterOptions {
  /** "log" by default; use "throw" in development. */
  readonly checks?: ResponseCheckMode;
  readonly logger?: SkillLogger;
}

/**
 * Runs a skill built with the official ask-sdk-core (`SkillBuilders.custom()...create()`)
 * behind skillflare's runtime interface (`createAlexaWorker({ skill })` does this for you).
 * @example
 * import { SkillBuilders } from "ask-sdk-core";
 * const askSkill = SkillBuilders.custom().addRequestHandlers(launchHandler).create();
 * export default createAlexaWorker<Env>({ skill: fromAskSdkSkill<Env>(askSkill) });
 */
export function fromAskSdkSkill<Env = unknown>(skill: AskSdkSkill, options: AskSdkAdapterOptions = {}): SkillRuntime<Env> {
  const logger = options.logger ?? jsonConsoleLogger;
  return {
    async handle(envelope, context: RuntimeContext<Env>) {
      const result = await skill.invoke(envelope, unprintableContext(context));
      const failures = checkResponse(envelope.request, result);
      enforceResponseChecks(failures, context.checks ?? options.checks ?? "log", logger, envelope.request.type);
      return result;
    },
  };
}

/** The same context with bindings (and the Worker's plumbing) hidden from JSON.stringify and Object.keys, still readable. */
function unprintableContext<Env>(context: RuntimeContext<Env>): RuntimeContext<Env> {
  const hidden: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context)) {
    Object.defineProperty(hidden, name, { value, enumerable: !HIDDEN.has(name), writable: false, configurable: true });
  }
  return hidden as unknown as RuntimeContext<Env>;
}

const HIDDEN = new Set(["env", "fetch", "logger"]);
