// Response checks: every rule throws a ResponseCheckError in "throw" mode and is logged (the
// response still goes out) in "log" mode.
import type { RequestEnvelope } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import {
  aplRenderDocument,
  audioPlay,
  audioStop,
  checkResponse,
  createSkill,
  delegate,
  directive,
  elicitSlot,
  ResponseBuilder,
  ResponseCheckError,
  simpleCard,
  ssml,
  type HandlerInput,
  type ResponseCheckRule,
  type SkillLogger,
} from "../../src/skill/index.js";
import { audioPlayerEnvelope, collectingContext, intentEnvelope, launchEnvelope, playbackControllerEnvelope } from "./fixtures.js";

type Build = (input: HandlerInput) => void;

interface Case {
  rule: ResponseCheckRule;
  envelope: RequestEnvelope;
  build: Build;
}

const https = (name: string) => `https://cdn.example/${name}.mp3`;
const rawPlay = (playBehavior: string, stream: Record<string, unknown>) =>
  directive("AudioPlayer.Play", { playBehavior, audioItem: { stream: { url: https("a"), token: "a", offsetInMilliseconds: 0, ...stream } } });

const cases: Case[] = [
  { rule: "response-too-large", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.directive(aplRenderDocument({ document: { type: "APL" }, datasources: { blob: "x".repeat(121_000) } })) },
  { rule: "speech-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.speak("a".repeat(8_001)) },
  { rule: "card-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.card(simpleCard("title", "x".repeat(7_996))) },
  { rule: "audio-src-not-https", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.speak(ssml.audio("http://cdn.example/a.mp3")) },
  { rule: "audio-clip-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.speak(ssml.audio(https("a"), { seconds: 241 })) },
  { rule: "speech-audio-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.speak(ssml`${ssml.audio(https("a"), { seconds: 130 })}${ssml.audio(https("b"), { seconds: 120 })}`) },
  { rule: "reprompt-audio-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.speak("hi").reprompt(ssml`${ssml.audio(https("a"), { seconds: 50 })}${ssml.audio(https("b"), { seconds: 45 })}`) },
  { rule: "content-in-playback-response", envelope: audioPlayerEnvelope("AudioPlayer.PlaybackStarted"), build: (i) => void i.responseBuilder.speak("Now playing") },
  { rule: "content-in-playback-response", envelope: playbackControllerEnvelope(), build: (i) => void i.responseBuilder.card(simpleCard("Next", "track")) },
  { rule: "directive-in-playback-response", envelope: audioPlayerEnvelope("AudioPlayer.PlaybackNearlyFinished"), build: (i) => void i.responseBuilder.directive(aplRenderDocument({ document: { type: "APL" } })) },
  { rule: "playback-stopped-not-empty", envelope: audioPlayerEnvelope("AudioPlayer.PlaybackStopped"), build: (i) => void i.responseBuilder.directive(audioStop()) },
  { rule: "multiple-play-directives", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.directive(audioPlay({ url: https("a"), token: "a" })).directive(audioPlay({ url: https("b"), token: "b" })) },
  { rule: "play-url-not-https", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.directive(audioPlay({ url: "http://cdn.example/a.mp3", token: "a" })) },
  { rule: "play-url-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.directive(audioPlay({ url: `https://cdn.example/${"a".repeat(8_000)}`, token: "a" })) },
  { rule: "play-token-too-long", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.directive(audioPlay({ url: https("a"), token: "t".repeat(1_025) })) },
  { rule: "enqueue-without-previous-token", envelope: audioPlayerEnvelope("AudioPlayer.PlaybackNearlyFinished"), build: (i) => void i.responseBuilder.directive(rawPlay("ENQUEUE", {})) },
  { rule: "previous-token-without-enqueue", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.directive(rawPlay("REPLACE_ALL", { expectedPreviousToken: "z" })) },
  { rule: "dialog-outside-intent-request", envelope: launchEnvelope(), build: (i) => void i.responseBuilder.speak("Which date?").directive(elicitSlot("date")) },
  { rule: "dialog-ends-session", envelope: intentEnvelope("BookIntent"), build: (i) => void i.responseBuilder.speak("Which date?").directive(elicitSlot("date")).endSession(true) },
  { rule: "delegate-with-speech", envelope: intentEnvelope("BookIntent"), build: (i) => void i.responseBuilder.speak("Let me ask").directive(delegate()) },
];

function recordingLogger() {
  const events: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  const logger: SkillLogger = { log: (level, event, fields = {}) => void events.push({ level, event, fields: { ...fields } }) };
  return { logger, events };
}

function skillFor(build: Build, logger: SkillLogger) {
  return createSkill({ handlers: [{ canHandle: () => true, handle: build }], logger });
}

describe.each(cases)("rule $rule ($envelope.request.type)", ({ rule, envelope, build }) => {
  it("throws a ResponseCheckError naming the rule in throw mode", async () => {
    const { logger, events } = recordingLogger();
    const error = await skillFor(build, logger).handle(envelope, collectingContext({}, { checks: "throw" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseCheckError);
    const failures = (error as ResponseCheckError).failures;
    expect(failures.map((f) => f.rule)).toContain(rule);
    expect((error as Error).message).toContain(`[${rule}]`);
    expect(events).toEqual([]);
  });

  it("logs the rule and still answers in log mode", async () => {
    const { logger, events } = recordingLogger();
    const result = await skillFor(build, logger).handle(envelope, collectingContext({}, { checks: "log" }));
    expect(result.version).toBe("1.0");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ level: "warn", event: "response_check_failed", fields: { requestType: envelope.request.type } });
    expect(events[0]?.fields.rules).toContain(rule);
  });
});

describe("check modes and scope", () => {
  const good: Build = (i) => void i.responseBuilder.speak(ssml`Hello ${ssml.audio(https("a"), { seconds: 200 })}`).reprompt(ssml.audio(https("b"), { seconds: 90 }));

  it("passes a response within every limit", async () => {
    const { logger, events } = recordingLogger();
    await expect(skillFor(good, logger).handle(launchEnvelope(), collectingContext({}, { checks: "throw" }))).resolves.toBeDefined();
    expect(events).toEqual([]);
  });

  it("does nothing in off mode, and the skill's mode applies unless the request overrides it", async () => {
    const bad: Build = (i) => void i.responseBuilder.speak("a".repeat(8_001));
    const { logger, events } = recordingLogger();
    const strict = createSkill({ handlers: [{ canHandle: () => true, handle: bad }], checks: "throw", logger });
    await expect(strict.handle(launchEnvelope(), collectingContext())).rejects.toBeInstanceOf(ResponseCheckError);
    await expect(strict.handle(launchEnvelope(), collectingContext({}, { checks: "off" }))).resolves.toBeDefined();
    expect(events).toEqual([]);
  });

  it("counts only durations that were stated, and only for clips still in the final speech", async () => {
    const unknownLength: Build = (i) => void i.responseBuilder.speak(ssml.raw(`<audio src="${https("long")}"/><audio src='${https("longer")}'/>`));
    const { logger } = recordingLogger();
    await expect(skillFor(unknownLength, logger).handle(launchEnvelope(), collectingContext({}, { checks: "throw" }))).resolves.toBeDefined();
    const rewritten = createSkill({
      handlers: [{ canHandle: () => true, handle: (i) => void i.responseBuilder.speak(ssml.audio(https("a"), { seconds: 300 })) }],
      responseInterceptors: [(_i, response) => void (response.outputSpeech = { type: "SSML", ssml: "<speak>short</speak>" })],
      checks: "throw",
    });
    await expect(rewritten.handle(launchEnvelope(), collectingContext())).resolves.toBeDefined();
  });

  it("accepts intent chaining: a Delegate to another intent from a LaunchRequest, with speech first (as the public zero-to-hero samples do)", () => {
    const chain = directive("Dialog.Delegate", { updatedIntent: { name: "RegisterBirthdayIntent", confirmationStatus: "NONE", slots: {} } });
    const speech = { type: "SSML" as const, ssml: "<speak>Let's register your birthday.</speak>" };
    expect(checkResponse(launchEnvelope().request, { version: "1.0", response: { outputSpeech: speech, directives: [chain as never] } })).toEqual([]);
    const sameIntent = directive("Dialog.Delegate", { updatedIntent: { name: "BookIntent", confirmationStatus: "NONE", slots: {} } });
    expect(checkResponse(intentEnvelope("BookIntent").request, { version: "1.0", response: { outputSpeech: speech, directives: [sameIntent as never] } }).map((f) => f.rule)).toEqual(["delegate-with-speech"]);
  });

  it("counts the response in UTF-8 bytes: 41,000 three-byte characters are over 120,000, 110,000 ASCII ones are not", () => {
    const withBlob = (blob: string) => {
      const { response } = new ResponseBuilder().directive(aplRenderDocument({ document: { type: "APL" }, datasources: { blob } })).build({ requestHasSession: true });
      return checkResponse(launchEnvelope().request, { version: "1.0", response }).map((f) => f.rule);
    };
    expect(withBlob("€".repeat(41_000))).toEqual(["response-too-large"]);
    expect(withBlob("x".repeat(110_000))).toEqual([]);
    expect(withBlob("x".repeat(39_000))).toEqual([]);
  });

  it("accepts Alexa Sound Library clips (soundbank://) in speech, as Alexa does (the public pet-tales sample uses them)", () => {
    const speech = { type: "SSML" as const, ssml: '<speak><audio src="soundbank://soundlibrary/animals/amzn_sfx_cat_angry_meow_1x_02"/> Hi</speak>' };
    expect(checkResponse(launchEnvelope().request, { version: "1.0", response: { outputSpeech: speech } })).toEqual([]);
  });

  it("accepts a well-formed ENQUEUE answer to PlaybackNearlyFinished and an empty PlaybackStopped answer", () => {
    const enqueue = rawPlay("ENQUEUE", { expectedPreviousToken: "a", token: "b" });
    const nearly = audioPlayerEnvelope("AudioPlayer.PlaybackNearlyFinished").request;
    const { response } = new ResponseBuilder().directive(enqueue).build({ requestHasSession: false });
    expect(checkResponse(nearly, { version: "1.0", response })).toEqual([]);
    expect(checkResponse(audioPlayerEnvelope("AudioPlayer.PlaybackStopped").request, { version: "1.0", response: {} })).toEqual([]);
  });
});
