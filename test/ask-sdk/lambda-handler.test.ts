/**
 * Lambda handlers behind createAlexaWorker and fromLambdaHandler: what it accepts (async,
 * callback, context.succeed, the CommonJS module, ask-sdk-core's `.lambda()`), what it refuses
 * when the Worker is built, and how an invocation that goes wrong ends (timeout, no response,
 * a thrown error) — never a hang.
 */
import { getRequestType, SkillBuilders } from "ask-sdk-core";
import type { ResponseEnvelope } from "ask-sdk-model";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { fromLambdaHandler, LambdaContext, LambdaInvocationError, type LambdaHandler } from "../../src/ask-sdk/index.js";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit } from "../../src/devkit/index.js";
import { createAlexaWorker } from "../../src/http/index.js";
import { collectingContext, launchEnvelope } from "../skill/fixtures.js";

const kitPromise = importDevSigningKit(inject("devKit"));
const quiet = { log: () => {} };

function answer(text: string): ResponseEnvelope {
  return { version: "1.0", response: { outputSpeech: { type: "PlainText", text }, shouldEndSession: true } };
}

async function launch(worker: ExportedHandler<Env>): Promise<Response> {
  const request = await createSignedRequest(await kitPromise, createRequestEnvelope({ request: { type: "LaunchRequest" } }), { url: "https://localhost:8787/" });
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function spoken(response: Response): Promise<string | undefined> {
  const body = await response.json<{ response?: { outputSpeech?: { text?: string; ssml?: string } } }>();
  return body.response?.outputSpeech?.text ?? body.response?.outputSpeech?.ssml;
}

describe("createAlexaWorker({ skill: <Lambda handler> })", () => {
  it("runs an async handler (event, context)", async () => {
    const handler: LambdaHandler = async (event) => answer(`async ${event.request.type}`);
    const response = await launch(createAlexaWorker<Env>({ skill: handler, logger: quiet }));
    expect(response.status).toBe(200);
    expect(await spoken(response)).toBe("async LaunchRequest");
  });

  it("runs a callback handler (event, context, callback), answering on a later tick", async () => {
    const handler: LambdaHandler = (_event, _context, callback) => void setTimeout(() => callback(null, answer("called back")), 5);
    expect(await spoken(await launch(createAlexaWorker<Env>({ skill: handler, logger: quiet })))).toBe("called back");
  });

  it("runs the legacy context.succeed style", async () => {
    const handler: LambdaHandler = (_event, context) => context.succeed(answer("succeeded"));
    expect(await spoken(await launch(createAlexaWorker<Env>({ skill: handler, logger: quiet })))).toBe("succeeded");
  });

  it("runs ask-sdk-core's SkillBuilders.custom()...lambda(), given as the module ({ handler })", async () => {
    const lambdaModule = {
      handler: SkillBuilders.custom()
        .addRequestHandlers({
          canHandle: (input) => getRequestType(input.requestEnvelope) === "LaunchRequest",
          handle: (input) => input.responseBuilder.speak(`Hello from ${(input.context as LambdaContext).functionName}.`).getResponse(),
        })
        .lambda(),
    };
    const response = await launch(createAlexaWorker<Env>({ skill: lambdaModule, logger: quiet }));
    expect(await spoken(response)).toBe("<speak>Hello from skillflare.</speak>");
  });

  it("answers a 500 (not a crash) when the handler calls back with an error", async () => {
    const logged: string[] = [];
    const handler: LambdaHandler = (_event, _context, callback) => callback(new Error("boom"));
    const response = await launch(createAlexaWorker<Env>({ skill: handler, logger: { log: (_level, event, fields) => void logged.push(`${event} ${String(fields?.["detail"])}`) } }));
    expect(response.status).toBe(500);
    expect(logged.some((line) => line.startsWith("skill_failed") && line.includes("boom"))).toBe(true);
  });

  it.each([
    ["a number", 42],
    ["null", null],
    ["an object with neither handle, invoke nor handler", { handlers: [] }],
    ["a module whose handler is not a function", { handler: "index.handler" }],
  ])("refuses %s when the Worker is built, with a TypeError saying what it accepts", (_label, value) => {
    expect(() => createAlexaWorker<Env>({ skill: value as never })).toThrow(TypeError);
    expect(() => createAlexaWorker<Env>({ skill: value as never })).toThrow(/createSkill runtime .* ask-sdk Skill .* Lambda handler/);
  });
});

describe("fromLambdaHandler", () => {
  it("gives a Lambda context whose remaining time counts down from the timeout and which JSON shows without bindings", async () => {
    let clock = 1_000;
    let seen: { remaining: number; later: number; json: string } | undefined;
    const handler: LambdaHandler = async (_event, context) => {
      const remaining = context.getRemainingTimeInMillis();
      clock += 1_500;
      seen = { remaining, later: context.getRemainingTimeInMillis(), json: JSON.stringify(context) };
      return answer("ok");
    };
    await fromLambdaHandler(handler, { timeoutMs: 5_000, now: () => clock, functionName: "fact" }).handle(launchEnvelope(), collectingContext());
    expect(seen?.remaining).toBe(5_000);
    expect(seen?.later).toBe(3_500);
    expect(JSON.parse(seen!.json)).toMatchObject({ functionName: "fact", memoryLimitInMB: "128", callbackWaitsForEmptyEventLoop: true, functionVersion: "$LATEST" });
  });

  it("fails a handler that never answers after timeoutMs, as Lambda's 'Task timed out'", async () => {
    const never: LambdaHandler = () => undefined;
    const run = fromLambdaHandler(never, { timeoutMs: 20 }).handle(launchEnvelope(), collectingContext());
    await expect(run).rejects.toBeInstanceOf(LambdaInvocationError);
    await expect(run).rejects.toThrow(/timed-out: Task timed out after 0\.02 seconds/);
  });

  it("fails an async handler that resolves with nothing, and a result that is not a response envelope", async () => {
    await expect(fromLambdaHandler(async () => undefined).handle(launchEnvelope(), collectingContext())).rejects.toThrow(/no-response/);
    await expect(fromLambdaHandler(async () => ({ response: {} })).handle(launchEnvelope(), collectingContext())).rejects.toThrow(/not-a-response/);
  });

  it("turns a synchronous throw into the invocation's error, and ignores a second callback", async () => {
    await expect(fromLambdaHandler(() => { throw new RangeError("sync"); }).handle(launchEnvelope(), collectingContext())).rejects.toThrow("sync");
    const twice: LambdaHandler = (_event, _context, callback) => {
      callback(null, answer("first"));
      callback(new Error("second"));
    };
    const result = await fromLambdaHandler(twice).handle(launchEnvelope(), collectingContext());
    expect(result.response.outputSpeech).toEqual({ type: "PlainText", text: "first" });
  });
});

describe("an ask-sdk Skill's handlerInput.context", () => {
  it("still reads env, but JSON.stringify(handlerInput) prints no binding", async () => {
    let printed = "";
    let hasEnv = false;
    const skill = SkillBuilders.custom()
      .addRequestHandlers({
        canHandle: () => true,
        handle: (input) => {
          printed = JSON.stringify(input);
          hasEnv = (input.context as { env?: Env }).env?.DB !== undefined;
          return input.responseBuilder.speak("ok").getResponse();
        },
      })
      .create();
    expect((await launch(createAlexaWorker<Env>({ skill, logger: quiet }))).status).toBe(200);
    expect(hasEnv).toBe(true);
    expect(printed).toContain('"requestEnvelope"');
    expect(printed).not.toContain("SKILLFLARE_DEV_TRUST");
    expect(printed).not.toContain('"env"');
  });
});
