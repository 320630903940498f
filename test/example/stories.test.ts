/**
 * Choosing and controlling stories by voice, through the deployed Worker with real local D1:
 * PlayStoryIntent by entity-resolution id, by what was said, unknown and empty; pause saves
 * the offset Alexa reports, resume plays REPLACE_ALL from it (across requests, read back from
 * D1); next, previous, start over.
 */
import { describe, expect, it } from "vitest";
import { outputSpeechText } from "../../cli/simulate-render.js";
import { intent, newUserId, playing, playOf, send, speechOf, storedPlayback } from "./helpers.js";

const STORY_URL = (id: string) => `https://localhost:8787/audio/stories/${id}.mp3`;

describe("Bedtime Stories: PlayStoryIntent", () => {
  it("plays the story entity resolution matched, from the Worker's own host, and ends the session", async () => {
    const userId = newUserId();
    const slots = { story: { value: "sleepy dragon", resolved: { id: "dragons", name: "the sleepy dragon" }, slotType: "STORY" } };
    const { status, body } = await send(intent("PlayStoryIntent", slots), { userId });
    expect(status).toBe(200);
    expect(speechOf(body)).toBe("Here is The Sleepy Dragon.");
    expect(body.response.directives).toEqual([
      {
        type: "AudioPlayer.Play",
        playBehavior: "REPLACE_ALL",
        audioItem: {
          stream: { token: "story:dragons", url: STORY_URL("dragons"), offsetInMilliseconds: 0 },
          metadata: { title: "The Sleepy Dragon", subtitle: "Bedtime Stories" },
        },
      },
    ]);
    expect(body.response.shouldEndSession).toBe(true);
    expect(await storedPlayback(userId)).toEqual({ storyId: "dragons", token: "story:dragons", offsetInMilliseconds: 0 });
  });

  it("finds a story by what was said when entity resolution gave no id", async () => {
    const { body } = await send(intent("PlayStoryIntent", { story: "The Quiet Sea" }), { userId: newUserId() });
    expect(playOf(body)?.audioItem?.stream?.url).toBe(STORY_URL("sea"));
  });

  it("lists the stories and reprompts for an unknown story, playing nothing", async () => {
    const userId = newUserId();
    const slots = { story: { value: "unicorns", resolved: "no-match" as const, slotType: "STORY" } };
    const { status, body } = await send(intent("PlayStoryIntent", slots), { userId });
    expect(status).toBe(200);
    expect(speechOf(body)).toBe(
      "I don't know a story called unicorns. I can read The Sleepy Dragon, The Moon Who Could Not Sleep, " +
        "The Little Owl's Lullaby, or The Quiet Sea. Which one would you like?",
    );
    expect(outputSpeechText(body.response.reprompt?.outputSpeech)).toContain("Which story");
    expect(body.response.directives).toBeUndefined();
    expect(body.response.shouldEndSession).toBe(false);
    expect(await storedPlayback(userId)).toBeUndefined();
  });

  it("asks which story when the slot is empty", async () => {
    const { body } = await send(intent("PlayStoryIntent", { story: {} }), { userId: newUserId() });
    expect(speechOf(body)).toMatch(/^Which story would you like\? I can read/);
    expect(body.response.shouldEndSession).toBe(false);
  });
});

