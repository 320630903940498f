/**
 * What is playing, and the actions shared by voice intents and the device's playback buttons:
 * start a story (Play REPLACE_ALL, remembered as the resume point), pause (Stop, remembering
 * the offset Alexa reports in `context.AudioPlayer`), resume (from the stream this device reports
 * when it is one of ours, else from the saved point: docs/resume.md), and find the story the
 * listener is on.
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

/**
 * Where to resume: the stream this device reports in `context.AudioPlayer`, when it is one of
 * our stories and did not finish (Alexa sends the token and offset only to the skill that last
 * played on the device), else the saved resume point. The first costs no storage round trip.
 */
async function resumePointFor(input: Input): Promise<{ story: Story; offsetInMilliseconds: number } | undefined> {
  const state = playerState(input);
  const story = storyFromToken(state?.token);
  if (story !== undefined && state?.playerActivity !== "FINISHED") {
    const offset = state?.offsetInMilliseconds;
    return { story, offsetInMilliseconds: typeof offset === "number" && Number.isFinite(offset) ? Math.max(0, Math.round(offset)) : 0 };
  }
  return loadResumePoint(input.attributes.persistent);
}

/**
 * Plays the story the listener paused, from where it stopped; undefined when there is none.
 * Nothing is saved here: the PlaybackStarted that follows the Play saves the story and offset
 * (on the device that paused, the saved point already holds them).
 */
export async function resumePlayback(input: Input): Promise<Story | undefined> {
  const point = await resumePointFor(input);
  if (point === undefined) return undefined;
  input.responseBuilder.directive(await playStory(input, point.story, { behavior: "REPLACE_ALL", offsetInMilliseconds: point.offsetInMilliseconds }));
  return point.story;
}
