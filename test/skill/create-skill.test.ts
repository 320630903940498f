// createSkill: handler order, shorthands, interceptors, error handlers, session attributes.
import type { Response } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import {
  createSkill,
  handlersFor,
  NoMatchingHandlerError,
  onError,
  onIntent,
  onLaunch,
  onRequest,
  ResponseBuilder,
  type RequestHandler,
} from "../../src/skill/index.js";
import { audioPlayerEnvelope, collectingContext, intentEnvelope, launchEnvelope, sessionEndedEnvelope } from "./fixtures.js";

function speechOf(response: Response): string | undefined {
  return response.outputSpeech?.type === "SSML" ? response.outputSpeech.ssml : undefined;
}

function saying(text: string, matches: boolean | (() => Promise<boolean>)): RequestHandler {
  return {
    canHandle: () => (typeof matches === "function" ? matches() : matches),
    handle: (input) => void input.responseBuilder.speak(text),
  };
}

describe("handler matching", () => {
  it("asks handlers in order and uses the first that accepts", async () => {
    const asked: string[] = [];
    const track = (name: string, result: boolean): RequestHandler => ({
      canHandle: async () => (asked.push(name), result),
      handle: (input) => void input.responseBuilder.speak(name),
    });
    const skill = createSkill({ handlers: [track("a", false), track("b", true), track("c", true)] });
    const result = await skill.handle(launchEnvelope(), collectingContext());
    expect(speechOf(result.response)).toBe("<speak>b</speak>");
    expect(asked).toEqual(["a", "b"]);
  });

  it("awaits async canHandle before moving on", async () => {
    const skill = createSkill({ handlers: [saying("late", async () => false), saying("second", async () => true)] });
    const result = await skill.handle(launchEnvelope(), collectingContext());
    expect(speechOf(result.response)).toBe("<speak>second</speak>");
  });

  it("matches shorthands by request type, intent name (one or several) and interface wildcard", async () => {
    const skill = createSkill({
      handlers: [
        onLaunch((input) => void input.responseBuilder.speak("launch")),
        onIntent(["AMAZON.StopIntent", "AMAZON.CancelIntent"], (input) => void input.responseBuilder.speak(`bye from ${input.intentName}`)),
        onIntent("HelloIntent", (input) => void input.responseBuilder.speak(`hello ${input.intent.name}`)),
        onRequest("AudioPlayer.*", (input) => void input.responseBuilder.directive({ type: "AudioPlayer.Stop" }).endSession(input.request.type === "AudioPlayer.PlaybackFinished")),
        onRequest(["SessionEndedRequest"], () => {}),
      ],
    });
    const ctx = collectingContext();
    expect(speechOf((await skill.handle(launchEnvelope(), ctx)).response)).toBe("<speak>launch</speak>");
    expect(speechOf((await skill.handle(intentEnvelope("AMAZON.CancelIntent"), ctx)).response)).toBe("<speak>bye from AMAZON.CancelIntent</speak>");
    expect(speechOf((await skill.handle(intentEnvelope("HelloIntent"), ctx)).response)).toBe("<speak>hello HelloIntent</speak>");
    const finished = await skill.handle(audioPlayerEnvelope("AudioPlayer.PlaybackFinished"), ctx);
    expect(finished.response).toEqual({ directives: [{ type: "AudioPlayer.Stop" }], shouldEndSession: true });
    expect((await skill.handle(sessionEndedEnvelope(), ctx)).response).toEqual({ shouldEndSession: true });
  });

  it("types env through handlersFor<Env>()", async () => {
    const { onIntent: onTypedIntent } = handlersFor<{ GREETING: string }>();
    const skill = createSkill<{ GREETING: string }>({
      handlers: [onTypedIntent("HelloIntent", (input) => void input.responseBuilder.speak(input.env.GREETING))],
    });
    const result = await skill.handle(intentEnvelope("HelloIntent"), collectingContext({ GREETING: "howdy" }));
    expect(speechOf(result.response)).toBe("<speak>howdy</speak>");
  });

  it("accepts a returned builder or a ready Response", async () => {
    const fromBuilder = createSkill({ handlers: [onLaunch(() => new ResponseBuilder().speak("built"))] });
    const ready: Response = { outputSpeech: { type: "PlainText", text: "as is" } };
    const fromResponse = createSkill({ handlers: [onLaunch(() => ready)] });
    expect(speechOf((await fromBuilder.handle(launchEnvelope(), collectingContext())).response)).toBe("<speak>built</speak>");
    expect((await fromResponse.handle(launchEnvelope(), collectingContext())).response).toEqual(ready);
  });

  it("exposes the request's locale, user, device, session and interfaces", async () => {
    let seen: unknown;
    const skill = createSkill({
      handlers: [
        onLaunch((input) => {
          seen = { locale: input.locale, userId: input.userId, deviceId: input.deviceId, session: input.session, audio: input.supports("AudioPlayer"), apl: input.supports("Alexa.Presentation.APL") };
        }),
      ],
    });
    await skill.handle(launchEnvelope({ locale: "de-DE", userId: "amzn1.ask.account.U1", deviceId: "amzn1.ask.device.D1" }), collectingContext());
    expect(seen).toEqual({ locale: "de-DE", userId: "amzn1.ask.account.U1", deviceId: "amzn1.ask.device.D1", session: { id: "amzn1.echo-api.session.TEST", isNew: true }, audio: true, apl: false });
  });
});

