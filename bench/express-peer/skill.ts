/**
 * The example skill (Bedtime Stories) as an ask-sdk-core skill, as its author would write it
 * for Express: launch (welcome back when a story is paused), play a story from the `story`
 * slot, resume (from the stream the device reports in context.AudioPlayer when it is one of
 * ours and did not finish, else from the saved offset), help, and an error handler. It says
 * the same words and builds the same Play directive as the Worker, from the Worker's own
 * catalog, token, speech and audio URL helpers, so both sides answer the load bench with the
 * same response.
 */
import { getIntentName, getRequestType, getSlot, SkillBuilders, type HandlerInput, type PersistenceAdapter, type Skill } from "ask-sdk-core";
import { audioPlayerStreamUrl, audioUrl } from "../../src/audio/urls.js";
import { storyById, storyBySpokenName, type Story } from "../../src/example/catalog.js";
import { speech } from "../../src/example/speech.js";
import { storyFromToken, storyToken } from "../../src/example/tokens.js";
import { escapeXml } from "../../src/shared/xml-escape.js";

interface Playback {
  storyId: string;
  token: string;
  offsetInMilliseconds: number;
}

const say = (text: string) => escapeXml(text);

async function savedStory(input: HandlerInput): Promise<{ story: Story; offset: number } | undefined> {
  const attributes = await input.attributesManager.getPersistentAttributes();
  const playback = attributes["playback"] as Partial<Playback> | undefined;
  const story = typeof playback?.storyId === "string" ? storyById(playback.storyId) : undefined;
  if (story === undefined || typeof playback?.offsetInMilliseconds !== "number") return undefined;
  return { story, offset: playback.offsetInMilliseconds };
}

function addPlay(input: HandlerInput, origin: string, story: Story, offset: number): void {
  const url = audioPlayerStreamUrl(audioUrl(story.key, { origin }));
  input.responseBuilder
    .addAudioPlayerPlayDirective("REPLACE_ALL", url, storyToken(story), offset, undefined, { title: story.title, subtitle: "Bedtime Stories" })
    .withShouldEndSession(true);
}

async function play(input: HandlerInput, origin: string, story: Story, offset: number): Promise<void> {
  addPlay(input, origin, story, offset);
  const attributes = await input.attributesManager.getPersistentAttributes();
  attributes["playback"] = { storyId: story.id, token: storyToken(story), offsetInMilliseconds: offset } satisfies Playback;
  input.attributesManager.setPersistentAttributes(attributes);
  await input.attributesManager.savePersistentAttributes();
}

/** The device's own stream, when it is one of ours and did not finish: resumed with no storage. */
function reportedStory(input: HandlerInput): { story: Story; offset: number } | undefined {
  const player = input.requestEnvelope.context?.AudioPlayer;
  const story = storyFromToken(player?.token);
  if (story === undefined || player?.playerActivity === "FINISHED") return undefined;
  const offset = player?.offsetInMilliseconds;
  return { story, offset: typeof offset === "number" && Number.isFinite(offset) ? Math.max(0, Math.round(offset)) : 0 };
}

const isIntent = (input: HandlerInput, name: string) =>
  getRequestType(input.requestEnvelope) === "IntentRequest" && getIntentName(input.requestEnvelope) === name;

/** `origin`: where the peer listens, for audio URLs (the Worker uses the request's origin). */
export function createPeerSkill(persistenceAdapter: PersistenceAdapter, origin: string): Skill {
  return SkillBuilders.custom()
    .addRequestHandlers(
      {
        canHandle: (input) => getRequestType(input.requestEnvelope) === "LaunchRequest",
        handle: async (input) => {
          const saved = await savedStory(input);
          const text = saved === undefined ? speech.welcome() : speech.welcomeBack(saved.story);
          return input.responseBuilder.speak(say(text)).reprompt(say(speech.whichStory())).getResponse();
        },
      },
      {
        canHandle: (input) => isIntent(input, "PlayStoryIntent"),
        handle: async (input) => {
          const slot = getSlot(input.requestEnvelope, "story");
          const resolved = slot?.resolutions?.resolutionsPerAuthority?.[0]?.values?.[0]?.value;
          const story = storyById(resolved?.id) ?? storyBySpokenName(resolved?.name) ?? storyBySpokenName(slot?.value);
          if (story === undefined) {
            return input.responseBuilder.speak(say(speech.unknownStory(slot?.value))).reprompt(say(speech.whichStory())).getResponse();
          }
          input.responseBuilder.speak(say(speech.nowPlaying(story)));
          await play(input, origin, story, 0);
          return input.responseBuilder.getResponse();
        },
      },
      {
        canHandle: (input) => isIntent(input, "AMAZON.ResumeIntent"),
        handle: async (input) => {
          const reported = reportedStory(input);
          if (reported !== undefined) {
            addPlay(input, origin, reported.story, reported.offset);
            return input.responseBuilder.getResponse();
          }
          const saved = await savedStory(input);
          if (saved === undefined) return input.responseBuilder.speak(say(speech.nothingToResume())).reprompt(say(speech.whichStory())).getResponse();
          await play(input, origin, saved.story, saved.offset);
          return input.responseBuilder.getResponse();
        },
      },
      {
        canHandle: (input) => isIntent(input, "AMAZON.HelpIntent"),
        handle: (input) => input.responseBuilder.speak(say(speech.help())).reprompt(say(speech.whichStory())).getResponse(),
      },
    )
    .addErrorHandlers({
      canHandle: () => true,
      handle: (input, error) => {
        console.error("peer skill error", error);
        return input.responseBuilder.speak("Sorry, something went wrong.").getResponse();
      },
    })
    .withPersistenceAdapter(persistenceAdapter)
    .create();
}
