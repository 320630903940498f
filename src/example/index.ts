/**
 * The example skill, Bedtime Stories: a story catalog, the skill runtime built from it, and
 * the Worker handler that runs it. src/worker.ts wires this handler and the audio route
 * into the deployed Worker.
 */
export { STORIES, storyById, storyBySpokenName, type Story } from "./catalog.js";
export { createStorySkill } from "./skill.js";
export { storySkillHandler } from "./worker-handler.js";
export { storyToken, storyFromToken } from "./tokens.js";
export { PLAYBACK_ATTRIBUTE, type SavedPlayback } from "./playback-state.js";
export type { StoryBindings, StoryWorld } from "./story-world.js";
