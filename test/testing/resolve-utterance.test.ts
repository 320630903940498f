/**
 * resolveUtterance against a model written for these tests and the example's own model:
 * samples with slots, entity resolution (match and no match), spoken numbers and dates,
 * free text, built-in intents without samples, invocation forms, fallback, and that case,
 * punctuation and filler words do not matter.
 */
import { describe, expect, it } from "vitest";
import { DEV_SKILL_ID, resolveUtterance, type UtteranceResolution } from "skillflare/testing";
import { storyModel } from "../example/virtual-alexa-helpers.js";
import { pizzaModel } from "./pizza-model.js";

const NOW = new Date("2026-12-01T12:00:00Z"); // a Tuesday
const resolve = (words: string) => resolveUtterance(pizzaModel, words, { now: NOW });
const slotsOf = (result: UtteranceResolution) =>
  result.kind === "intent" || result.kind === "launch-with-intent"
    ? Object.fromEntries(Object.entries(result.intent.slots ?? {}).flatMap(([name, slot]) => (slot.value === undefined ? [] : [[name, slot.value]])))
    : undefined;

describe("resolveUtterance", () => {
  it("fills slots from a sample and resolves a synonym to its value's id and name", () => {
    const result = resolve("order two big pizzas");
    expect(result).toMatchObject({ kind: "intent", intent: { name: "OrderPizzaIntent", confirmationStatus: "NONE" }, matched: "order {count} {size} pizzas" });
    expect(slotsOf(result)).toEqual({ count: "2", size: "big" });
    if (result.kind !== "intent") throw new Error("not an intent");
    expect(result.intent.slots?.["size"]?.resolutions?.resolutionsPerAuthority?.[0]).toEqual({
      authority: `amzn1.er-authority.echo-sdk.${DEV_SKILL_ID}.SIZE`,
      status: { code: "ER_SUCCESS_MATCH" },
      values: [{ value: { name: "large", id: "L" } }],
    });
    expect(result.intent.slots?.["when"]).toEqual({ name: "when", confirmationStatus: "NONE" });
  });

  it("gives ER_SUCCESS_NO_MATCH for a value the type does not have", () => {
    const result = resolve("order a gigantic pizza");
    expect(slotsOf(result)).toEqual({ size: "gigantic" });
    if (result.kind !== "intent") throw new Error("not an intent");
    expect(result.intent.slots?.["size"]?.resolutions?.resolutionsPerAuthority?.[0]).toMatchObject({ status: { code: "ER_SUCCESS_NO_MATCH" }, values: [] });
  });

  it("turns spoken numbers into digits and dates into ISO dates", () => {
    expect(slotsOf(resolve("order twenty one small pizzas"))).toMatchObject({ count: "21" });
    expect(slotsOf(resolve("order a hundred and five small pizzas"))).toMatchObject({ count: "105" });
    expect(slotsOf(resolve("order pizza for tomorrow"))).toEqual({ when: "2026-12-02" });
    expect(slotsOf(resolve("order pizza for friday"))).toEqual({ when: "2026-12-04" });
    expect(slotsOf(resolve("order pizza for december twenty fifth"))).toEqual({ when: "2026-12-25" });
    expect(slotsOf(resolve("order pizza for next week"))).toEqual({ when: "2026-W50" });
  });

  it("takes AMAZON.SearchQuery and other free types as the words spoken", () => {
    expect(slotsOf(resolve("search for the best dough in naples"))).toEqual({ query: "the best dough in naples" });
    expect(slotsOf(resolve("call me Ada"))).toEqual({ name: "ada" });
  });

  it("knows the built-in intents' usual phrases when the model lists no samples", () => {
    const cases: Record<string, string> = { "what can I say?": "AMAZON.HelpIntent", "never mind": "AMAZON.CancelIntent", "shut up": "AMAZON.StopIntent", yeah: "AMAZON.YesIntent", "no thanks": "AMAZON.NoIntent" };
    for (const [words, intent] of Object.entries(cases)) expect(resolve(words), words).toMatchObject({ kind: "intent", intent: { name: intent } });
  });

  it("understands the invocation forms", () => {
    expect(resolve("open pizza palace")).toEqual({ kind: "launch" });
    expect(resolve("Alexa, launch Pizza Palace.")).toEqual({ kind: "launch" });
    expect(resolve("ask pizza palace to order a large pizza")).toMatchObject({ kind: "launch-with-intent", intent: { name: "OrderPizzaIntent" } });
    expect(resolve("tell pizza palace that my name is bob")).toMatchObject({ kind: "launch-with-intent", intent: { name: "GreetIntent" } });
    expect(resolve("book a table for four with pizza palace")).toMatchObject({ kind: "launch-with-intent", intent: { name: "BookTableIntent" } });
  });

  it("answers FallbackIntent when nothing fits, and none without one", () => {
    expect(resolve("what is the capital of peru")).toMatchObject({ kind: "intent", intent: { name: "AMAZON.FallbackIntent" } });
    const noFallback = { interactionModel: { languageModel: { invocationName: "x", intents: [{ name: "HiIntent", samples: ["hi"] }] } } };
    expect(resolveUtterance(noFallback, "what is the capital of peru")).toEqual({ kind: "none" });
    expect(resolveUtterance(noFallback, "stop")).toEqual({ kind: "exit" });
  });

  it("ignores case, punctuation and filler words", () => {
    for (const words of ["ORDER TWO BIG PIZZAS!", "um, order two big pizzas, please", "can you order two big pizzas"]) {
      expect(slotsOf(resolve(words)), words).toEqual({ count: "2", size: "big" });
    }
  });

  it("resolves the example's stories by value and synonym", () => {
    const result = resolveUtterance(storyModel, "play the dragon story");
    expect(result).toMatchObject({ kind: "intent", intent: { name: "PlayStoryIntent", slots: { story: { value: "dragon" } } } });
    expect(resolveUtterance(storyModel, "tell me the story of the moon who couldn't sleep")).toMatchObject({
      intent: { slots: { story: { resolutions: { resolutionsPerAuthority: [{ values: [{ value: { id: "moon" } }] }] } } } },
    });
  });

  it("rejects a file that is not an interaction model with a typed error", () => {
    expect(() => resolveUtterance({} as never, "hi")).toThrow(expect.objectContaining({ code: "INTERACTION_MODEL_INVALID" }));
  });
});
