/**
 * checkInteractionModel: each of Alexa's model rules it enforces, fed a model that breaks it,
 * and the example's own model, which passes with its handlers.
 */
import { describe, expect, it } from "vitest";
import { checkInteractionModel, type InteractionModelJson } from "skillflare/testing";
import { storyModel } from "../example/virtual-alexa-helpers.js";
import { pizzaModel } from "./pizza-model.js";

const codes = (model: InteractionModelJson, handledIntents?: string[]) =>
  checkInteractionModel(model, handledIntents ? { handledIntents } : {}).map((f) => `${f.severity} ${f.code}`);

function withLanguageModel(change: (lm: { -readonly [K in keyof InteractionModelJson["interactionModel"]["languageModel"]]: InteractionModelJson["interactionModel"]["languageModel"][K] }) => void): InteractionModelJson {
  const copy = structuredClone(pizzaModel) as { interactionModel: { languageModel: never } } & InteractionModelJson;
  change(copy.interactionModel.languageModel);
  return copy;
}

describe("checkInteractionModel", () => {
  it("passes the example's model with the example's handlers, and the test model", () => {
    expect(codes(storyModel)).toEqual([]);
    expect(codes(pizzaModel)).toEqual([]);
  });

  it("flags invocation names Alexa refuses", () => {
    expect(codes(withLanguageModel((lm) => void (lm.invocationName = "Pizza Palace")))).toContain("error invocation-case");
    expect(codes(withLanguageModel((lm) => void (lm.invocationName = "alexa pizza")))).toContain("error invocation-word");
    expect(codes(withLanguageModel((lm) => void (lm.invocationName = "pizza 4 you")))).toContain("error invocation-characters");
    expect(codes(withLanguageModel((lm) => void (lm.invocationName = "pizza")))).toContain("warning invocation-one-word");
  });

  it("flags samples using undeclared slots, digits, one utterance in two intents, and missing built-ins", () => {
    const broken = withLanguageModel((lm) => {
      lm.intents = [
        ...lm.intents.filter((i) => i.name !== "AMAZON.StopIntent"),
        { name: "ExtraIntent", samples: ["order a {size} pizza", "give me {topping}", "order 2 pizzas"] },
      ];
    });
    expect(codes(broken)).toEqual(expect.arrayContaining(["error builtin-missing", "error sample-slot-undeclared", "error sample-digits", "error sample-in-two-intents"]));
  });

  it("flags dialog prompts and slots that do not exist", () => {
    const copy = { interactionModel: { ...pizzaModel.interactionModel, prompts: (pizzaModel.interactionModel.prompts ?? []).slice(1) } };
    expect(codes(copy)).toContain("error prompt-missing");
  });

  it("compares the model with the intents the handlers take", () => {
    const handled = ["OrderPizzaIntent", "BookTableIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.FallbackIntent", "SearchIntent", "TypoIntent"];
    const findings = checkInteractionModel(pizzaModel, { handledIntents: handled });
    expect(findings).toContainEqual({ severity: "error", code: "intent-unhandled", message: "no handler takes GreetIntent" });
    expect(findings).toContainEqual({ severity: "error", code: "handler-without-intent", message: "a handler takes TypoIntent, which the model does not have: Alexa never sends it" });
  });
});
