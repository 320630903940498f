/**
 * Issue #12: validly signed but odd envelopes through the deployed Worker
 * (`exports.default.fetch`, dev-signed, full verification): `"session": null`, session
 * attributes nested 3,000 deep, requests without any session, and every request type Alexa
 * sends (and one it does not) are all answered with a valid 200 response by the example
 * skill, never a 500 before its error handler could run.
 */
import { exports } from "cloudflare:workers";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit, type RequestSpec } from "../../src/devkit/index.js";

const LOCAL = "http://localhost:8787/";
const kitPromise = importDevSigningKit(inject("devKit"));

afterEach(() => vi.restoreAllMocks());

async function post(body: string): Promise<{ status: number; envelope: ResponseEnvelope | undefined; errors: string[] }> {
  const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  const response = await exports.default.fetch(await createSignedRequest(await kitPromise, body, { url: LOCAL }));
  const text = await response.text();
  const errors = errorLog.mock.calls.map((call) => String(call[0]));
  return { status: response.status, envelope: response.ok ? (JSON.parse(text) as ResponseEnvelope) : undefined, errors };
}

const withRequest = (base: RequestEnvelope, request: Record<string, unknown>) =>
  JSON.stringify({ ...base, request: { ...base.request, ...request } });

const SPECS: readonly RequestSpec[] = [
  { type: "LaunchRequest" },
  { type: "IntentRequest", intent: "AMAZON.HelpIntent" },
  { type: "IntentRequest", intent: "NoSuchIntent" },
  { type: "SessionEndedRequest" },
  { type: "AudioPlayer.PlaybackStarted", token: "story:owl", offsetInMilliseconds: 0 },
  { type: "AudioPlayer.PlaybackFinished", token: "story:owl", offsetInMilliseconds: 1 },
  { type: "AudioPlayer.PlaybackStopped", token: "story:owl", offsetInMilliseconds: 2 },
  { type: "AudioPlayer.PlaybackNearlyFinished", token: "story:owl", offsetInMilliseconds: 3 },
  { type: "AudioPlayer.PlaybackFailed", token: "story:owl", offsetInMilliseconds: 4 },
  { type: "PlaybackController.NextCommandIssued" },
  { type: "PlaybackController.PreviousCommandIssued" },
  { type: "PlaybackController.PlayCommandIssued" },
  { type: "PlaybackController.PauseCommandIssued" },
  { type: "AlexaSkillEvent.SkillEnabled" },
  { type: "AlexaSkillEvent.SkillDisabled" },
  { type: "AlexaSkillEvent.SkillAccountLinked" },
  { type: "AlexaSkillEvent.SkillPermissionAccepted" },
  { type: "AlexaSkillEvent.SkillPermissionChanged" },
  { type: "AlexaSkillEvent.ProactiveSubscriptionChanged" },
  { type: "AlexaSkillEvent.NotificationSubscriptionChanged" },
];

/** Types the dev kit has no spec for: Alexa sends them, and one it never would. */
const OTHER_TYPES = [
  "System.ExceptionEncountered",
  "CanFulfillIntentRequest",
  "Display.ElementSelected",
  "Alexa.Presentation.APL.UserEvent",
  "Connections.Response",
  "Messaging.MessageReceived",
  "SessionResumedRequest",
  "Reminders.ReminderCreated",
  "Made.Up.RequestType",
];

describe("every request type is answered", () => {
  it.each(SPECS.map((spec) => [spec.type + ("intent" in spec ? ` ${spec.intent}` : ""), spec] as const))("%s: 200", async (_, spec) => {
    const { status, envelope } = await post(JSON.stringify(createRequestEnvelope({ request: spec })));
    expect(status).toBe(200);
    expect(envelope?.version).toBe("1.0");
  });

  it.each(OTHER_TYPES)("%s without a session: 200", async (type) => {
    const base = createRequestEnvelope({ request: { type: "LaunchRequest" }, session: false });
    const { status, envelope } = await post(withRequest(base, { type }));
    expect(status).toBe(200);
    expect(envelope?.response).toBeDefined();
  });
});

describe("odd envelopes", () => {
  it.each(["LaunchRequest", "AudioPlayer.PlaybackStopped", "PlaybackController.PlayCommandIssued"])('"session": null on %s: 200', async (type) => {
    const base = createRequestEnvelope({ request: { type: "LaunchRequest" } });
    const { status, envelope } = await post(JSON.stringify({ ...base, session: null, request: { ...base.request, type, token: "story:owl", offsetInMilliseconds: 0 } }));
    expect(status).toBe(200);
    expect(envelope?.sessionAttributes).toBeUndefined();
  });

  it.each([["a string", "junk"], ["an array", [1, 2]], ["a number", 7]])("a session that is %s is read as no session: 200", async (_, session) => {
    const base = createRequestEnvelope({ request: { type: "LaunchRequest" } });
    expect((await post(JSON.stringify({ ...base, session }))).status).toBe(200);
  });

  it("session attributes nested 3,000 deep reach the error handler: the apology, 200, logged", async () => {
    let nested: unknown = "bottom";
    for (let i = 0; i < 3000; i++) nested = { a: nested };
    const envelope = createRequestEnvelope({ request: { type: "IntentRequest", intent: "AMAZON.HelpIntent" }, session: { attributes: { deep: nested } } });
    const { status, envelope: answer, errors } = await post(JSON.stringify(envelope));
    expect(status).toBe(200);
    expect(JSON.stringify(answer?.response.outputSpeech)).toContain("Sorry, something went wrong");
    expect(answer?.sessionAttributes).toEqual({});
    expect(errors.join("\n")).toContain("SessionAttributesError");
  });

  it("session attributes that are not an object are read as none: 200", async () => {
    const base = createRequestEnvelope({ request: { type: "LaunchRequest" } });
    const { status, envelope } = await post(JSON.stringify({ ...base, session: { ...base.session, attributes: "x" } }));
    expect(status).toBe(200);
    expect(envelope?.sessionAttributes).toEqual({});
  });
});
