/**
 * AudioPlayer events and the device's playback buttons, through the deployed Worker: answers
 * carry AudioPlayer directives only (never speech, card or reprompt), PlaybackStopped gets an
 * empty answer, NearlyFinished enqueues the next story naming the playing token as
 * expectedPreviousToken, and Started/Stopped/Finished keep the D1 resume point current.
 */
import type { ResponseEnvelope } from "ask-sdk-model";
import { afterEach, describe, expect, it, vi } from "vitest";
import { intent, newUserId, playing, playOf, send, storedPlayback } from "./helpers.js";

afterEach(() => vi.restoreAllMocks());

function expectOnlyAudioPlayerDirectives(body: ResponseEnvelope): void {
  expect(body.response.outputSpeech).toBeUndefined();
  expect(body.response.reprompt).toBeUndefined();
  expect(body.response.card).toBeUndefined();
  for (const directive of body.response.directives ?? []) expect(directive.type).toMatch(/^AudioPlayer\./);
}

describe("Bedtime Stories: AudioPlayer events", () => {
  it("enqueues the next story after PlaybackNearlyFinished, with expectedPreviousToken", async () => {
    const { status, body } = await send(
      { type: "AudioPlayer.PlaybackNearlyFinished", token: "story:dragons", offsetInMilliseconds: 20_000 },
      { userId: newUserId() },
    );
    expect(status).toBe(200);
    expectOnlyAudioPlayerDirectives(body);
    expect(body.response.directives).toEqual([
      {
        type: "AudioPlayer.Play",
        playBehavior: "ENQUEUE",
        audioItem: {
          stream: {
            token: "story:moon",
            url: "https://localhost:8787/audio/stories/moon.mp3",
            offsetInMilliseconds: 0,
            expectedPreviousToken: "story:dragons",
          },
          metadata: { title: "The Moon Who Could Not Sleep", subtitle: "Bedtime Stories" },
        },
      },
    ]);
    expect(body.response.shouldEndSession).toBeUndefined();
  });

  it("enqueues nothing after the last story, or after a token it did not make", async () => {
    for (const token of ["story:sea", "someone-else", ""]) {
      const { status, body } = await send({ type: "AudioPlayer.PlaybackNearlyFinished", token }, { userId: newUserId() });
      expect(status).toBe(200);
      expect(body).toEqual({ version: "1.0", response: {} });
    }
  });

  it("remembers the story on PlaybackStarted and the offset on PlaybackStopped, with empty answers", async () => {
    const userId = newUserId();
    const started = await send({ type: "AudioPlayer.PlaybackStarted", token: "story:owl", offsetInMilliseconds: 0 }, { userId });
    expect(started.body).toEqual({ version: "1.0", response: {} });
    expect(await storedPlayback(userId)).toEqual({ storyId: "owl", token: "story:owl", offsetInMilliseconds: 0 });
    const stopped = await send({ type: "AudioPlayer.PlaybackStopped", token: "story:owl", offsetInMilliseconds: 8_765 }, { userId });
    expect(stopped.body).toEqual({ version: "1.0", response: {} });
    expect(await storedPlayback(userId)).toEqual({ storyId: "owl", token: "story:owl", offsetInMilliseconds: 8_765 });
  });

  it("forgets the resume point when that story finishes, but not when another story has started since", async () => {
    const userId = newUserId();
    await send({ type: "AudioPlayer.PlaybackStarted", token: "story:moon", offsetInMilliseconds: 0 }, { userId });
    const stale = await send({ type: "AudioPlayer.PlaybackFinished", token: "story:dragons" }, { userId });
    expect(stale.body).toEqual({ version: "1.0", response: {} });
    expect(await storedPlayback(userId)).toMatchObject({ storyId: "moon" });
    await send({ type: "AudioPlayer.PlaybackFinished", token: "story:moon" }, { userId });
    expect(await storedPlayback(userId)).toBeUndefined();
  });

  it("logs PlaybackFailed with Alexa's error and answers empty", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = await send(
      {
        type: "AudioPlayer.PlaybackFailed",
        token: "story:sea",
        offsetInMilliseconds: 500,
        error: { type: "MEDIA_ERROR_SERVICE_UNAVAILABLE", message: "handshake_failure" },
      },
      { userId: newUserId() },
    );
    expect(status).toBe(200);
    expect(body).toEqual({ version: "1.0", response: {} });
    const logged = errors.mock.calls.map((call) => JSON.parse(String(call[0])) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        event: "playback_failed",
        token: "story:sea",
        errorType: "MEDIA_ERROR_SERVICE_UNAVAILABLE",
        errorMessage: "handshake_failure",
      }),
    );
  });
});

describe("Bedtime Stories: playback buttons (PlaybackController)", () => {
  it("Play resumes the saved story at its offset, without speech", async () => {
    const userId = newUserId();
    await send({ type: "AudioPlayer.PlaybackStopped", token: "story:sea", offsetInMilliseconds: 4_321 }, { userId });
    const { status, body } = await send({ type: "PlaybackController.PlayCommandIssued" }, { userId });
    expect(status).toBe(200);
    expectOnlyAudioPlayerDirectives(body);
    expect(playOf(body)?.playBehavior).toBe("REPLACE_ALL");
    expect(playOf(body)?.audioItem?.stream).toMatchObject({ token: "story:sea", offsetInMilliseconds: 4_321 });
  });

  it("Play with nothing saved starts the first story", async () => {
    const { body } = await send({ type: "PlaybackController.PlayCommandIssued" }, { userId: newUserId() });
    expectOnlyAudioPlayerDirectives(body);
    expect(playOf(body)?.audioItem?.stream).toMatchObject({ token: "story:dragons", offsetInMilliseconds: 0 });
  });

  it("Pause stops playback and saves the offset from context.AudioPlayer", async () => {
    const userId = newUserId();
    const { body } = await send({ type: "PlaybackController.PauseCommandIssued" }, { userId, audioPlayer: playing("story:moon", 2_222) });
    expectOnlyAudioPlayerDirectives(body);
    expect(body.response.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    expect(await storedPlayback(userId)).toEqual({ storyId: "moon", token: "story:moon", offsetInMilliseconds: 2_222 });
  });

  it("Next and Previous move through the catalog; Next after the last story does nothing", async () => {
    const next = await send({ type: "PlaybackController.NextCommandIssued" }, { userId: newUserId(), audioPlayer: playing("story:moon", 1) });
    expectOnlyAudioPlayerDirectives(next.body);
    expect(playOf(next.body)?.audioItem?.stream?.token).toBe("story:owl");
    const previous = await send({ type: "PlaybackController.PreviousCommandIssued" }, { userId: newUserId(), audioPlayer: playing("story:moon", 1) });
    expect(playOf(previous.body)?.audioItem?.stream?.token).toBe("story:dragons");
    const end = await send({ type: "PlaybackController.NextCommandIssued" }, { userId: newUserId(), audioPlayer: playing("story:sea", 1) });
    expect(end.body).toEqual({ version: "1.0", response: {} });
  });

  it("a pause by voice and the resume by button share the same D1 resume point", async () => {
    const userId = newUserId();
    await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:owl", 6_000) });
    const { body } = await send({ type: "PlaybackController.PlayCommandIssued" }, { userId });
    expect(playOf(body)?.audioItem?.stream).toMatchObject({ token: "story:owl", offsetInMilliseconds: 6_000 });
  });
});
