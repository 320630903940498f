/**
 * Adapts a skill object to the Worker's handler: a `SkillRuntime` from
 * `createSkill`, or a skill built with the official ask-sdk-core
 * (`SkillBuilders.custom()...create()`, recognised by its `invoke` method and
 * wrapped with `fromAskSdkSkill`). Each request's handlers get its origin, the
 * Worker's logger and the clock. Response checks throw for local development
 * requests (`wrangler dev`, tests; local-development.ts) so a response Alexa
 * would reject fails loudly in development, and only log in production.
 */
import { fromAskSdkSkill, type AskSdkSkill } from "../ask-sdk/skill-adapter.js";
import type { SkillRuntime } from "../skill/create-skill.js";
import type { AlexaHandler } from "./alexa-endpoint.js";
import { isLocalDevelopmentRequest } from "./local-development.js";

export type WorkerSkill<E> = SkillRuntime<E> | AskSdkSkill;

export function handlerForSkill<E>(skill: WorkerSkill<E>): AlexaHandler<E> {
  const runtime: SkillRuntime<E> = "invoke" in skill ? fromAskSdkSkill<E>(skill) : skill;
  return (verified, context) =>
    runtime.handle(verified.envelope, {
      env: context.env,
      waitUntil: (promise) => context.executionContext.waitUntil(promise),
      origin: new URL(context.request.url).origin,
      logger: context.logger,
      now: Date.now,
      checks: isLocalDevelopmentRequest(context.request) ? "throw" : "log",
    });
}
