/**
 * The story intents: PlayStoryIntent (the `story` slot, by entity-resolution id first, then by
 * what was said; an unknown story gets the list and a reprompt), and the AudioPlayer built-ins
 * pause, resume (REPLACE_ALL from the saved offset), next, previous, start over and repeat.
 */
import { handlersFor, type HandlerInput } from "skillflare/skill";
import { nextStory, storyBefore, storyById, storyBySpokenName } from "../catalog.js";
import { currentStory, pausePlayback, resumePlayback, startStory } from "../now-playing.js";
import { speech } from "../speech.js";
import type { StoryBindings } from "../bindings.js";

const { onIntent } = handlersFor<StoryBindings>();

const STORY_SLOT = "story";

export const playStoryHandler = onIntent("PlayStoryIntent", async (input) => {
  const resolved = input.slots.resolved(STORY_SLOT);
  const heard = input.slots.value(STORY_SLOT);
  const story = storyById(resolved?.id) ?? storyBySpokenName(resolved?.name) ?? storyBySpokenName(heard);
  if (story === undefined) {
    input.logger.log("info", "unknown_story", { heard });
    input.responseBuilder.speak(speech.unknownStory(heard)).reprompt(speech.whichStory());
    return;
  }
  input.responseBuilder.speak(speech.nowPlaying(story));
  await startStory(input, story);
});

export const pauseHandler = onIntent("AMAZON.PauseIntent", (input) => {
  pausePlayback(input);
  input.responseBuilder.endSession();
});

export const resumeHandler = onIntent("AMAZON.ResumeIntent", async (input) => {
  if ((await resumePlayback(input)) === undefined) {
    input.responseBuilder.speak(speech.nothingToResume()).reprompt(speech.whichStory());
  }
});

function askWhichStory(input: HandlerInput<StoryBindings>): void {
  input.responseBuilder.speak(speech.whichStory()).reprompt(speech.whichStory());
}

export const nextHandler = onIntent("AMAZON.NextIntent", async (input) => {
  const next = nextStory(await currentStory(input));
  if (next === undefined) {
    input.responseBuilder.speak(speech.lastStory()).endSession();
    return;
  }
  input.responseBuilder.speak(speech.nowPlaying(next));
  await startStory(input, next);
});

export const previousHandler = onIntent("AMAZON.PreviousIntent", async (input) => {
  const current = await currentStory(input);
  if (current === undefined) return askWhichStory(input);
  const previous = storyBefore(current.id);
  input.responseBuilder.speak(previous === undefined ? speech.firstStory(current) : speech.nowPlaying(previous));
  await startStory(input, previous ?? current);
});

export const startOverHandler = onIntent(["AMAZON.StartOverIntent", "AMAZON.RepeatIntent"], async (input) => {
  const current = await currentStory(input);
  if (current === undefined) return askWhichStory(input);
  await startStory(input, current);
});
