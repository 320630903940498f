/**
 * What is playing, and the actions shared by voice intents and the device's playback buttons:
 * start a story (Play REPLACE_ALL, remembered as the resume point), pause (Stop, remembering
 * the offset Alexa reports in `context.AudioPlayer`), and find the story the listener is on.
 * Only directives are added here; whether to speak is the caller's choice, because answers to
 * PlaybackController requests must carry AudioPlayer directives only.
 */
import type { interfaces } from "ask-sdk-model";
import { audioStop, type HandlerInput } from "skillflare/skill";
import type { Story } from "./catalog.js";
import { loadResumePoint, saveResumePoint } from "./playback-state.js";
import { playStory } from "./play.js";
import type { StoryBindings } from "./bindings.js";
import { storyFromToken, storyToken } from "./tokens.js";

type Input = HandlerInput<StoryBindings>;

function playerState(input: Input): interfaces.audioplayer.AudioPlayerState | undefined {
  return input.envelope.context?.AudioPlayer;
}

export function isPlaying(input: Input): boolean {
  return playerState(input)?.playerActivity === "PLAYING";
}

/** The story Alexa says it is on (context.AudioPlayer token), else the saved resume point's. */
export async function currentStory(input: Input): Promise<Story | undefined> {
  return storyFromToken(playerState(input)?.token) ?? (await loadResumePoint(input.attributes.persistent))?.story;
}

export async function startStory(input: Input, story: Story, offsetInMilliseconds = 0): Promise<void> {
  input.responseBuilder.directive(await playStory(input, story, { behavior: "REPLACE_ALL", offsetInMilliseconds }));
  saveResumePoint(input.attributes.persistent, story, storyToken(story), offsetInMilliseconds);
}

/** Stops playback; remembers where, when Alexa told us (PlaybackStopped will confirm it). */
export function pausePlayback(input: Input): void {
  const state = playerState(input);
  const story = storyFromToken(state?.token);
  if (story !== undefined && state?.token !== undefined) {
    saveResumePoint(input.attributes.persistent, story, state.token, state.offsetInMilliseconds ?? 0);
  }
  input.responseBuilder.directive(audioStop());
}

/** Plays the saved story from its saved offset; undefined when nothing is saved. */
export async function resumePlayback(input: Input): Promise<Story | undefined> {
  const point = await loadResumePoint(input.attributes.persistent);
  if (point === undefined) return undefined;
  await startStory(input, point.story, point.offsetInMilliseconds);
  return point.story;
}
