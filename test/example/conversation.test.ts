/**
 * The example skill's spoken paths through the deployed Worker: launch (and "welcome back"
 * once a story is paused), help, fallback, unsupported and unknown intents, stop/cancel with
 * and without a story playing, SessionEndedRequest and skill events.
 */
import { describe, expect, it } from "vitest";
import { STORIES } from "../../src/example/index.js";
import { intent, newUserId, playing, send, speechOf } from "./helpers.js";

describe("Bedtime Stories: conversation", () => {
  it("welcomes a new listener, lists every story and keeps the microphone open", async () => {
    const { status, body } = await send({ type: "LaunchRequest" }, { userId: newUserId() });
    expect(status).toBe(200);
    const speech = speechOf(body) ?? "";
    expect(speech).toMatch(/^Welcome to Bedtime Stories\./);
    for (const story of STORIES) expect(speech).toContain(story.title);
    expect(body.response.reprompt?.outputSpeech).toBeDefined();
    expect(body.response.shouldEndSession).toBe(false);
    expect(body.response.directives).toBeUndefined();
  });

  it("welcomes back a listener with a paused story and offers to resume it", async () => {
    const userId = newUserId();
    await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:owl", 4_000) });
    const { body } = await send({ type: "LaunchRequest" }, { userId });
    expect(speechOf(body)).toContain("Welcome back. You were listening to The Little Owl's Lullaby. Say resume");
    expect(body.response.shouldEndSession).toBe(false);
  });

  it("explains itself on AMAZON.HelpIntent and waits for an answer", async () => {
    const { status, body } = await send(intent("AMAZON.HelpIntent"), { userId: newUserId() });
    expect(status).toBe(200);
    expect(speechOf(body)).toContain("I read short bedtime stories.");
    expect(body.response.shouldEndSession).toBe(false);
  });

  it("answers AMAZON.FallbackIntent and any intent it has no handler for with the choices", async () => {
    for (const name of ["AMAZON.FallbackIntent", "AMAZON.YesIntent"]) {
      const { status, body } = await send(intent(name), { userId: newUserId() });
      expect(status).toBe(200);
      expect(speechOf(body)).toContain("Sorry, I can't help with that.");
      expect(body.response.shouldEndSession).toBe(false);
    }
  });

  it("declines loop and shuffle politely and ends the session", async () => {
    const { body } = await send(intent("AMAZON.ShuffleOnIntent"), { userId: newUserId() });
    expect(speechOf(body)).toContain("can't do that");
    expect(body.response.shouldEndSession).toBe(true);
  });

  it("says goodnight on stop and cancel when nothing is playing", async () => {
    for (const name of ["AMAZON.StopIntent", "AMAZON.CancelIntent"]) {
      const { body } = await send(intent(name), { userId: newUserId() });
      expect(speechOf(body)).toBe("Goodnight.");
      expect(body.response.shouldEndSession).toBe(true);
      expect(body.response.directives).toBeUndefined();
    }
  });

  it("stops playback with AudioPlayer.Stop (and no speech) when a story is playing", async () => {
    const { body } = await send(intent("AMAZON.StopIntent"), { userId: newUserId(), audioPlayer: playing("story:sea", 9_000) });
    expect(body.response.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    expect(body.response.outputSpeech).toBeUndefined();
    expect(body.response.shouldEndSession).toBe(true);
  });

  it("accepts SessionEndedRequest (with or without an error) with an empty answer", async () => {
    const plain = await send({ type: "SessionEndedRequest", reason: "USER_INITIATED" }, { userId: newUserId() });
    expect(plain.status).toBe(200);
    expect(plain.body.response.outputSpeech).toBeUndefined();
    const failed = await send(
      { type: "SessionEndedRequest", reason: "ERROR", error: { type: "INVALID_RESPONSE", message: "test" } },
      { userId: newUserId() },
    );
    expect(failed.status).toBe(200);
  });

  it("answers skill events (SkillEnabled, SkillDisabled) with an empty response", async () => {
    for (const type of ["AlexaSkillEvent.SkillEnabled", "AlexaSkillEvent.SkillDisabled"] as const) {
      const { status, body } = await send({ type }, { userId: newUserId() });
      expect(status).toBe(200);
      expect(body).toEqual({ version: "1.0", response: {} });
    }
  });
});
