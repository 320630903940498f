import type { IntentRequest, interfaces } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import { createRequestEnvelope, DEV_SKILL_ID, envelopeBody, formatAlexaTimestamp } from "../../src/devkit/index.js";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe("request envelopes", () => {
  it("launch request: session, ids, timestamp without millis", () => {
    const envelope = createRequestEnvelope({ request: { type: "LaunchRequest" }, timestamp: Date.UTC(2019, 4, 13, 12, 34, 56, 789) });
    expect(envelope.version).toBe("1.0");
    expect(envelope.request.timestamp).toBe("2019-05-13T12:34:56Z");
    expect(envelope.request.requestId).toMatch(new RegExp(`^amzn1\\.echo-api\\.request\\.${UUID}$`));
    expect(envelope.session?.sessionId).toMatch(new RegExp(`^amzn1\\.echo-api\\.session\\.${UUID}$`));
    expect(envelope.session?.new).toBe(true);
    expect(envelope.context.System.application.applicationId).toBe(DEV_SKILL_ID);
    expect(envelope.context.System.device?.deviceId).toMatch(/^amzn1\.ask\.device\./);
    expect(envelope.context.System.user.userId).toMatch(/^amzn1\.ask\.account\./);
    expect(envelope.request.locale).toBe("en-US");
    expect(JSON.parse(envelopeBody(envelope))).toEqual(envelope);
  });

  it("intent request with plain and resolved slots, attributes and custom ids", () => {
    const envelope = createRequestEnvelope({
      request: {
        type: "IntentRequest",
        intent: "PlayStationIntent",
        slots: { Day: "tomorrow", Station: { value: "jazz radio", resolved: { name: "Jazz FM", id: "JAZZ" } }, Genre: { value: "blorp", resolved: "no-match" } },
      },
      applicationId: "amzn1.ask.skill.other",
      userId: "amzn1.ask.account.U",
      locale: "de-DE",
      session: { new: false, sessionId: "amzn1.echo-api.session.fixed", attributes: { count: 2 } },
      apiAccessToken: "token",
      apiEndpoint: "https://api.eu.amazonalexa.com",
    });
    const request = envelope.request as IntentRequest;
    expect(request.intent.name).toBe("PlayStationIntent");
    expect(request.intent.slots?.["Day"]).toEqual({ name: "Day", value: "tomorrow", confirmationStatus: "NONE" });
    const station = request.intent.slots?.["Station"]?.resolutions?.resolutionsPerAuthority?.[0];
    expect(station?.authority).toBe("amzn1.er-authority.echo-sdk.amzn1.ask.skill.other.Station");
    expect(station?.status.code).toBe("ER_SUCCESS_MATCH");
    expect(station?.values[0]?.value).toEqual({ name: "Jazz FM", id: "JAZZ" });
    expect(request.intent.slots?.["Genre"]?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).toBe("ER_SUCCESS_NO_MATCH");
    expect(envelope.session).toMatchObject({ new: false, sessionId: "amzn1.echo-api.session.fixed", attributes: { count: 2 } });
    expect(envelope.session?.user.userId).toBe("amzn1.ask.account.U");
    expect(envelope.context.System).toMatchObject({ apiAccessToken: "token", apiEndpoint: "https://api.eu.amazonalexa.com" });
    expect(request.locale).toBe("de-DE");
  });

  it("AudioPlayer requests have no session and carry the AudioPlayer context", () => {
    const envelope = createRequestEnvelope({
      request: { type: "AudioPlayer.PlaybackStopped", token: "track-7", offsetInMilliseconds: 42_000 },
    });
    expect(envelope.session).toBeUndefined();
    expect(envelope.request).toMatchObject({ type: "AudioPlayer.PlaybackStopped", token: "track-7", offsetInMilliseconds: 42_000 });
    expect(envelope.context.AudioPlayer).toEqual({ token: "track-7", offsetInMilliseconds: 42_000, playerActivity: "STOPPED" });
    const failed = createRequestEnvelope({ request: { type: "AudioPlayer.PlaybackFailed", token: "t" } });
    const failedRequest = failed.request as interfaces.audioplayer.PlaybackFailedRequest;
    expect(failedRequest.error?.type).toBe("MEDIA_ERROR_UNKNOWN");
    expect(failedRequest.currentPlaybackState?.token).toBe("t");
  });

  it("PlaybackController, SessionEnded and skill events", () => {
    const next = createRequestEnvelope({
      request: { type: "PlaybackController.NextCommandIssued" },
      audioPlayer: { token: "a", offsetInMilliseconds: 5, playerActivity: "PLAYING" },
    });
    expect(next.session).toBeUndefined();
    expect(next.context.AudioPlayer?.token).toBe("a");
    const ended = createRequestEnvelope({ request: { type: "SessionEndedRequest", reason: "ERROR", error: { type: "INVALID_RESPONSE", message: "x" } } });
    expect(ended.request).toMatchObject({ reason: "ERROR", error: { type: "INVALID_RESPONSE" } });
    expect(ended.session?.new).toBe(false);
    const at = "2024-01-02T03:04:05Z";
    const event = createRequestEnvelope({ request: { type: "AlexaSkillEvent.SkillEnabled", body: { a: 1 } }, timestamp: at });
    expect(event.session).toBeUndefined();
    expect(event.context.System.device).toBeUndefined();
    expect(event.request).toMatchObject({ type: "AlexaSkillEvent.SkillEnabled", eventCreationTime: at, body: { a: 1 } });
  });

  it("formats timestamps and rejects invalid ones", () => {
    expect(formatAlexaTimestamp("2019-05-13T12:34:56.999Z")).toBe("2019-05-13T12:34:56Z");
    expect(() => formatAlexaTimestamp("nope")).toThrow(RangeError);
  });
});
