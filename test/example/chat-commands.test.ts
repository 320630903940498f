/**
 * What `skillflare chat` makes of a typed line (cli/chat-commands.ts), and the turn lines it
 * and `simulate "words"` print (cli/turn-render.ts), on a real conversation with the example.
 */
import { describe, expect, it } from "vitest";
import { parseChatLine, parseDuration } from "../../cli/chat-commands.js";
import { renderTurn } from "../../cli/turn-render.js";
import { storyAlexa } from "./virtual-alexa-helpers.js";

describe("chat lines", () => {
  it("parses durations", () => {
    expect([parseDuration("1500"), parseDuration("1500ms"), parseDuration("30s"), parseDuration("2m"), parseDuration("1m30s"), parseDuration("0.5s")]).toEqual([1500, 1500, 30_000, 120_000, 90_000, 500]);
    expect(parseDuration("soon")).toBeUndefined();
  });

  it("tells words from commands, and a mistake from both", () => {
    expect(parseChatLine("  play the dragon story ")).toEqual({ kind: "say", words: "play the dragon story" });
    expect(parseChatLine("/advance 30s")).toEqual({ kind: "advance", ms: 30_000 });
    expect(parseChatLine("/intent PlayStoryIntent story=the quiet sea")).toEqual({ kind: "intent", name: "PlayStoryIntent", slots: { story: "the quiet sea" } });
    expect(parseChatLine("/event PlaybackStopped 4s")).toEqual({ kind: "event", type: "PlaybackStopped", offsetMs: 4_000 });
    expect(parseChatLine("/end error")).toEqual({ kind: "end", reason: "ERROR" });
    expect(parseChatLine("/press pause")).toEqual({ kind: "press", button: "pause" });
    expect(parseChatLine("/advance")).toMatchObject({ kind: "mistake" });
    expect(parseChatLine("/teleport")).toEqual({ kind: "mistake", message: "unknown command /teleport (/help lists them)" });
    expect(parseChatLine("")).toEqual({ kind: "nothing" });
  });
});

describe("turn lines", () => {
  it("show what Alexa heard, what was sent, the answer and the events that followed", async () => {
    const alexa = await storyAlexa();
    const lines = renderTurn(await alexa.say("ask bedtime stories to play the owl"));
    expect(lines[0]).toBe('heard:     launch with PlayStoryIntent via "play {story}"');
    expect(lines[1]).toBe('sent:      PlayStoryIntent story="the owl" (id owl) dialogState=STARTED');
    expect(lines).toContain("speech:    Here is The Little Owl's Lullaby.");
    expect(lines).toContain("session:   ends");
    expect(lines).toContain("then:      AudioPlayer.PlaybackStarted token=story:owl offset=0");
  });

  it("show Alexa's own dialog prompt after a Delegate", async () => {
    const alexa = await storyAlexa();
    const lines = renderTurn(await alexa.say("ask bedtime stories to read me a story"));
    expect(lines).toContain("directive: Dialog.Delegate");
    expect(lines.some((line) => line.startsWith("alexa:     Which story would you like?"))).toBe(true);
  });
});
