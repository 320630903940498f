/**
 * Building the AudioPlayer.Play directive for a story: the stream URL is the story's R2 key
 * under the Worker's `/audio/` route on the request's own host (always https: Alexa fetches
 * nothing else), signed when `AUDIO_URL_SECRET` is set, checked against AudioPlayer's URL
 * rules; the token names the story; the metadata shows the title on screen devices.
 */
import { signAudioUrl } from "../audio/signed-url.js";
import { audioPlayerStreamUrl, audioUrl } from "../audio/urls.js";
import { audioPlay } from "../skill/index.js";
import type { interfaces } from "ask-sdk-model";
import type { Story } from "./catalog.js";
import type { StoryWorld } from "./story-world.js";
import { storyToken } from "./tokens.js";

const SKILL_TITLE = "Bedtime Stories";

/** The https URL Alexa streams `story` from. */
async function storyStreamUrl(world: StoryWorld, story: Story): Promise<string> {
  const url = audioUrl(story.key, { origin: world.origin });
  const secret = world.bindings.AUDIO_URL_SECRET;
  const signed = secret === undefined || secret === "" ? url : await signAudioUrl(url, secret, { nowMs: world.now() });
  return audioPlayerStreamUrl(signed);
}

export type PlayHow =
  | { readonly behavior: "REPLACE_ALL"; readonly offsetInMilliseconds: number }
  | { readonly behavior: "ENQUEUE"; readonly expectedPreviousToken: string };

export async function playStory(world: StoryWorld, story: Story, how: PlayHow): Promise<interfaces.audioplayer.PlayDirective> {
  const stream = {
    url: await storyStreamUrl(world, story),
    token: storyToken(story),
    metadata: { title: story.title, subtitle: SKILL_TITLE },
  };
  return how.behavior === "ENQUEUE"
    ? audioPlay({ ...stream, behavior: "ENQUEUE", expectedPreviousToken: how.expectedPreviousToken, offsetInMilliseconds: 0 })
    : audioPlay({ ...stream, behavior: "REPLACE_ALL", offsetInMilliseconds: how.offsetInMilliseconds });
}
