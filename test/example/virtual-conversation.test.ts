/**
 * Conversations with Bedtime Stories through createVirtualAlexa (skillflare/testing): words
 * resolved against the skill's own interaction model, a session carried from turn to turn, the
 * PlayStoryIntent dialog (Dialog.Delegate answered with the model's elicitation and validation
 * prompts, dialogState STARTED -> IN_PROGRESS -> COMPLETED), and the audio device playing the
 * stories, pausing and resuming at the offset. Every request is dev-signed and verified by the
 * Worker.
 */
import { describe, expect, it } from "vitest";
import { STORIES } from "../../src/example/index.js";
import { storyAlexa } from "./virtual-alexa-helpers.js";

describe("Bedtime Stories, talked to", () => {
  it("opens, then plays the story asked for in free words, in one session", async () => {
    const alexa = await storyAlexa();
    const opened = await alexa.say("Alexa, open bedtime stories");
    expect(opened.request.request.type).toBe("LaunchRequest");
    expect(opened.request.session?.new).toBe(true);
    expect(opened.speech).toMatch(/^Welcome to Bedtime Stories\./);
    expect(opened.sessionEnded).toBe(false);
    const sessionId = alexa.session?.sessionId;

    const play = await alexa.say("play the dragon story");
    expect(play.status).toBe(200);
    expect(play.request.session?.sessionId).toBe(sessionId);
    expect(play.request.session?.new).toBe(false);
    expect(play.resolution).toMatchObject({ kind: "intent", intent: { name: "PlayStoryIntent" } });
    expect(play.speech).toBe("Here is The Sleepy Dragon.");
    expect(play.audio).toMatchObject({ token: "story:dragons", offsetMs: 0 });
    expect(play.sessionEnded).toBe(true);
    expect(alexa.session).toBeUndefined();
    expect(play.followUps.map((t) => t.request.request.type)).toEqual(["AudioPlayer.PlaybackStarted"]);
    expect(alexa.device).toMatchObject({ activity: "PLAYING", current: { token: "story:dragons" } });
  });

  it("asks for the story with the model's prompt when none was named, and rejects one it does not have", async () => {
    const alexa = await storyAlexa();
    const ask = await alexa.say("ask bedtime stories to read me a story");
    expect(ask.dialogState).toBe("STARTED");
    expect(ask.directives).toEqual([{ type: "Dialog.Delegate" }]);
    expect(ask.alexaSaid).toMatch(/^Which story would you like\? The Sleepy Dragon/);
    expect(alexa.dialog?.awaiting).toEqual({ kind: "elicit", slot: "story" });

    const pirates = await alexa.say("the pirates");
    expect(pirates.dialogState).toBe("IN_PROGRESS");
    expect(pirates.request.request).toMatchObject({ intent: { slots: { story: { value: "the pirates" } } } });
    expect(pirates.alexaSaid).toMatch(/^I don't have a story called the pirates\./);

    const owl = await alexa.say("the little owl");
    expect(owl.dialogState).toBe("IN_PROGRESS");
    expect(owl.speech).toBe(`Here is ${STORIES[2]?.title}.`);
    expect(owl.audio?.token).toBe("story:owl");
    expect(alexa.dialog).toBeUndefined();
  });

  it("plays on through the catalog as time passes: NearlyFinished enqueues, Finished starts the next", async () => {
    const alexa = await storyAlexa();
    await alexa.say("ask bedtime stories to play the sleepy dragon");
    const dragon = STORIES[0]?.durationMs ?? 0;
    const events = await alexa.advance(dragon + 1_000);
    expect(events.map((t) => `${t.request.request.type} ${(t.request.request as { token?: string }).token}`)).toEqual([
      "AudioPlayer.PlaybackNearlyFinished story:dragons",
      "AudioPlayer.PlaybackFinished story:dragons",
      "AudioPlayer.PlaybackStarted story:moon",
    ]);
    expect(events[0]?.directives[0]).toMatchObject({ playBehavior: "ENQUEUE" });
    expect(alexa.device).toMatchObject({ activity: "PLAYING", current: { token: "story:moon" }, offsetMs: 1_000 });
  });

  it("pauses at the offset reached and resumes from there in a later session", async () => {
    const alexa = await storyAlexa();
    await alexa.say("ask bedtime stories to play the quiet sea");
    await alexa.advance(5_000);
    const pause = await alexa.say("pause");
    expect(pause.request.context.AudioPlayer).toEqual({ token: "story:sea", offsetInMilliseconds: 5_000, playerActivity: "PLAYING" });
    expect(pause.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    expect(pause.followUps.map((t) => t.request.request)).toMatchObject([{ type: "AudioPlayer.PlaybackStopped", offsetInMilliseconds: 5_000 }]);
    expect(alexa.device.activity).toBe("STOPPED");

    await alexa.advance(60_000); // nothing plays, nothing is sent
    const resume = await alexa.say("resume");
    expect(resume.audio).toMatchObject({ token: "story:sea", offsetMs: 5_000 });
    expect(alexa.device).toMatchObject({ activity: "PLAYING", offsetMs: 5_000 });
  });

  it("keeps the conversation across a snapshot, as the console does between HTTP calls", async () => {
    const first = await storyAlexa();
    await first.say("open bedtime stories");
    const state = JSON.parse(JSON.stringify(first.snapshot()));
    const second = await storyAlexa({ state });
    const help = await second.say("help");
    expect(help.request.session?.sessionId).toBe(first.session?.sessionId);
    expect(help.request.context.System.user.userId).toBe(state.userId);
    expect(help.speech).toContain("I read short bedtime stories.");
  });

  it("ends the session with SessionEndedRequest on exit, and says goodnight on stop", async () => {
    const alexa = await storyAlexa();
    await alexa.launch();
    const exit = await alexa.say("exit");
    expect(exit.request.request).toMatchObject({ type: "SessionEndedRequest", reason: "USER_INITIATED" });
    expect(exit.sessionEnded).toBe(true);
    await alexa.launch();
    const stop = await alexa.say("stop");
    expect(stop.speech).toBe("Goodnight.");
    expect(alexa.session).toBeUndefined();
  });
});