describe("interceptors", () => {
  it("runs request interceptors in order before handler selection, in both shapes", async () => {
    const order: string[] = [];
    const skill = createSkill({
      requestInterceptors: [
        (input) => void ((input.attributes.request.greeting = "hi"), order.push("fn")),
        { process: async (input) => void ((input.attributes.request.name = "Ada"), order.push("object")) },
      ],
      handlers: [
        { canHandle: (input) => (order.push("canHandle"), input.attributes.request.greeting === "hi"), handle: (input) => void input.responseBuilder.speak(`${String(input.attributes.request.greeting)} ${String(input.attributes.request.name)}`) },
      ],
    });
    const result = await skill.handle(launchEnvelope(), collectingContext());
    expect(order).toEqual(["fn", "object", "canHandle"]);
    expect(speechOf(result.response)).toBe("<speak>hi Ada</speak>");
  });

  it("lets response interceptors see and change the built response", async () => {
    const skill = createSkill({
      handlers: [onLaunch((input) => void input.responseBuilder.speak("hello"))],
      responseInterceptors: [
        (_input, response) => void (response.card = { type: "Simple", title: "T", content: "C" }),
        { process: (_input, response) => void (response.shouldEndSession = false) },
      ],
    });
    const result = await skill.handle(launchEnvelope(), collectingContext());
    expect(result.response).toEqual({ outputSpeech: { type: "SSML", ssml: "<speak>hello</speak>" }, card: { type: "Simple", title: "T", content: "C" }, shouldEndSession: false });
  });

  it("sends a throwing request interceptor's error to the error handlers", async () => {
    const skill = createSkill({
      requestInterceptors: [() => { throw new Error("blocked"); }],
      handlers: [onLaunch((input) => void input.responseBuilder.speak("never"))],
      errorHandlers: [onError((input, error) => void input.responseBuilder.speak(`error: ${(error as Error).message}`))],
    });
    expect(speechOf((await skill.handle(launchEnvelope(), collectingContext())).response)).toBe("<speak>error: blocked</speak>");
  });
});

describe("error handlers", () => {
  it("answers a throwing handler with the first accepting error handler, on a fresh builder, skipping response interceptors", async () => {
    let intercepted = false;
    const skill = createSkill({
      handlers: [onLaunch((input) => { input.responseBuilder.speak("half-built").card({ type: "Simple", title: "x", content: "y" }); throw new RangeError("boom"); })],
      responseInterceptors: [() => void (intercepted = true)],
      errorHandlers: [
        onError((input) => void input.responseBuilder.speak("type error"), (_input, error) => error instanceof TypeError),
        onError((input, error) => void input.responseBuilder.speak(`sorry: ${(error as Error).message}`)),
      ],
    });
    const result = await skill.handle(launchEnvelope(), collectingContext());
    expect(result.response).toEqual({ outputSpeech: { type: "SSML", ssml: "<speak>sorry: boom</speak>" }, shouldEndSession: true });
    expect(intercepted).toBe(false);
  });

  it("throws a typed NoMatchingHandlerError when no handler matches and no error handler accepts", async () => {
    const skill = createSkill({ handlers: [onLaunch(() => {})] });
    const error = await skill.handle(intentEnvelope("UnknownIntent"), collectingContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoMatchingHandlerError);
    expect(error).toMatchObject({ requestType: "IntentRequest", intentName: "UnknownIntent" });
  });

  it("gives NoMatchingHandlerError to error handlers", async () => {
    const skill = createSkill({
      handlers: [],
      errorHandlers: [onError((input) => void input.responseBuilder.speak("I did not get that").reprompt("Try again"), (_i, e) => e instanceof NoMatchingHandlerError)],
    });
    const result = await skill.handle(intentEnvelope("UnknownIntent"), collectingContext());
    expect(result.response.shouldEndSession).toBe(false);
    expect(speechOf(result.response)).toBe("<speak>I did not get that</speak>");
  });

  it("rethrows the original error when no error handler accepts it", async () => {
    const original = new Error("not mine");
    const skill = createSkill({
      handlers: [onLaunch(() => { throw original; })],
      errorHandlers: [onError(() => {}, () => false)],
    });
    await expect(skill.handle(launchEnvelope(), collectingContext())).rejects.toBe(original);
  });
});

describe("session attributes", () => {
  it("returns the session's attributes, changed by the handler", async () => {
    const skill = createSkill({
      handlers: [onIntent("CountIntent", (input) => {
        input.attributes.session.count = Number(input.attributes.session.count ?? 0) + 1;
        input.responseBuilder.speak(String(input.attributes.session.count)).reprompt("again?");
      })],
    });
    const result = await skill.handle(intentEnvelope("CountIntent", {}, { sessionAttributes: { count: 2, keep: "me" } }), collectingContext());
    expect(result.sessionAttributes).toEqual({ count: 3, keep: "me" });
  });

  it("gives a session without attributes an object of its own, and never changes the request's", async () => {
    const skill = createSkill({
      handlers: [onIntent("CountIntent", (input) => {
        input.attributes.session.count = Number(input.attributes.session.count ?? 0) + 1;
        input.responseBuilder.speak("counted").reprompt("again?");
      })],
    });
    for (const attributes of [{}, { count: 4 }]) {
      const envelope = intentEnvelope("CountIntent", {}, { sessionAttributes: attributes });
      const before = structuredClone(envelope.session?.attributes);
      const result = await skill.handle(envelope, collectingContext());
      expect(result.sessionAttributes).toEqual({ count: Number(attributes.count ?? 0) + 1 });
      expect(envelope.session?.attributes, "the request's attributes are untouched").toEqual(before);
    }
  });

  it("omits sessionAttributes when the request has no session", async () => {
    const skill = createSkill({ handlers: [onRequest("AudioPlayer.PlaybackStarted", () => {})] });
    const result = await skill.handle(audioPlayerEnvelope("AudioPlayer.PlaybackStarted"), collectingContext());
    expect(result).toEqual({ version: "1.0", response: {} });
  });
});
