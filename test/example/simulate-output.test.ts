/**
 * What `npm run simulate` prints (cli/simulate-render.ts) and how it resolves slots against the
 * interaction model (cli/simulate-model.ts), plus the check that the committed interaction
 * model and the example skill's catalog agree on every story id and name.
 */
import type { ResponseEnvelope } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import { languageModelOf, resolveSlotsWithModel, unknownToModel } from "../../cli/simulate-model.js";
import { directiveLine, renderResponse, ssmlToText } from "../../cli/simulate-render.js";
import { STORIES, storyBySpokenName } from "../../src/example/index.js";
import interactionModel from "../../skill-package/interactionModels/custom/en-US.json";

describe("ssmlToText", () => {
  it("drops tags, decodes entities once, shows audio and breaks, collapses space", () => {
    expect(ssmlToText("<speak>Tom &amp; Jerry&apos;s <emphasis level=\"strong\">big</emphasis>&#33;</speak>")).toBe("Tom & Jerry's big!");
    expect(ssmlToText('<speak>Hi<break time="1s"/>there <audio src="https://a.example/x.mp3?a=1&amp;b=2"/> end</speak>')).toBe(
      "Hi there [audio https://a.example/x.mp3?a=1&b=2] end",
    );
    expect(ssmlToText("<speak>&amp;lt;</speak>")).toBe("&lt;");
  });
});

describe("renderResponse", () => {
  it("prints speech, reprompt, card, directives and the session outcome", () => {
    const envelope: ResponseEnvelope = {
      version: "1.0",
      response: {
        outputSpeech: { type: "SSML", ssml: "<speak>Here is The Sleepy Dragon.</speak>" },
        reprompt: { outputSpeech: { type: "PlainText", text: "Which one?" } },
        card: { type: "Simple", title: "Bedtime", content: "Dragon" },
        directives: [
          {
            type: "AudioPlayer.Play",
            playBehavior: "ENQUEUE",
            audioItem: { stream: { url: "https://h/audio/a.mp3", token: "b", offsetInMilliseconds: 0, expectedPreviousToken: "a" } },
          },
          { type: "AudioPlayer.Stop" },
          { type: "AudioPlayer.ClearQueue", clearBehavior: "CLEAR_ALL" },
          { type: "Dialog.Delegate" },
        ],
        shouldEndSession: false,
      },
      sessionAttributes: { step: 2 },
    };
    expect(renderResponse(envelope)).toEqual([
      "speech:    Here is The Sleepy Dragon.",
      "reprompt:  Which one?",
      "card:      Bedtime: Dragon",
      "directive: AudioPlayer.Play ENQUEUE https://h/audio/a.mp3 token=b offset=0 expectedPreviousToken=a",
      "directive: AudioPlayer.Stop",
      "directive: AudioPlayer.ClearQueue CLEAR_ALL",
      "directive: Dialog.Delegate",
      "session:   stays open (Alexa listens)",
      'attributes: {"step":2}',
    ]);
  });

  it("says so when the response is empty", () => {
    expect(renderResponse({ version: "1.0", response: {} })).toEqual([
      "(empty response: nothing said, nothing played)",
      "session:   not set",
    ]);
    expect(renderResponse({ version: "1.0", response: { shouldEndSession: true } })[1]).toBe("session:   ends");
  });

  it("shows an unknown directive with its fields", () => {
    expect(directiveLine({ type: "Custom.Thing", x: 1 } as never)).toBe('Custom.Thing {"x":1}');
  });
});

describe("entity resolution from the interaction model", () => {
  const model = languageModelOf(interactionModel);

  it("matches values and synonyms case-insensitively to the value's id and canonical name", () => {
    const request = resolveSlotsWithModel({ type: "IntentRequest", intent: "PlayStoryIntent", slots: { story: "Sleepy  Dragon" } }, model);
    expect(request).toEqual({
      type: "IntentRequest",
      intent: "PlayStoryIntent",
      slots: { story: { value: "Sleepy  Dragon", resolved: { id: "dragons", name: "the sleepy dragon" }, slotType: "STORY" } },
    });
  });

  it("reports no match for other values, and leaves unknown intents, slots and non-intents alone", () => {
    const miss = resolveSlotsWithModel({ type: "IntentRequest", intent: "PlayStoryIntent", slots: { story: "unicorns" } }, model);
    expect(miss).toMatchObject({ slots: { story: { value: "unicorns", resolved: "no-match", slotType: "STORY" } } });
    const other = { type: "IntentRequest", intent: "OtherIntent", slots: { story: "moon" } } as const;
    expect(resolveSlotsWithModel(other, model)).toEqual(other);
    expect(resolveSlotsWithModel({ type: "LaunchRequest" }, model)).toEqual({ type: "LaunchRequest" });
    expect(resolveSlotsWithModel(other, undefined)).toEqual(other);
    expect(languageModelOf({ nope: true })).toBeUndefined();
  });

  it("warns about intents and slots the model does not have", () => {
    expect(unknownToModel({ type: "IntentRequest", intent: "OtherIntent" }, model)).toEqual(["intent OtherIntent is not in the interaction model"]);
    expect(unknownToModel({ type: "IntentRequest", intent: "PlayStoryIntent", slots: { tale: "x" } }, model)).toEqual([
      "slot tale is not a slot of PlayStoryIntent",
    ]);
    expect(unknownToModel({ type: "IntentRequest", intent: "AMAZON.PauseIntent" }, model)).toEqual([]);
  });
});

describe("the committed interaction model and the story catalog", () => {
  const model = languageModelOf(interactionModel);
  const storyType = model?.types?.find((type) => type.name === "STORY");

  it("has a STORY value for every story, with the story's id", () => {
    expect(storyType?.values.map((value) => value.id).sort()).toEqual(STORIES.map((story) => story.id).sort());
  });

  it("resolves every value and synonym, through the catalog too, to the same story", () => {
    for (const value of storyType?.values ?? []) {
      for (const name of [value.name.value, ...(value.name.synonyms ?? [])]) {
        expect(storyBySpokenName(name)?.id, name).toBe(value.id);
      }
    }
  });

  it("has PlayStoryIntent with the story slot and the built-ins an AudioPlayer skill must handle", () => {
    const names = model?.intents.map((intent) => intent.name) ?? [];
    for (const required of ["AMAZON.PauseIntent", "AMAZON.ResumeIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.FallbackIntent"]) {
      expect(names).toContain(required);
    }
    expect(model?.intents.find((intent) => intent.name === "PlayStoryIntent")?.slots).toEqual([{ name: "story", type: "STORY" }]);
  });
});
