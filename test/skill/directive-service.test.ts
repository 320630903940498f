// The Alexa Directive Service client (progressive responses) over a fetch stub that checks
// URL, headers and body; typed errors for non-2xx, network failures and missing credentials.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AlexaServiceError, createDirectiveService, createSkill, onIntent, ssml, type FetchLike } from "../../src/skill/index.js";
import { API_ENDPOINT, API_TOKEN, collectingContext, intentEnvelope } from "./fixtures.js";

interface Call {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: unknown;
}

function stubFetch(status = 204, body = "") {
  const calls: Call[] = [];
  const fetchStub: FetchLike = async (url, init) => {
    calls.push({ url, method: init.method, headers: new Headers(init.headers), body: JSON.parse(String(init.body)) });
    return new Response(status === 204 ? null : body, { status });
  };
  return { fetchStub, calls };
}

afterEach(() => vi.restoreAllMocks());

describe("directive service", () => {
  it("POSTs VoicePlayer.Speak to {apiEndpoint}/v1/directives with the bearer token and request id", async () => {
    const { fetchStub, calls } = stubFetch();
    const service = createDirectiveService({ apiEndpoint: `${API_ENDPOINT}/`, apiAccessToken: API_TOKEN, requestId: "amzn1.echo-api.request.1", fetch: fetchStub });
    await service.speak("One moment, checking Tom's calendar & yours");
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe("https://api.amazonalexa.com/v1/directives");
    expect(call?.method).toBe("POST");
    expect(call?.headers.get("Authorization")).toBe(`Bearer ${API_TOKEN}`);
    expect(call?.headers.get("Content-Type")).toBe("application/json");
    expect(call?.body).toEqual({
      header: { requestId: "amzn1.echo-api.request.1" },
      directive: { type: "VoicePlayer.Speak", speech: "<speak>One moment, checking Tom&apos;s calendar &amp; yours</speak>" },
    });
  });

  it("sends SSML as given", async () => {
    const { fetchStub, calls } = stubFetch();
    const service = createDirectiveService({ apiEndpoint: API_ENDPOINT, apiAccessToken: API_TOKEN, requestId: "r", fetch: fetchStub });
    await service.speak(ssml`Hold on ${ssml.break({ time: "1s" })}`);
    expect(calls[0]?.body).toMatchObject({ directive: { speech: `<speak>Hold on <break time="1s"/></speak>` } });
  });

  it("turns a non-2xx answer into an AlexaServiceError with status and body", async () => {
    const { fetchStub } = stubFetch(401, JSON.stringify({ code: 401, message: "Invalid token" }));
    const service = createDirectiveService({ apiEndpoint: API_ENDPOINT, apiAccessToken: "expired", requestId: "r", fetch: fetchStub });
    const error = await service.speak("hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlexaServiceError);
    expect(error).toMatchObject({ code: "http-status", status: 401, responseBody: '{"code":401,"message":"Invalid token"}' });
  });

  it("turns network failures and missing credentials into typed errors", async () => {
    const offline: FetchLike = async () => { throw new TypeError("Network connection lost."); };
    const service = createDirectiveService({ apiEndpoint: API_ENDPOINT, apiAccessToken: API_TOKEN, requestId: "r", fetch: offline });
    await expect(service.speak("hi")).rejects.toMatchObject({ name: "AlexaServiceError", code: "network" });
    const { fetchStub, calls } = stubFetch();
    const noAccess = createDirectiveService({ apiEndpoint: undefined, apiAccessToken: undefined, requestId: "r", fetch: fetchStub });
    await expect(noAccess.speak("hi")).rejects.toMatchObject({ code: "missing-api-access" });
    const skill = createSkill({ handlers: [onIntent("SlowIntent", (input) => input.services.directives.speak("wait"))] });
    const withoutToken = intentEnvelope("SlowIntent", {}, { apiAccess: false });
    await expect(skill.handle(withoutToken, collectingContext({}, { fetch: fetchStub }))).rejects.toMatchObject({ code: "missing-api-access" });
    expect(calls).toHaveLength(0);
  });

  it("is on the handler input, uses the request's credentials, and works through waitUntil", async () => {
    const { fetchStub, calls } = stubFetch();
    const skill = createSkill({
      handlers: [onIntent("SlowIntent", (input) => {
        input.waitUntil(input.services.directives.speak("Looking that up"));
        input.responseBuilder.speak("Here it is");
      })],
    });
    const ctx = collectingContext({}, { fetch: fetchStub });
    await skill.handle(intentEnvelope("SlowIntent", {}, { requestId: "amzn1.echo-api.request.slow" }), ctx);
    await ctx.settle();
    expect(calls[0]).toMatchObject({ url: `${API_ENDPOINT}/v1/directives`, body: { header: { requestId: "amzn1.echo-api.request.slow" } } });
    expect(calls[0]?.headers.get("authorization")).toBe(`Bearer ${API_TOKEN}`);
  });

  it("defaults to the global fetch", async () => {
    const spy = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response(null, { status: 204 }));
    const skill = createSkill({ handlers: [onIntent("SlowIntent", async (input) => void (await input.services.directives.speak("wait")))] });
    await skill.handle(intentEnvelope("SlowIntent"), collectingContext());
    expect(spy).toHaveBeenCalledWith("https://api.amazonalexa.com/v1/directives", expect.objectContaining({ method: "POST" }));
  });
});
