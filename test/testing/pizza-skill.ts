/**
 * A skill for the pizza model, behind createAlexaWorker (so every request the virtual Alexa
 * sends is verified), used by the dialog and session tests: it delegates the order dialog,
 * elicits and confirms a name itself, counts turns in session attributes, and reports what it
 * received (dialogState, confirmation statuses) in its speech so tests can check them.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { importDevSigningKit } from "../../src/devkit/index.js";
import { createAlexaWorker } from "../../src/http/create-alexa-worker.js";
import { confirmSlot, createSkill, delegate, elicitSlot, onIntent, onLaunch, onRequest } from "../../src/skill/index.js";
import { createVirtualAlexa, type VirtualAlexa, type VirtualAlexaOptions } from "skillflare/testing";
import { pizzaModel } from "./pizza-model.js";

const kitPromise = importDevSigningKit(inject("devKit"));

const skill = createSkill<Env>({
  handlers: [
    onLaunch((input) => {
      input.attributes.session["turns"] = 1;
      input.responseBuilder.speak("Welcome to Pizza Palace.").reprompt("What would you like?");
    }),
    onIntent("OrderPizzaIntent", (input) => {
      const { dialogState, intent } = input.request;
      if (dialogState !== "COMPLETED") return void input.responseBuilder.directive(delegate());
      if (intent.confirmationStatus === "DENIED") return void input.responseBuilder.speak("Order cancelled.").endSession();
      const size = input.slots.resolved("size")?.name;
      input.responseBuilder.speak(`Ordered ${input.slots.value("count")} ${size} pizzas, ${intent.confirmationStatus}.`).endSession();
    }),
    onIntent("BookTableIntent", (input) => {
      input.responseBuilder.speak(`Table for ${input.slots.value("people")}, ${input.request.dialogState}.`).endSession();
    }),
    onIntent("GreetIntent", (input) => {
      const name = input.slots.value("name");
      const status = input.intent.slots?.["name"]?.confirmationStatus;
      if (name === undefined || status === "DENIED") return void input.responseBuilder.speak("What is your name?").directive(elicitSlot("name"));
      if (status === "NONE") return void input.responseBuilder.speak(`Is your name ${name}?`).directive(confirmSlot("name"));
      input.responseBuilder.speak(`Nice to meet you, ${name}.`).keepSessionOpen();
    }),
    onIntent("AMAZON.HelpIntent", (input) => {
      const turns = Number(input.attributes.session["turns"] ?? 0) + 1;
      input.attributes.session["turns"] = turns;
      input.responseBuilder.speak(`Help, turn ${turns}.`).reprompt("What would you like?");
    }),
    onIntent(["AMAZON.StopIntent", "AMAZON.CancelIntent"], (input) => void input.responseBuilder.speak("Bye.").endSession()),
    onRequest("IntentRequest", (input) => void input.responseBuilder.speak(`Unhandled ${input.intentName}.`).reprompt("What?")),
    onRequest("SessionEndedRequest", () => {}),
  ],
});

const worker = createAlexaWorker<Env>({ skill, logger: { log: () => {} } });

async function workerFetch(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

export async function pizzaAlexa(options: Partial<VirtualAlexaOptions> = {}): Promise<VirtualAlexa> {
  return createVirtualAlexa({ model: pizzaModel, fetch: workerFetch, url: "http://localhost:8787/", kit: await kitPromise, ...options });
}