describe("Bedtime Stories: pause and resume", () => {
  it("pauses with AudioPlayer.Stop, saves the offset in D1, and resumes from it in a later request", async () => {
    const userId = newUserId();
    const paused = await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:moon", 7_250) });
    expect(paused.status).toBe(200);
    expect(paused.body.response.directives).toEqual([{ type: "AudioPlayer.Stop" }]);
    expect(paused.body.response.outputSpeech).toBeUndefined();
    expect(await storedPlayback(userId)).toEqual({ storyId: "moon", token: "story:moon", offsetInMilliseconds: 7_250 });

    const resumed = await send(intent("AMAZON.ResumeIntent"), { userId });
    const play = playOf(resumed.body);
    expect(play?.playBehavior).toBe("REPLACE_ALL");
    expect(play?.audioItem?.stream).toEqual({ token: "story:moon", url: STORY_URL("moon"), offsetInMilliseconds: 7_250 });
    expect(resumed.body.response.shouldEndSession).toBe(true);
  });

  it("resumes from the offset of the PlaybackStopped that followed the pause", async () => {
    const userId = newUserId();
    await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:owl", 1_000) });
    const stopped = await send({ type: "AudioPlayer.PlaybackStopped", token: "story:owl", offsetInMilliseconds: 12_345 }, { userId });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({ version: "1.0", response: {} });
    const resumed = await send(intent("AMAZON.ResumeIntent"), { userId });
    expect(playOf(resumed.body)?.audioItem?.stream?.offsetInMilliseconds).toBe(12_345);
  });

  it("resumes the stream this device reports in context.AudioPlayer, before the saved point", async () => {
    // Alexa sends the token and offset only to the skill that last played on the device, so a
    // device reporting one of our stories is resumed where it stopped, with no D1 read.
    const userId = newUserId();
    await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:moon", 7_250) });
    const device = { token: "story:owl", offsetInMilliseconds: 3_000.4, playerActivity: "STOPPED" } as const;
    const resumed = await send(intent("AMAZON.ResumeIntent"), { userId, audioPlayer: device });
    expect(playOf(resumed.body)?.playBehavior).toBe("REPLACE_ALL");
    expect(playOf(resumed.body)?.audioItem?.stream).toEqual({ token: "story:owl", url: STORY_URL("owl"), offsetInMilliseconds: 3_000 });
    expect(await storedPlayback(userId), "nothing saved by the resume itself").toEqual({ storyId: "moon", token: "story:moon", offsetInMilliseconds: 7_250 });
  });

  it("plays the device's stream from 0 when its offset is missing, negative or not a number, and from the play button too", async () => {
    const userId = newUserId();
    for (const offsetInMilliseconds of [undefined, -5, Number.NaN]) {
      const device = { token: "story:sea", offsetInMilliseconds, playerActivity: "STOPPED" } as never;
      const resumed = await send(intent("AMAZON.ResumeIntent"), { userId, audioPlayer: device });
      expect(playOf(resumed.body)?.audioItem?.stream, String(offsetInMilliseconds)).toMatchObject({ token: "story:sea", offsetInMilliseconds: 0 });
    }
    const button = await send({ type: "PlaybackController.PlayCommandIssued" }, { userId, audioPlayer: { token: "story:owl", offsetInMilliseconds: 1_234, playerActivity: "STOPPED" } });
    expect(playOf(button.body)?.audioItem?.stream).toMatchObject({ token: "story:owl", offsetInMilliseconds: 1_234 });
  });

  it("falls back to the saved point when the device's stream finished or is not one of ours", async () => {
    const userId = newUserId();
    await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:moon", 7_250) });
    for (const device of [
      { token: "story:owl", offsetInMilliseconds: 90_000, playerActivity: "FINISHED" },
      { token: "story:retired", offsetInMilliseconds: 1_000, playerActivity: "STOPPED" },
      { offsetInMilliseconds: 0, playerActivity: "IDLE" },
    ] as const) {
      const resumed = await send(intent("AMAZON.ResumeIntent"), { userId, audioPlayer: device });
      expect(playOf(resumed.body)?.audioItem?.stream, device.playerActivity).toMatchObject({ token: "story:moon", offsetInMilliseconds: 7_250 });
    }
  });

  it("says there is nothing to resume for a listener with no saved story", async () => {
    const { body } = await send(intent("AMAZON.ResumeIntent"), { userId: newUserId() });
    expect(speechOf(body)).toMatch(/^There is no story paused right now\./);
    expect(body.response.directives).toBeUndefined();
    expect(body.response.shouldEndSession).toBe(false);
  });
});

describe("Bedtime Stories: next, previous, start over", () => {
  it("moves to the next story after the one playing, and says so after the last", async () => {
    const next = await send(intent("AMAZON.NextIntent"), { userId: newUserId(), audioPlayer: playing("story:dragons", 3_000) });
    expect(speechOf(next.body)).toBe("Here is The Moon Who Could Not Sleep.");
    expect(playOf(next.body)?.audioItem?.stream?.url).toBe(STORY_URL("moon"));

    const last = await send(intent("AMAZON.NextIntent"), { userId: newUserId(), audioPlayer: playing("story:sea", 3_000) });
    expect(speechOf(last.body)).toBe("That was the last story. Goodnight.");
    expect(last.body.response.directives).toBeUndefined();
  });

  it("goes back a story, and restarts the first story when there is none before it", async () => {
    const back = await send(intent("AMAZON.PreviousIntent"), { userId: newUserId(), audioPlayer: playing("story:owl", 3_000) });
    expect(playOf(back.body)?.audioItem?.stream?.token).toBe("story:moon");
    const first = await send(intent("AMAZON.PreviousIntent"), { userId: newUserId(), audioPlayer: playing("story:dragons", 3_000) });
    expect(speechOf(first.body)).toBe("The Sleepy Dragon is the first story. Here it is again.");
    expect(playOf(first.body)?.audioItem?.stream).toMatchObject({ token: "story:dragons", offsetInMilliseconds: 0 });
  });

  it("starts the current story over from the beginning", async () => {
    const { body } = await send(intent("AMAZON.StartOverIntent"), { userId: newUserId(), audioPlayer: playing("story:sea", 15_000) });
    expect(playOf(body)?.audioItem?.stream).toMatchObject({ token: "story:sea", offsetInMilliseconds: 0 });
    const none = await send(intent("AMAZON.RepeatIntent"), { userId: newUserId() });
    expect(speechOf(none.body)).toMatch(/^Which story would you like\?/);
  });
});
