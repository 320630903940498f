// A skill built with the real ask-sdk-core runs in workerd behind the same SkillRuntime
// interface, with the response checks applied and a fetch-based ApiClient for its services.
import { getRequestType, SkillBuilders, type HandlerInput as AskHandlerInput } from "ask-sdk-core";
import { describe, expect, it } from "vitest";
import { createFetchApiClient, fromAskSdkSkill } from "../../src/ask-sdk/index.js";
import { ResponseCheckError, type FetchLike } from "../../src/skill/index.js";
import { API_ENDPOINT, API_TOKEN, audioPlayerEnvelope, collectingContext, intentEnvelope, launchEnvelope } from "../skill/fixtures.js";

const sources = import.meta.glob("../../src/skill/**/*.ts", { query: "?raw", import: "default", eager: true });

function buildAskSkill() {
  return SkillBuilders.custom()
    .addRequestHandlers(
      {
        canHandle: (input: AskHandlerInput) => getRequestType(input.requestEnvelope) === "LaunchRequest",
        handle: (input: AskHandlerInput) => {
          const attributes = input.attributesManager.getSessionAttributes();
          input.attributesManager.setSessionAttributes({ ...attributes, launched: true });
          return input.responseBuilder.speak("Welcome from the ASK SDK").reprompt("Say hello").getResponse();
        },
      },
      {
        canHandle: (input: AskHandlerInput) => getRequestType(input.requestEnvelope) === "AudioPlayer.PlaybackStarted",
        handle: (input: AskHandlerInput) => input.responseBuilder.speak("not allowed here").getResponse(),
      },
      {
        canHandle: (input: AskHandlerInput) => getRequestType(input.requestEnvelope) === "IntentRequest",
        handle: async (input: AskHandlerInput) => {
          const client = input.serviceClientFactory?.getDirectiveServiceClient();
          await client?.enqueue({ header: { requestId: input.requestEnvelope.request.requestId }, directive: { type: "VoicePlayer.Speak", speech: "<speak>wait</speak>" } });
          return input.responseBuilder.speak("done").getResponse();
        },
      },
    )
    .withApiClient(createFetchApiClient(async (url, init) => fetchLog.record(url, init)))
    .create();
}

const fetchLog = {
  calls: [] as { url: string; init: RequestInit }[],
  record(url: string, init: RequestInit): Response {
    this.calls.push({ url, init });
    return new Response(null, { status: 204 });
  },
};

describe("ask-sdk-core compatibility", () => {
  it("runs an ask-sdk-core skill and returns its response envelope", async () => {
    const runtime = fromAskSdkSkill(buildAskSkill(), { checks: "throw" });
    const result = await runtime.handle(launchEnvelope({ sessionAttributes: { visits: 1 } }), collectingContext());
    expect(result.response).toEqual({
      outputSpeech: { type: "SSML", ssml: "<speak>Welcome from the ASK SDK</speak>" },
      reprompt: { outputSpeech: { type: "SSML", ssml: "<speak>Say hello</speak>" } },
      shouldEndSession: false,
    });
    expect(result.sessionAttributes).toEqual({ visits: 1, launched: true });
    expect(result.userAgent).toMatch(/^ask-node\/2\.14\.0 Node\//);
  });

  it("applies the response checks to the SDK's responses", async () => {
    const runtime = fromAskSdkSkill(buildAskSkill(), { checks: "throw" });
    await expect(runtime.handle(audioPlayerEnvelope("AudioPlayer.PlaybackStarted"), collectingContext())).rejects.toBeInstanceOf(ResponseCheckError);
  });

  it("calls Alexa services through the fetch-based ApiClient", async () => {
    fetchLog.calls.length = 0;
    const runtime = fromAskSdkSkill(buildAskSkill());
    await runtime.handle(intentEnvelope("AnyIntent", {}, { requestId: "amzn1.echo-api.request.ask" }), collectingContext());
    expect(fetchLog.calls).toHaveLength(1);
    const [call] = fetchLog.calls;
    expect(call?.url).toBe(`${API_ENDPOINT}/v1/directives`);
    expect(new Headers(call?.init.headers).get("authorization")).toBe(`Bearer ${API_TOKEN}`);
    expect(JSON.parse(String(call?.init.body))).toEqual({ header: { requestId: "amzn1.echo-api.request.ask" }, directive: { type: "VoicePlayer.Speak", speech: "<speak>wait</speak>" } });
  });

  it("lets the SDK's own errors through (no handler matched)", async () => {
    const runtime = fromAskSdkSkill(SkillBuilders.custom().create());
    await expect(runtime.handle(launchEnvelope(), collectingContext())).rejects.toThrow(/Unable to find a suitable request handler/);
  });

  it("keeps ask-sdk-core out of the runtime's imports (types from ask-sdk-model only)", () => {
    const files = Object.entries(sources as Record<string, string>);
    expect(files.length).toBeGreaterThan(20);
    for (const [path, text] of files) {
      expect(text, path).not.toMatch(/from\s+["']ask-sdk-core["']|require\(["']ask-sdk-core["']\)/);
      for (const match of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+["']ask-sdk-model["']/gm)) expect(match[1], `${path}: ${match[0]}`).toBe("type ");
    }
  });
});
