/**
 * The spoken side of the example skill: launch (with "welcome back" when a story is paused),
 * help, stop/cancel (AudioPlayer.Stop when a story is playing, so it can be resumed; otherwise
 * goodnight), fallback, the AudioPlayer built-ins this skill does not support (loop, shuffle),
 * any other intent, and SessionEndedRequest (logged; Alexa ignores its answer).
 */
import { handlersFor } from "skillflare/skill";
import { isPlaying, pausePlayback } from "../now-playing.js";
import { loadResumePoint } from "../playback-state.js";
import { speech } from "../speech.js";
import type { StoryBindings } from "../bindings.js";

const { onLaunch, onIntent, onRequest } = handlersFor<StoryBindings>();

export const launchHandler = onLaunch(async (input) => {
  const point = await loadResumePoint(input.attributes.persistent);
  input.responseBuilder.speak(point === undefined ? speech.welcome() : speech.welcomeBack(point.story)).reprompt(speech.whichStory());
});

export const helpHandler = onIntent("AMAZON.HelpIntent", (input) => {
  input.responseBuilder.speak(speech.help()).reprompt(speech.whichStory());
});

export const stopHandler = onIntent(["AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"], (input) => {
  if (isPlaying(input)) {
    pausePlayback(input);
    input.responseBuilder.endSession();
    return;
  }
  input.responseBuilder.speak(speech.goodnight()).endSession();
});

export const fallbackHandler = onIntent("AMAZON.FallbackIntent", (input) => {
  input.responseBuilder.speak(speech.fallback()).reprompt(speech.whichStory());
});

export const unsupportedHandler = onIntent(
  ["AMAZON.LoopOnIntent", "AMAZON.LoopOffIntent", "AMAZON.ShuffleOnIntent", "AMAZON.ShuffleOffIntent"],
  (input) => {
    input.responseBuilder.speak(speech.unsupported()).endSession();
  },
);

/** Last in line: an intent the model has but no handler above took. */
export const otherIntentHandler = onRequest("IntentRequest", (input) => {
  input.logger.log("warn", "unhandled_intent", { intent: input.intentName });
  input.responseBuilder.speak(speech.fallback()).reprompt(speech.whichStory());
});

export const sessionEndedHandler = onRequest("SessionEndedRequest", (input) => {
  const { reason, error } = input.request;
  input.logger.log(error === undefined ? "info" : "warn", "session_ended", { reason, error });
});
