/**
 * The pure pieces of the console: directives in words, offsets as m:ss.t, audio URLs made
 * playable from the page's origin, the action parser, SKILLFLARE_DEV_MODELS parsing, and the
 * .dev.vars values npm start writes for the console (quotes escaped, JSON intact).
 */
import { describe, expect, it } from "vitest";
import { devKitValue, devModelsValue, devVarsValue, updateDevVars } from "../../cli/dev-setup-plan.js";
import { ConsoleInputError, parseAction } from "../../src/console/api.js";
import { ConsoleConfigError, parseDevModels } from "../../src/console/dev-config.js";
import { directiveInWords, formatOffset } from "../../src/console/directive-words.js";
import { deviceView, playableUrl, turnView } from "../../src/console/turn-view.js";
import { createRequestEnvelope, type Turn } from "../../src/testing/index.js";
import { audioClearQueue, audioPlay, audioStop, elicitSlot } from "../../src/skill/index.js";

const stream = { url: "https://localhost:8787/audio/stories/moon.mp3", token: "story:moon" };

describe("directives in words", () => {
  it("says what each AudioPlayer and Dialog directive asks for", () => {
    expect(directiveInWords(audioPlay({ ...stream, behavior: "REPLACE_ALL", offsetInMilliseconds: 83_500 }))).toBe(
      "Play stream story:moon from 1:23.5, replacing the queue",
    );
    expect(directiveInWords(audioPlay({ ...stream, behavior: "ENQUEUE", expectedPreviousToken: "story:owl", offsetInMilliseconds: 0 }))).toBe(
      "Queue stream story:moon from 0:00.0 after story:owl",
    );
    expect(directiveInWords(audioStop())).toBe("Stop the audio player");
    expect(directiveInWords(audioClearQueue("CLEAR_ALL"))).toBe("Stop and clear the whole queue");
    expect(directiveInWords(audioClearQueue("CLEAR_ENQUEUED"))).toBe("Clear the queued streams");
    expect(directiveInWords(elicitSlot("story"))).toBe("Ask for the slot story");
    expect(directiveInWords({ type: "Alexa.Presentation.APL.RenderDocument" } as never)).toBe("Directive Alexa.Presentation.APL.RenderDocument");
  });

  it("formats offsets as minutes, seconds and tenths", () => {
    expect([0, 950, 59_999, 60_000, 600_049].map(formatOffset)).toEqual(["0:00.0", "0:01.0", "1:00.0", "1:00.0", "10:00.0"]);
  });
});

describe("playable audio URLs", () => {
  it("moves URLs on the console's own host to the page's origin and leaves others alone", () => {
    expect(playableUrl("https://localhost:8787/audio/a%20b.mp3?sig=x", "http://localhost:8787")).toBe("http://localhost:8787/audio/a%20b.mp3?sig=x");
    expect(playableUrl("https://cdn.example.com/a.mp3", "http://localhost:8787")).toBe("https://cdn.example.com/a.mp3");
    expect(playableUrl("https://localhost:9999/a.mp3", "http://localhost:8787")).toBe("https://localhost:9999/a.mp3");
    expect(playableUrl("not a url", "http://localhost:8787")).toBe("not a url");
  });
});

