/**
 * Dialogs through the virtual Alexa and a verifying Worker: Dialog.Delegate answered with the
 * model's prompts (elicitation, slot confirmation, validation, intent confirmation) and
 * dialogState STARTED -> IN_PROGRESS -> COMPLETED; auto delegation (ALWAYS), where the skill sees
 * only the COMPLETED intent; ElicitSlot and ConfirmSlot from the skill honoured on the next
 * turn; session attributes carried between turns.
 */
import { describe, expect, it } from "vitest";
import type { IntentRequest } from "ask-sdk-model";
import { pizzaAlexa } from "./pizza-skill.js";

const sentIntent = (turn: { request: { request: unknown } }) => (turn.request.request as IntentRequest).intent;

describe("dialogs", () => {
  it("delegates an order through elicitation, confirmation, validation and intent confirmation", async () => {
    const alexa = await pizzaAlexa();
    await alexa.launch();
    const start = await alexa.say("i want a pizza");
    expect(start.dialogState).toBe("STARTED");
    expect(start.alexaSaid).toBe("What size would you like?");

    const huge = await alexa.say("gigantic");
    expect(huge.dialogState).toBe("IN_PROGRESS");
    expect(huge.alexaSaid).toBe("We don't make gigantic pizzas. Small, medium or large?");
    expect(alexa.dialog?.intent.slots?.["size"]?.value).toBeUndefined();

    const big = await alexa.say("big");
    expect(big.alexaSaid).toBe("A big pizza, right?");
    const denied = await alexa.say("no");
    expect(sentIntent(denied).slots?.["size"]?.confirmationStatus).toBe("DENIED");
    expect(denied.alexaSaid).toBe("What size would you like?");
    await alexa.say("small");
    const confirmed = await alexa.say("yes");
    expect(sentIntent(confirmed).slots?.["size"]).toMatchObject({ value: "small", confirmationStatus: "CONFIRMED" });
    expect(confirmed.alexaSaid).toBe("How many small pizzas?");

    const tooMany = await alexa.say("twelve pizzas");
    expect(tooMany.alexaSaid).toBe("We can bake one to ten pizzas. How many?");
    const three = await alexa.say("three please");
    expect(three.alexaSaid).toBe("3 small pizzas. Shall I order?");
    const order = await alexa.say("yes please");
    expect(sentIntent(order).confirmationStatus).toBe("CONFIRMED");
    expect(order.followUps).toHaveLength(1);
    const completed = order.followUps[0];
    expect(completed?.dialogState).toBe("COMPLETED");
    expect(completed?.speech).toBe("Ordered 3 small pizzas, CONFIRMED.");
    expect(alexa.session).toBeUndefined();
    expect(alexa.dialog).toBeUndefined();
  });

  it("completes at once when the first words fill and confirm everything, and honours a denied order", async () => {
    const alexa = await pizzaAlexa();
    const first = await alexa.say("ask pizza palace to order two large pizzas");
    expect(first.dialogState).toBe("STARTED");
    expect(first.alexaSaid).toBe("A large pizza, right?");
    await alexa.say("yes");
    const no = await alexa.say("no");
    expect(no.followUps[0]?.speech).toBe("Order cancelled.");
  });

  it("runs an ALWAYS-delegated dialog without the skill until it is complete", async () => {
    const alexa = await pizzaAlexa();
    await alexa.launch();
    const ask = await alexa.say("book a table");
    expect(ask.sent).toBe(false);
    expect(ask.speech).toBe("For how many people?");
    const done = await alexa.say("four");
    expect(done.sent).toBe(true);
    expect(done.dialogState).toBe("COMPLETED");
    expect(done.speech).toBe("Table for 4, COMPLETED.");
  });

  it("fills the slot the skill elicited and confirms the one it asked to confirm", async () => {
    const alexa = await pizzaAlexa();
    await alexa.launch();
    expect((await alexa.say("hello")).speech).toBe("What is your name?");
    const named = await alexa.say("ada");
    expect(sentIntent(named).slots?.["name"]?.value).toBe("ada");
    expect(named.speech).toBe("Is your name ada?");
    const wrong = await alexa.say("no");
    expect(wrong.speech).toBe("What is your name?");
    await alexa.say("grace");
    expect((await alexa.say("yes")).speech).toBe("Nice to meet you, grace.");
  });

  it("leaves a dialog when the user says something else entirely", async () => {
    const alexa = await pizzaAlexa();
    await alexa.launch();
    await alexa.say("hello");
    const stop = await alexa.say("stop");
    expect(sentIntent(stop).name).toBe("AMAZON.StopIntent");
    expect(stop.speech).toBe("Bye.");
  });
});

describe("sessions", () => {
  it("carries attributes, a stable session id and new=false; the user and device stay the same", async () => {
    const alexa = await pizzaAlexa({ userId: "amzn1.ask.account.TESTER", deviceId: "amzn1.ask.device.TESTER", locale: "en-GB" });
    const launch = await alexa.launch();
    const help = await alexa.say("help");
    expect(help.request.session?.attributes).toEqual({ turns: 1 });
    expect(help.speech).toBe("Help, turn 2.");
    const again = await alexa.say("help");
    expect(again.speech).toBe("Help, turn 3.");
    for (const turn of [launch, help, again]) {
      expect(turn.request.session?.sessionId).toBe(launch.request.session?.sessionId);
      expect(turn.request.context.System.user.userId).toBe("amzn1.ask.account.TESTER");
      expect(turn.request.context.System.device?.deviceId).toBe("amzn1.ask.device.TESTER");
      expect(turn.request.request.locale).toBe("en-GB");
    }
    expect([launch, help, again].map((t) => t.request.session?.new)).toEqual([true, false, false]);
    await alexa.endSession();
    expect(alexa.session).toBeUndefined();
    const next = await alexa.launch();
    expect(next.request.session?.sessionId).not.toBe(launch.request.session?.sessionId);
  });

  it("reports an unreachable skill as a turn with an error, not a throw", async () => {
    const alexa = await pizzaAlexa({ fetch: () => Promise.reject(new Error("connection refused")) });
    const turn = await alexa.launch();
    expect(turn.status).toBe(0);
    expect(turn.error).toContain("connection refused");
    expect(alexa.session).toBeUndefined();
  });

  it("bounds a skill that never answers", async () => {
    const alexa = await pizzaAlexa({ fetch: () => new Promise<Response>(() => {}), timeoutMs: 50 });
    const turn = await alexa.launch();
    expect(turn.error).toBe("the skill did not answer within 50 ms");
  });
});
