/**
 * Adapts what `createAlexaWorker({ skill })` was given to the Worker's handler, deciding once,
 * when the Worker is built: a `SkillRuntime` from `createSkill` (`handle`), a skill built with
 * the official ask-sdk-core (`SkillBuilders.custom()...create()`, recognised by `invoke`), or a
 * Lambda handler (`exports.handler = ...lambda()`: a function, or the CommonJS module that
 * exports it as `handler`). Anything else is a `TypeError` right there, never a 500 later.
 * ask-sdk skills and Lambda handlers run inside a request scope (their adapters and AWS
 * clients find the bindings, `waitUntil` and origin there) with outbound fetches tracked
 * (fetch-tracking.ts) and Node's http client fixed for ask-sdk's DefaultApiClient.
 * Each request's handlers get its origin, the Worker's logger and the clock. Response checks
 * throw for local development requests (`wrangler dev`, tests; local-development.ts) so a
 * response Alexa would reject fails loudly in development, and only log in production.
 */
import { installFetchTracking } from "../ask-sdk/fetch-tracking.js";
import { exposeVarsOnProcessEnv } from "../ask-sdk/process-env.js";
import { installArrayHeaderFix } from "../ask-sdk/node-http-array-headers.js";
import { fromLambdaHandler, type LambdaHandler } from "../ask-sdk/lambda-handler.js";
import { runInRequestScope } from "../ask-sdk/request-scope.js";
import { fromAskSdkSkill, type AskSdkSkill } from "../ask-sdk/skill-adapter.js";
import type { SkillRuntime } from "../skill/create-skill.js";
import type { AlexaHandler } from "./alexa-endpoint.js";
import { isLocalDevelopmentRequest } from "./local-development.js";
import { requestUrl } from "./request-url.js";

/** A Lambda module as `require('./lambda')` or `import * as lambda` sees it. */
export interface LambdaModule {
  readonly handler: LambdaHandler;
}

export type WorkerSkill<E> = SkillRuntime<E> | AskSdkSkill | LambdaHandler | LambdaModule;

interface Recognised<E> {
  readonly kind: "runtime" | "ask-sdk" | "lambda";
  readonly runtime: SkillRuntime<E>;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  const keys = Object.keys(value).slice(0, 8);
  return keys.length === 0 ? "an object with no own properties" : `an object with keys ${keys.join(", ")}`;
}

function recognise<E>(skill: unknown): Recognised<E> {
  if (typeof skill === "function") return { kind: "lambda", runtime: fromLambdaHandler<E>(skill as LambdaHandler) };
  if (typeof skill === "object" && skill !== null) {
    const candidate = skill as Partial<Record<"handle" | "invoke" | "handler", unknown>>;
    if (typeof candidate.handle === "function") return { kind: "runtime", runtime: skill as SkillRuntime<E> };
    if (typeof candidate.invoke === "function") return { kind: "ask-sdk", runtime: fromAskSdkSkill<E>(skill as AskSdkSkill) };
    if (typeof candidate.handler === "function") return { kind: "lambda", runtime: fromLambdaHandler<E>(candidate.handler as LambdaHandler) };
  }
  throw new TypeError(
    "createAlexaWorker: `skill` must be a createSkill runtime (with handle), an ask-sdk Skill (with invoke), " +
      `or a Lambda handler function (event, context, callback) or module exporting one as handler; got ${describeValue(skill)}`,
  );
}

export function handlerForSkill<E>(skill: WorkerSkill<E>): AlexaHandler<E> {
  const { kind, runtime } = recognise<E>(skill);
  if (kind !== "runtime") {
    installFetchTracking();
    installArrayHeaderFix();
  }
  return (verified, context) => {
    const waitUntil = (promise: Promise<unknown>) => context.executionContext.waitUntil(promise);
    const run = () =>
      runtime.handle(verified.envelope, {
        env: context.env,
        waitUntil,
        origin: requestUrl(context.request).origin,
        logger: context.logger,
        now: Date.now,
        checks: isLocalDevelopmentRequest(context.request) ? "throw" : "log",
      });
    if (kind === "runtime") return run();
    exposeVarsOnProcessEnv(context.env as object);
    return runInRequestScope({ env: context.env as object, requestUrl: context.request.url, waitUntil, logger: context.logger }, run);
  };
}
