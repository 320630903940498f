/**
 * Building the AudioPlayer.Play directive for a story: the stream URL is the story's R2 key
 * under the Worker's `/audio/` route on the request's own host (always https: Alexa fetches
 * nothing else), signed when `AUDIO_URL_SECRET` is set, checked against AudioPlayer's URL
 * rules; the token names the story; the metadata shows the title on screen devices.
 */
import type { interfaces } from "ask-sdk-model";
import { audioPlayerStreamUrl, audioUrl, signAudioUrl } from "skillflare/audio";
import { audioPlay, type HandlerInput } from "skillflare/skill";
import type { StoryBindings } from "./bindings.js";
import type { Story } from "./catalog.js";
import { storyToken } from "./tokens.js";

const SKILL_TITLE = "Bedtime Stories";

/** What playing a story needs from the handler input: the bindings, the origin, the clock. */
type PlayContext = Pick<HandlerInput<StoryBindings>, "env" | "origin" | "now">;

/** The https URL Alexa streams `story` from. */
async function storyStreamUrl(input: PlayContext, story: Story): Promise<string> {
  const url = audioUrl(story.key, input);
  const secret = input.env.AUDIO_URL_SECRET;
  const signed = secret === undefined || secret === "" ? url : await signAudioUrl(url, secret, { nowMs: input.now() });
  return audioPlayerStreamUrl(signed);
}

export type PlayHow =
  | { readonly behavior: "REPLACE_ALL"; readonly offsetInMilliseconds: number }
  | { readonly behavior: "ENQUEUE"; readonly expectedPreviousToken: string };

export async function playStory(input: PlayContext, story: Story, how: PlayHow): Promise<interfaces.audioplayer.PlayDirective> {
  const stream = {
    url: await storyStreamUrl(input, story),
    token: storyToken(story),
    metadata: { title: story.title, subtitle: SKILL_TITLE },
  };
  return how.behavior === "ENQUEUE"
    ? audioPlay({ ...stream, behavior: "ENQUEUE", expectedPreviousToken: how.expectedPreviousToken, offsetInMilliseconds: 0 })
    : audioPlay({ ...stream, behavior: "REPLACE_ALL", offsetInMilliseconds: how.offsetInMilliseconds });
}
