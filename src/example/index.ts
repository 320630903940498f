/**
 * The example skill, Bedtime Stories: a story catalog and the skill runtime built from it.
 * src/worker.ts hands the skill and the audio route to `createAlexaWorker`.
 */
export { STORIES, storyById, storyBySpokenName, type Story } from "./catalog.js";
export { createStorySkill } from "./skill.js";
export { storyToken, storyFromToken } from "./tokens.js";
export { PLAYBACK_ATTRIBUTE, type SavedPlayback } from "./playback-state.js";
export type { StoryBindings } from "./bindings.js";