describe("a turn as the page shows it", () => {
  it("keeps the card with its image, makes SSML clips playable and says what the player must do", () => {
    const request = createRequestEnvelope({ request: { type: "IntentRequest", intent: "PlayStoryIntent", slots: { story: { value: "moon", resolved: { id: "moon", name: "The Moon" } } } } });
    const turn: Turn = {
      kind: "utterance",
      said: "play moon",
      resolution: { kind: "intent", intent: request.request.type === "IntentRequest" ? request.request.intent : { name: "x", confirmationStatus: "NONE" } },
      request,
      status: 200,
      speech: "Here is the moon.",
      card: { title: "The Moon", text: "A story", imageUrl: "https://cdn.example.com/moon.png" },
      directives: [audioPlay({ ...stream, behavior: "REPLACE_ALL", offsetInMilliseconds: 1_500 }), audioStop()],
      ssmlAudio: ["https://localhost:8787/audio/chime.mp3"],
      sessionEnded: true,
      sent: true,
      followUps: [],
    };
    const view = turnView(turn, "http://localhost:8787");
    expect(view.heard).toBe('You said "play moon"');
    expect(view.resolvedTo).toBe("PlayStoryIntent");
    expect(view.slots).toEqual([{ name: "story", value: "moon", resolved: "The Moon (id moon)" }]);
    expect(view.card).toEqual({ title: "The Moon", text: "A story", imageUrl: "https://cdn.example.com/moon.png" });
    expect(view.ssmlAudio).toEqual(["http://localhost:8787/audio/chime.mp3"]);
    expect(view.player).toEqual([{ kind: "play", url: "http://localhost:8787/audio/stories/moon.mp3", token: "story:moon", offsetMs: 1_500 }, { kind: "stop" }]);
    expect(view.directives).toEqual(["Play stream story:moon from 0:01.5, replacing the queue", "Stop the audio player"]);
  });

  it("shows the device's stream on the page's origin", () => {
    const device = { activity: "PLAYING", current: { ...stream, startOffsetMs: 0, durationMs: 22_000 }, offsetMs: 1234.4, queue: [], nearlyFinishedSent: false } as const;
    expect(deviceView(device, "http://localhost:8787")).toEqual({ activity: "PLAYING", token: "story:moon", url: "http://localhost:8787/audio/stories/moon.mp3", offsetMs: 1234 });
    expect(deviceView({ activity: "IDLE", offsetMs: 0, queue: [], nearlyFinishedSent: false }, "http://localhost:8787")).toEqual({ activity: "IDLE", offsetMs: 0 });
  });
});

describe("console actions", () => {
  it("accepts the five kinds and rounds offsets", () => {
    expect(parseAction({ kind: "launch" })).toEqual({ kind: "launch" });
    expect(parseAction({ kind: "say", words: "  play the moon " })).toEqual({ kind: "say", words: "play the moon" });
    expect(parseAction({ kind: "event", event: "PlaybackStopped", offsetMs: 1234.6 })).toEqual({ kind: "event", event: "PlaybackStopped", offsetMs: 1235 });
    expect(parseAction({ kind: "press", button: "pause" })).toEqual({ kind: "press", button: "pause" });
    expect(parseAction({ kind: "end" })).toEqual({ kind: "end" });
  });

  it("refuses anything else with a ConsoleInputError", () => {
    for (const bad of [null, "launch", { kind: "say" }, { kind: "say", words: "x".repeat(501) }, { kind: "event", event: "Nope" }, { kind: "event", event: "PlaybackStarted", offsetMs: Number.NaN }, { kind: "press", button: "eject" }]) {
      expect(() => parseAction(bad), JSON.stringify(bad)).toThrow(ConsoleInputError);
    }
  });
});

describe("SKILLFLARE_DEV_MODELS", () => {
  const model = { interactionModel: { languageModel: { invocationName: "x", intents: [{ name: "A", samples: ["the moon who couldn't sleep"] }] } } };

  it("round-trips through .dev.vars with quotes in samples", () => {
    const text = updateDevVars(undefined, { SKILLFLARE_DEV_MODELS: devModelsValue({ "en-US": model }) });
    expect(parseDevModels(devVarsValue(text, "SKILLFLARE_DEV_MODELS"))).toEqual({ "en-US": model });
  });

  it("explains what is wrong with a bad value", () => {
    const cases: [string | undefined, string][] = [
      [undefined, "not set"],
      ["{", "not JSON"],
      ["[]", "map locales"],
      ["{}", "no locale"],
      ['{"en-US": {"interactionModel": {}}}', 'SKILLFLARE_DEV_MODELS["en-US"]'],
    ];
    for (const [text, message] of cases) {
      expect(() => parseDevModels(text)).toThrow(ConsoleConfigError);
      expect(() => parseDevModels(text)).toThrow(message);
    }
  });

  it("writes the kit as one line of JSON", () => {
    const kit = { format: "skillflare-dev-kit/1", createdAt: "2026-01-01T00:00:00.000Z", chainUrl: "u", chainPem: "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n", anchorsPem: [], certificatesPem: {}, signingKeyPkcs8: "AAA'" } as never;
    const value = devKitValue(kit);
    expect(value).not.toMatch(/['\n]/);
    expect(JSON.parse(value)).toEqual(kit);
  });
});
