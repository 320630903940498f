/**
 * Skill lifecycle events (AlexaSkillEvent.*: enabled, disabled, permissions...) are logged and
 * answered with an empty response. The error handler logs what went wrong and apologises,
 * but only where speech is allowed: requests outside a session (AudioPlayer, playback
 * buttons, events) get an empty response instead.
 */
import { handlersFor } from "skillflare/skill";
import { speech } from "../speech.js";
import type { StoryBindings } from "../bindings.js";

const { onRequest, onError } = handlersFor<StoryBindings>();

export const skillEventHandler = onRequest("AlexaSkillEvent.*", (input) => {
  input.logger.log("info", "skill_event", { requestType: input.requestType, userId: input.userId });
});

export const apologiseOnError = onError((input, error) => {
  input.logger.log("error", "handler_failed", {
    requestType: input.requestType,
    intent: input.intentName,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  if (input.session !== undefined) input.responseBuilder.speak(speech.problem()).endSession();
});
