// Runs the example skill of docs/skill-api.md (copied in guide-example.ts) against real D1,
// and fails when the guide's code block and the copy drift apart.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import guide from "../../docs/skill-api.md?raw";
import copy from "./guide-example.ts?raw";
import { skill } from "./guide-example.js";
import { audioPlayerEnvelope, collectingContext, intentEnvelope, launchEnvelope, slot } from "./fixtures.js";

const context = () => collectingContext(env, { checks: "throw", fetch: async () => new Response(null, { status: 204 }) });

describe("the guide's example skill", () => {
  it("is the code shown in docs/skill-api.md", () => {
    const shown = /```ts\n\/\/ skill\.ts\n([\s\S]*?)```/.exec(guide)?.[1];
    const body = copy.split("\n").slice(2).join("\n");
    expect(body).toBe(shown);
  });

  it("counts visits in D1, resolves slots, plays and chains audio", async () => {
    const userId = `amzn1.ask.account.guide-${Date.now()}`;
    await skill.handle(launchEnvelope({ userId }), context());
    const second = await skill.handle(launchEnvelope({ userId }), context());
    expect(second.response.outputSpeech).toMatchObject({ ssml: expect.stringContaining("Visit number 2.") });
    expect(second.response.shouldEndSession).toBe(false);

    const unresolved = await skill.handle(intentEnvelope("WeatherIntent", { city: slot("city", "atlantis") }), context());
    expect(unresolved.response.directives).toEqual([{ type: "Dialog.ElicitSlot", slotToElicit: "city" }]);
    const city = slot("city", "big apple", {
      resolutions: { resolutionsPerAuthority: [{ authority: "a", status: { code: "ER_SUCCESS_MATCH" }, values: [{ value: { id: "NYC", name: "New York" } }] }] },
    });
    const weather = await skill.handle(intentEnvelope("WeatherIntent", { city }), context());
    expect(weather.response.card).toEqual({ type: "Simple", title: "New York", content: "sunny (NYC)" });

    const nearly = await skill.handle(audioPlayerEnvelope("AudioPlayer.PlaybackNearlyFinished", "1"), context());
    expect(nearly.response.directives?.[0]).toMatchObject({ playBehavior: "ENQUEUE", audioItem: { stream: { token: "2", expectedPreviousToken: "1" } } });
    expect((await skill.handle(audioPlayerEnvelope("AudioPlayer.PlaybackStopped"), context())).response).toEqual({});
  });
});
