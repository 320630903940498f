/**
 * The virtual device's AudioPlayer, as pure transitions: which directives change what, which
 * events the device owes, and when NearlyFinished and Finished fall as time passes.
 */
import type { Directive } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import {
  applyAudioDirectives,
  audioPlayerContext,
  IDLE_DEVICE,
  nextPlaybackEvent,
  played,
  startQueued,
} from "../../src/testing/virtual-alexa/audio-device.js";

const play = (token: string, behavior: "REPLACE_ALL" | "ENQUEUE" | "REPLACE_ENQUEUED", extra: { offset?: number; previous?: string } = {}): Directive => ({
  type: "AudioPlayer.Play",
  playBehavior: behavior,
  audioItem: {
    stream: {
      url: `https://example.com/${token}.mp3`,
      token,
      offsetInMilliseconds: extra.offset ?? 0,
      ...(extra.previous === undefined ? {} : { expectedPreviousToken: extra.previous }),
    },
  },
});
const thirtySeconds = () => 30_000;

describe("audio device", () => {
  it("starts a REPLACE_ALL stream at its offset and owes PlaybackStarted", () => {
    const { device, events } = applyAudioDirectives(IDLE_DEVICE, [play("a", "REPLACE_ALL", { offset: 4_000 })], thirtySeconds);
    expect(events).toEqual([{ type: "PlaybackStarted", token: "a", offsetMs: 4_000 }]);
    expect(audioPlayerContext(device)).toEqual({ token: "a", offsetInMilliseconds: 4_000, playerActivity: "PLAYING" });
  });

  it("stops the playing stream (PlaybackStopped at the offset) before replacing it", () => {
    const a = played(applyAudioDirectives(IDLE_DEVICE, [play("a", "REPLACE_ALL")], thirtySeconds).device, 7_000);
    const { events } = applyAudioDirectives(a, [play("b", "REPLACE_ALL")], thirtySeconds);
    expect(events).toEqual([
      { type: "PlaybackStopped", token: "a", offsetMs: 7_000 },
      { type: "PlaybackStarted", token: "b", offsetMs: 0 },
    ]);
  });

  it("queues ENQUEUE only after the expected previous token, and replaces the queue on REPLACE_ENQUEUED", () => {
    const a = applyAudioDirectives(IDLE_DEVICE, [play("a", "REPLACE_ALL")], thirtySeconds).device;
    expect(applyAudioDirectives(a, [play("b", "ENQUEUE", { previous: "zzz" })], thirtySeconds).device.queue).toEqual([]);
    const queued = applyAudioDirectives(a, [play("b", "ENQUEUE", { previous: "a" }), play("c", "ENQUEUE", { previous: "b" })], thirtySeconds).device;
    expect(queued.queue.map((s) => s.token)).toEqual(["b", "c"]);
    expect(applyAudioDirectives(queued, [play("d", "REPLACE_ENQUEUED")], thirtySeconds).device.queue.map((s) => s.token)).toEqual(["d"]);
  });

  it("Stop and ClearQueue CLEAR_ALL stop playback; CLEAR_ENQUEUED keeps it playing", () => {
    const a = applyAudioDirectives(IDLE_DEVICE, [play("a", "REPLACE_ALL"), play("b", "ENQUEUE", { previous: "a" })], thirtySeconds).device;
    expect(applyAudioDirectives(a, [{ type: "AudioPlayer.Stop" }], thirtySeconds).device.activity).toBe("STOPPED");
    const cleared = applyAudioDirectives(a, [{ type: "AudioPlayer.ClearQueue", clearBehavior: "CLEAR_ENQUEUED" }], thirtySeconds);
    expect(cleared.device).toMatchObject({ activity: "PLAYING", queue: [] });
    expect(cleared.events).toEqual([]);
    const all = applyAudioDirectives(a, [{ type: "AudioPlayer.ClearQueue", clearBehavior: "CLEAR_ALL" }], thirtySeconds);
    expect(all.device).toMatchObject({ activity: "STOPPED", queue: [] });
    expect(all.events.map((e) => e.type)).toEqual(["PlaybackStopped"]);
  });

  it("sends NearlyFinished ten seconds before the end, Finished at the end, then starts the queue", () => {
    let device = applyAudioDirectives(IDLE_DEVICE, [play("a", "REPLACE_ALL"), play("b", "ENQUEUE", { previous: "a" })], thirtySeconds).device;
    expect(nextPlaybackEvent(device, 19_999)).toBeUndefined();
    const nearly = nextPlaybackEvent(device, 25_000);
    expect(nearly).toMatchObject({ event: { type: "PlaybackNearlyFinished", token: "a", offsetMs: 20_000 }, elapsedMs: 20_000 });
    device = nearly?.device ?? device;
    const finished = nextPlaybackEvent(device, 10_000);
    expect(finished).toMatchObject({ event: { type: "PlaybackFinished", token: "a", offsetMs: 30_000 }, elapsedMs: 10_000 });
    const next = startQueued(finished?.device ?? device);
    expect(next.events).toEqual([{ type: "PlaybackStarted", token: "b", offsetMs: 0 }]);
    expect(next.device).toMatchObject({ activity: "PLAYING", current: { token: "b" }, queue: [] });
  });

  it("owes nothing while idle or stopped, however much time passes", () => {
    expect(nextPlaybackEvent(IDLE_DEVICE, 1e9)).toBeUndefined();
    expect(audioPlayerContext(IDLE_DEVICE)).toEqual({ offsetInMilliseconds: 0, playerActivity: "IDLE" });
  });
});
