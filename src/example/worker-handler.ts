/**
 * Glue between the Worker and the example skill: for each verified request it builds the
 * skill's world (bindings, the request's origin for audio URLs, the Worker's logger) and
 * runs the skill. Response checks throw on loopback requests (`wrangler dev`, tests), so a
 * response Alexa would reject fails loudly during development, and only log in production.
 */
import type { AlexaHandler } from "../http/alexa-endpoint.js";
import { isLoopbackRequest } from "../http/dev-trust.js";
import type { SkillRuntime } from "../skill/index.js";
import { createStorySkill } from "./skill.js";
import type { StoryBindings, StoryWorld } from "./story-world.js";

export function storySkillHandler<E extends StoryBindings>(skill: SkillRuntime<StoryWorld> = createStorySkill()): AlexaHandler<E> {
  return (verified, context) =>
    skill.handle(verified.envelope, {
      env: { bindings: context.env, origin: new URL(context.request.url).origin, log: context.logger, now: Date.now },
      waitUntil: (promise) => context.executionContext.waitUntil(promise),
      checks: isLoopbackRequest(context.request) ? "throw" : "log",
    });
}
