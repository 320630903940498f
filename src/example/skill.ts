/**
 * The example skill, Bedtime Stories, assembled: its handlers in the order they are tried
 * (specific intents and AudioPlayer events first, the catch-all intent last), its error
 * handler, and D1 persistence for the resume point. `createStorySkill()` returns the runtime
 * the Worker calls; see worker-handler.ts for the glue and docs/example-skill.md for a tour.
 */
import { createD1Persistence, createSkill, type SkillRuntime } from "../skill/index.js";
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
import type { StoryWorld } from "./story-world.js";

export function createStorySkill(): SkillRuntime<StoryWorld> {
  return createSkill<StoryWorld>({
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
    persistence: (world) => createD1Persistence({ database: world.bindings.DB }),
  });
}
