/**
 * A small interaction model written for these tests (not from any public skill): a pizza
 * order with a dialog (size elicited and confirmed, count elicited and validated 1..10, the
 * order confirmed, SKILL_RESPONSE delegation), a table booking that Alexa delegates ALWAYS,
 * a greeting whose slot the skill elicits itself, and the built-ins with no samples.
 */
import type { InteractionModelJson } from "skillflare/testing";

const prompt = (id: string, value: string) => ({ id, variations: [{ type: "PlainText", value }] });

export const pizzaModel: InteractionModelJson = {
  interactionModel: {
    languageModel: {
      invocationName: "pizza palace",
      intents: [
        {
          name: "OrderPizzaIntent",
          slots: [
            { name: "size", type: "SIZE" },
            { name: "count", type: "AMAZON.NUMBER", samples: ["{count} pizzas", "{count} please"] },
            { name: "when", type: "AMAZON.DATE" },
          ],
          samples: ["order {count} {size} pizzas", "order a {size} pizza", "i want a pizza", "order pizza for {when}", "order a pizza"],
        },
        { name: "BookTableIntent", slots: [{ name: "people", type: "AMAZON.NUMBER" }], samples: ["book a table", "book a table for {people}"] },
        { name: "GreetIntent", slots: [{ name: "name", type: "AMAZON.FirstName" }], samples: ["hello", "my name is {name}", "call me {name}"] },
        { name: "SearchIntent", slots: [{ name: "query", type: "AMAZON.SearchQuery" }], samples: ["search for {query}"] },
        { name: "AMAZON.HelpIntent", samples: [] },
        { name: "AMAZON.StopIntent", samples: [] },
        { name: "AMAZON.CancelIntent", samples: [] },
        { name: "AMAZON.YesIntent", samples: [] },
        { name: "AMAZON.NoIntent", samples: [] },
        { name: "AMAZON.FallbackIntent", samples: [] },
      ],
      types: [
        {
          name: "SIZE",
          values: [
            { id: "S", name: { value: "small", synonyms: ["little", "tiny"] } },
            { id: "M", name: { value: "medium", synonyms: ["regular"] } },
            { id: "L", name: { value: "large", synonyms: ["big", "family size"] } },
          ],
        },
      ],
    },
    dialog: {
      delegationStrategy: "SKILL_RESPONSE",
      intents: [
        {
          name: "OrderPizzaIntent",
          confirmationRequired: true,
          prompts: { confirmation: "Confirm.Intent.Order" },
          slots: [
            { name: "size", type: "SIZE", elicitationRequired: true, confirmationRequired: true, prompts: { elicitation: "Elicit.size", confirmation: "Confirm.size" }, validations: [{ type: "hasEntityResolutionMatch", prompt: "Invalid.size" }] },
            { name: "count", type: "AMAZON.NUMBER", elicitationRequired: true, confirmationRequired: false, prompts: { elicitation: "Elicit.count" }, validations: [{ type: "isGreaterThan", value: "0", prompt: "Invalid.count" }, { type: "isLessThan", value: "11", prompt: "Invalid.count" }] },
          ],
        },
        {
          name: "BookTableIntent",
          delegationStrategy: "ALWAYS",
          slots: [{ name: "people", type: "AMAZON.NUMBER", elicitationRequired: true, prompts: { elicitation: "Elicit.people" } }],
        },
      ],
    },
    prompts: [
      prompt("Elicit.size", "What size would you like?"),
      prompt("Confirm.size", "A {size} pizza, right?"),
      prompt("Invalid.size", "We don't make {size} pizzas. Small, medium or large?"),
      prompt("Elicit.count", "How many {size} pizzas?"),
      prompt("Invalid.count", "We can bake one to ten pizzas. How many?"),
      prompt("Confirm.Intent.Order", "{count} {size} pizzas. Shall I order?"),
      prompt("Elicit.people", "For how many people?"),
    ],
  },
};
