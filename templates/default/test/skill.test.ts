/**
 * {{name}} end to end: signed requests through the Worker's full verification, real local D1
 * for what the skill remembers. Add a test here for every intent you add.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ask, newUser, speech } from "./alexa.js";

const remembered = (userId: string) =>
  env.DB.prepare("SELECT value FROM skill_attributes WHERE partition_key = ?1 AND name = ?2")
    .bind(userId, "favoriteColor")
    .first<{ value: string }>();

describe("{{name}}", () => {
  it("welcomes a new user and asks for a color, keeping the session open", async () => {
    const { status, body } = await ask({ type: "LaunchRequest" }, newUser());
    expect(status).toBe(200);
    expect(speech(body)).toContain("What is your favorite color?");
    expect(body.response.shouldEndSession).toBe(false);
  });

  it("remembers the color in D1 and names it on the next launch", async () => {
    const user = newUser();
    const told = await ask({ type: "IntentRequest", intent: "FavoriteColorIntent", slots: { color: "blue" } }, user);
    expect(speech(told.body)).toContain("you like blue");
    expect(told.body.response.shouldEndSession).toBe(true);
    expect(JSON.parse((await remembered(user))?.value ?? "null")).toBe("blue");
    const back = await ask({ type: "LaunchRequest" }, user);
    expect(speech(back.body)).toContain("Last time you told me you like blue");
  });

  it("asks again when the color slot is empty, and stores nothing", async () => {
    const user = newUser();
    const { body } = await ask({ type: "IntentRequest", intent: "FavoriteColorIntent" }, user);
    expect(speech(body)).toContain("did not catch that");
    expect(body.response.shouldEndSession).toBe(false);
    expect(await remembered(user)).toBeNull();
  });

  it.each([
    ["AMAZON.HelpIntent", "my favorite color is blue", false],
    ["AMAZON.FallbackIntent", "can only remember colors", false],
    ["AMAZON.StopIntent", "Goodbye", true],
    ["AMAZON.CancelIntent", "Goodbye", true],
  ])("%s answers with %j", async (intent, words, ends) => {
    const { status, body } = await ask({ type: "IntentRequest", intent }, newUser());
    expect(status).toBe(200);
    expect(speech(body)).toContain(words);
    expect(body.response.shouldEndSession).toBe(ends);
  });

  it("answers SessionEndedRequest without speech", async () => {
    const { status, body } = await ask({ type: "SessionEndedRequest" }, newUser());
    expect(status).toBe(200);
    expect(body.response.outputSpeech).toBeUndefined();
  });

  it("refuses a request that Alexa did not sign (HTTP 400), and a GET (HTTP 405)", async () => {
    const unsigned = await exports.default.fetch("http://localhost:8787/", { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(400);
    expect((await exports.default.fetch("http://localhost:8787/")).status).toBe(405);
  });
});
