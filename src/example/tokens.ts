/**
 * AudioPlayer stream tokens for the example skill. Alexa hands the token of the stream it is
 * playing back in every AudioPlayer request and in `context.AudioPlayer`, so the token names
 * the story: `story:<id>`. Parsing is total: a token this skill did not make (or an empty one)
 * gives `undefined`.
 */
import { storyById, type Story } from "./catalog.js";

const PREFIX = "story:";

export function storyToken(story: Story): string {
  return `${PREFIX}${story.id}`;
}

export function storyFromToken(token: string | undefined): Story | undefined {
  if (token === undefined || !token.startsWith(PREFIX)) return undefined;
  return storyById(token.slice(PREFIX.length));
}
