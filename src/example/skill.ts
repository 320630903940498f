/**
 * The example skill, Bedtime Stories, assembled: its handlers in the order they are tried
 * (specific intents and AudioPlayer events first, the catch-all intent last), its error
 * handler, and D1 persistence for the resume point. `createStorySkill()` returns the runtime
 * src/worker.ts hands to `createAlexaWorker({ skill })`; docs/example-skill.md gives a tour.
 */
import { createD1Persistence, createSkill, type SkillRuntime } from "skillflare/skill";
import {
  playbackFailedHandler,
  playbackFinishedHandler,
  playbackNearlyFinishedHandler,
  playbackPositionHandler,
} from "./handlers/audio-events.js";
import {
  fallbackHandler,
  helpHandler,
  launchHandler,
  otherIntentHandler,
  sessionEndedHandler,
  stopHandler,
  unsupportedHandler,
} from "./handlers/conversation.js";
import { apologiseOnError, skillEventHandler } from "./handlers/events-and-errors.js";
import {
  nextCommandHandler,
  pauseCommandHandler,
  playCommandHandler,
  previousCommandHandler,
} from "./handlers/playback-controller.js";
import {
  nextHandler,
  pauseHandler,
  playStoryHandler,
  previousHandler,
  resumeHandler,
  startOverHandler,
} from "./handlers/story-intents.js";
import type { StoryBindings } from "./bindings.js";

export function createStorySkill(): SkillRuntime<StoryBindings> {
  return createSkill<StoryBindings>({
    handlers: [
      launchHandler,
      playStoryHandler,
      pauseHandler,
      resumeHandler,
      nextHandler,
      previousHandler,
      startOverHandler,
      helpHandler,
      stopHandler,
      fallbackHandler,
      unsupportedHandler,
      otherIntentHandler,
      playbackPositionHandler,
      playbackNearlyFinishedHandler,
      playbackFinishedHandler,
      playbackFailedHandler,
      playCommandHandler,
      pauseCommandHandler,
      nextCommandHandler,
      previousCommandHandler,
      sessionEndedHandler,
      skillEventHandler,
    ],
    errorHandlers: [apologiseOnError],
    persistence: (env) => createD1Persistence({ database: env.DB }),
  });
}
