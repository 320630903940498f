/**
 * Adapts a skill object to the Worker's handler: a `SkillRuntime` from
 * `createSkill`, or a skill built with the official ask-sdk-core
 * (`SkillBuilders.custom()...create()`, recognised by its `invoke` method and
 * wrapped with `fromAskSdkSkill`). Response checks throw for loopback requests
 * (`wrangler dev`, tests) so a response Alexa would reject fails loudly in
 * development, and only log in production.
 */
import { fromAskSdkSkill, type AskSdkSkill } from "../ask-sdk/skill-adapter.js";
import type { SkillRuntime } from "../skill/create-skill.js";
import type { AlexaHandler } from "./alexa-endpoint.js";
import { isLoopbackRequest } from "./dev-trust.js";

export type WorkerSkill<E> = SkillRuntime<E> | AskSdkSkill;

export function handlerForSkill<E>(skill: WorkerSkill<E>): AlexaHandler<E> {
  const runtime: SkillRuntime<E> = "invoke" in skill ? fromAskSdkSkill<E>(skill) : skill;
  return (verified, context) =>
    runtime.handle(verified.envelope, {
      env: context.env,
      waitUntil: (promise) => context.executionContext.waitUntil(promise),
      checks: isLoopbackRequest(context.request) ? "throw" : "log",
    });
}
