/**
 * {{name}} talked to with the virtual Alexa (skillflare/testing): your words are resolved
 * against the skill's own interaction model (skill-package/), the session is carried from turn
 * to turn, and every request is dev-signed and verified by the Worker, as in production.
 * Write a conversation here for every flow a user can take.
 */
import { exports } from "cloudflare:workers";
import { createVirtualAlexa, importDevSigningKit, type InteractionModelJson } from "skillflare/testing";
import { describe, expect, it, inject } from "vitest";
import model from "../skill-package/interactionModels/custom/en-US.json";
import { newUser } from "./alexa.js";

const kit = importDevSigningKit(inject("devKit"));
const invocation = (model as InteractionModelJson).interactionModel.languageModel.invocationName;

const talkTo = async (userId = newUser()) =>
  createVirtualAlexa({
    model: model as InteractionModelJson,
    fetch: (request) => exports.default.fetch(request),
    url: "http://localhost:8787/",
    kit: await kit,
    userId,
  });

describe("{{name}}, talked to", () => {
  it("opens, hears a color by synonym in the same session, and remembers it next time", async () => {
    const user = newUser();
    const alexa = await talkTo(user);
    const opened = await alexa.say(`open ${invocation}`);
    expect(opened.request.request.type).toBe("LaunchRequest");
    expect(opened.speech).toContain("What is your favorite color?");
    expect(opened.sessionEnded).toBe(false);
    const sessionId = alexa.session?.sessionId;

    const told = await alexa.say("my favorite color is navy");
    expect(told.request.session?.sessionId).toBe(sessionId);
    expect(told.resolution).toMatchObject({ kind: "intent", intent: { name: "FavoriteColorIntent" } });
    expect(told.speech).toContain("you like blue");
    expect(told.sessionEnded).toBe(true);

    const again = await (await talkTo(user)).say(`open ${invocation}`);
    expect(again.speech).toContain("Last time you told me you like blue");
  });

  it("helps, then says goodbye when the user says stop", async () => {
    const alexa = await talkTo();
    await alexa.launch();
    const help = await alexa.say("help");
    expect(help.resolution).toMatchObject({ kind: "intent", intent: { name: "AMAZON.HelpIntent" } });
    expect(help.sessionEnded).toBe(false);
    const stop = await alexa.say("stop");
    expect(stop.speech).toContain("Goodbye");
    expect(stop.sessionEnded).toBe(true);
  });
});
