/**
 * AudioPlayer events. Answers carry AudioPlayer directives only, never speech (Alexa rejects
 * anything else), and the answer to PlaybackStopped is empty.
 *   Started / Stopped: remember the story and offset (the resume point, in D1).
 *   NearlyFinished: ENQUEUE the next story after the one playing, naming its token as
 *     expectedPreviousToken, so Alexa plays it only if nothing else was queued meanwhile.
 *   Finished: forget the resume point (if it is still this story's).
 *   Failed: log Alexa's error; the resume point stays, so "resume" can retry.
 */
import { handlersFor } from "skillflare/skill";
import { storyAfter } from "../catalog.js";
import { clearResumePointFor, saveResumePoint } from "../playback-state.js";
import { playStory } from "../play.js";
import type { StoryBindings } from "../bindings.js";
import { storyFromToken } from "../tokens.js";

const { onRequest } = handlersFor<StoryBindings>();

export const playbackPositionHandler = onRequest(["AudioPlayer.PlaybackStarted", "AudioPlayer.PlaybackStopped"], (input) => {
  const { token, offsetInMilliseconds } = input.request;
  const story = storyFromToken(token);
  if (story === undefined || token === undefined) {
    input.logger.log("warn", "foreign_token", { requestType: input.requestType, token });
    return;
  }
  saveResumePoint(input.attributes.persistent, story, token, offsetInMilliseconds ?? 0);
});

export const playbackNearlyFinishedHandler = onRequest("AudioPlayer.PlaybackNearlyFinished", async (input) => {
  const { token } = input.request;
  const current = storyFromToken(token);
  const next = current === undefined ? undefined : storyAfter(current.id);
  if (next === undefined || token === undefined) return;
  input.responseBuilder.directive(await playStory(input, next, { behavior: "ENQUEUE", expectedPreviousToken: token }));
});

export const playbackFinishedHandler = onRequest("AudioPlayer.PlaybackFinished", async (input) => {
  const { token } = input.request;
  if (token !== undefined) await clearResumePointFor(input.attributes.persistent, token);
});

export const playbackFailedHandler = onRequest("AudioPlayer.PlaybackFailed", (input) => {
  const { token, error, currentPlaybackState } = input.request;
  input.logger.log("error", "playback_failed", {
    token,
    errorType: error?.type,
    errorMessage: error?.message,
    offsetInMilliseconds: currentPlaybackState?.offsetInMilliseconds,
  });
});
