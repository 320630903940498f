/**
 * The device's own buttons (PlaybackController.*): play resumes the saved story (or starts the
 * first one), pause stops and remembers the offset, next and previous move through the
 * catalog. Like AudioPlayer events, these answers may carry AudioPlayer directives only, so
 * "nothing to do" is an empty answer rather than speech.
 */
import { handlersFor } from "skillflare/skill";
import { nextStory, storyBefore, STORIES } from "../catalog.js";
import { currentStory, pausePlayback, resumePlayback, startStory } from "../now-playing.js";
import type { StoryBindings } from "../bindings.js";

const { onRequest } = handlersFor<StoryBindings>();

export const playCommandHandler = onRequest("PlaybackController.PlayCommandIssued", async (input) => {
  if ((await resumePlayback(input)) !== undefined) return;
  const first = STORIES[0];
  if (first !== undefined) await startStory(input, first);
});

export const pauseCommandHandler = onRequest("PlaybackController.PauseCommandIssued", (input) => {
  pausePlayback(input);
});

export const nextCommandHandler = onRequest("PlaybackController.NextCommandIssued", async (input) => {
  const next = nextStory(await currentStory(input));
  if (next !== undefined) await startStory(input, next);
});

export const previousCommandHandler = onRequest("PlaybackController.PreviousCommandIssued", async (input) => {
  const current = await currentStory(input);
  if (current === undefined) return;
  await startStory(input, storyBefore(current.id) ?? current);
});
