/**
 * `skillflare/hono` in a real Hono app (hono from npm) inside workerd: dev-signed requests
 * from the dev kit go through the full verification path (dev trust for localhost, real
 * WebCrypto, the test's KV cert cache) to a createSkill skill; a tampered body is the generic
 * 400 with the reason logged; a GET is the one 405 body; the app's own routes still answer.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { alexaHandler } from "skillflare/hono";
import { createSkill, onIntent, onLaunch } from "skillflare/skill";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit, tamperBody } from "skillflare/testing";
import { describe, expect, inject, it } from "vitest";
import { REJECTION_BODY } from "../../src/verify/rejection-response.js";

const kitPromise = importDevSigningKit(inject("devKit"));

function honoApp(events: { event: string; reason?: unknown }[] = []) {
  const skill = createSkill<Env>({
    handlers: [
      onLaunch((input) => input.responseBuilder.speak("Hello from Hono.").reprompt("Say hello.")),
      onIntent("HelloIntent", (input) => input.responseBuilder.speak(`Hello, ${input.slots.value("name") ?? "you"}.`)),
    ],
  });
  const logger = { log: (_level: string, event: string, fields: Record<string, unknown> = {}) => void events.push({ event, ...fields }) };
  const app = new Hono<{ Bindings: Env }>();
  app.get("/health", (c) => c.text("ok"));
  app.all("/alexa", alexaHandler({ skill, logger }));
  return app;
}

async function send(app: Hono<{ Bindings: Env }>, request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("alexaHandler in a Hono app", () => {
  it("answers a dev-signed LaunchRequest with the skill's response (200)", async () => {
    const kit = await kitPromise;
    const request = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "LaunchRequest" } }), { url: "http://localhost:8787/alexa" });
    const response = await send(honoApp(), request);
    expect(response.status).toBe(200);
    const body = await response.json<{ response: { outputSpeech: { ssml: string }; shouldEndSession: boolean } }>();
    expect(body.response.outputSpeech.ssml).toBe("<speak>Hello from Hono.</speak>");
    expect(body.response.shouldEndSession).toBe(false);
  });

  it("routes an intent with a slot to its handler", async () => {
    const kit = await kitPromise;
    const envelope = createRequestEnvelope({ request: { type: "IntentRequest", intent: "HelloIntent", slots: { name: "Ada" } } });
    const response = await send(honoApp(), await createSignedRequest(kit, envelope, { url: "http://localhost:8787/alexa" }));
    expect(response.status).toBe(200);
    expect((await response.json<{ response: { outputSpeech: { ssml: string } } }>()).response.outputSpeech.ssml).toBe("<speak>Hello, Ada.</speak>");
  });

  it("refuses a tampered body with the generic 400 and logs the precise reason", async () => {
    const kit = await kitPromise;
    const signed = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "LaunchRequest" } }), { url: "http://localhost:8787/alexa" });
    const tampered = new Request(signed.url, { method: "POST", headers: signed.headers, body: tamperBody(await signed.text()) });
    const events: { event: string; reason?: unknown }[] = [];
    const response = await send(honoApp(events), tampered);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(REJECTION_BODY);
    expect(events).toEqual([expect.objectContaining({ event: "verification_failed", reason: "bad-signature" })]);
  });

  it("answers GET with the same 405 body and Allow header as createAlexaWorker", async () => {
    const response = await send(honoApp(), new Request("http://localhost:8787/alexa"));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: "method-not-allowed", message: "Method not allowed." });
  });

  it("leaves the app's other routes alone", async () => {
    const response = await send(honoApp(), new Request("http://localhost:8787/health"));
    expect(await response.text()).toBe("ok");
  });

  it("works without an ExecutionContext (app.request in a unit test)", async () => {
    const kit = await kitPromise;
    const request = await createSignedRequest(kit, createRequestEnvelope({ request: { type: "LaunchRequest" } }), { url: "http://localhost:8787/alexa" });
    const response = await honoApp().request(request, undefined, env);
    expect(response.status).toBe(200);
  });
});
