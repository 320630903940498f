/**
 * `createAlexaWorker({ skill })`: a skill built with skillflare's `createSkill`
 * and one built with the official ask-sdk-core `SkillBuilders` both run behind
 * the full verification path, unchanged, from dev-signed requests.
 */
import { SkillBuilders, getRequestType } from "ask-sdk-core";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, importDevSigningKit } from "../../src/devkit/index.js";
import { createAlexaWorker } from "../../src/http/create-alexa-worker.js";
import { audioUrl } from "../../src/audio/index.js";
import { createSkill, onLaunch, onRequest } from "../../src/skill/index.js";

const kitPromise = importDevSigningKit(inject("devKit"));

async function send(worker: ExportedHandler<Env>): Promise<Response> {
  const kit = await kitPromise;
  const envelope = createRequestEnvelope({ request: { type: "LaunchRequest" } });
  const request = await createSignedRequest(kit, envelope, { url: "http://localhost:8787/" });
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("createAlexaWorker({ skill })", () => {
  it("gives handlers the request's origin, the Worker's logger and the clock", async () => {
    const events: string[] = [];
    const logger = { log: (_level: string, event: string) => void events.push(event) };
    const seen: { origin?: string; now?: number } = {};
    const skill = createSkill<Env>({
      handlers: [
        onLaunch((input) => {
          seen.origin = input.origin;
          seen.now = input.now();
          input.logger.log("info", "launch_seen");
          return input.responseBuilder.speak(`Audio lives at ${audioUrl("a.mp3", input)}.`);
        }),
      ],
    });
    const before = Date.now();
    const response = await send(createAlexaWorker<Env>({ skill, logger }));
    expect(response.status).toBe(200);
    expect(seen.origin).toBe("http://localhost:8787");
    expect(seen.now).toBeGreaterThanOrEqual(before);
    expect(seen.now).toBeLessThanOrEqual(Date.now());
    expect(events).toContain("launch_seen");
    const body = await response.json<{ response: { outputSpeech: { ssml: string } } }>();
    expect(body.response.outputSpeech.ssml).toBe("<speak>Audio lives at https://localhost:8787/audio/a.mp3.</speak>");
  });

  it("runs a createSkill runtime", async () => {
    const skill = createSkill<Env>({
      handlers: [onLaunch((input) => void input.responseBuilder.speak("Hello from createSkill."))],
    });
    const response = await send(createAlexaWorker<Env>({ skill }));
    expect(response.status).toBe(200);
    const body = await response.json<{ response: { outputSpeech: { ssml: string } } }>();
    expect(body.response.outputSpeech.ssml).toBe("<speak>Hello from createSkill.</speak>");
  });

  it("runs an ask-sdk-core skill built with SkillBuilders, unchanged", async () => {
    const skill = SkillBuilders.custom()
      .addRequestHandlers({
        canHandle: (input) => getRequestType(input.requestEnvelope) === "LaunchRequest",
        handle: (input) => input.responseBuilder.speak("Hello from ask-sdk-core.").getResponse(),
      })
      .create();
    const response = await send(createAlexaWorker<Env>({ skill }));
    expect(response.status).toBe(200);
    const body = await response.json<{ response: { outputSpeech: { ssml: string } } }>();
    expect(body.response.outputSpeech.ssml).toBe("<speak>Hello from ask-sdk-core.</speak>");
  });

  it("still rejects an unverified request before the ask-sdk-core skill sees it", async () => {
    let invoked = false;
    const skill = SkillBuilders.custom()
      .addRequestHandlers({ canHandle: () => true, handle: (input) => ((invoked = true), input.responseBuilder.getResponse()) })
      .create();
    const worker = createAlexaWorker<Env>({ skill, logger: { log: () => {} } });
    const unsigned = new Request("http://localhost:8787/", { method: "POST", body: "{}" });
    const response = await worker.fetch!(unsigned as Request<unknown, IncomingRequestCfProperties>, env, createExecutionContext());
    expect(response.status).toBe(400);
    expect(invoked).toBe(false);
  });
});

describe("a response Alexa would reject", () => {
  // Speech in answer to an AudioPlayer event: Alexa refuses it (DESIGN.md "Audio").
  const skill = createSkill<Env>({
    handlers: [onRequest("AudioPlayer.PlaybackStarted", (input) => void input.responseBuilder.speak("Started!"))],
  });
  const worker = createAlexaWorker<Env>({ skill, logger: { log: () => {} } });

  async function sendToLocal(): Promise<Response> {
    const kit = await kitPromise;
    const envelope = createRequestEnvelope({ request: { type: "AudioPlayer.PlaybackStarted", token: "t" } });
    const request = await createSignedRequest(kit, envelope, { url: "http://localhost:8787/" });
    return worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, env, createExecutionContext());
  }

  afterEach(() => vi.restoreAllMocks());

  it("fails loudly under wrangler dev: 500 naming the broken rule", async () => {
    const response = await sendToLocal();
    expect(response.status).toBe(500);
    const body = await response.json<{ error: string; detail?: string }>();
    expect(body.error).toBe("internal-error");
    expect(body.detail).toMatch(/ResponseCheckError: Alexa would reject this response/);
  });

  it("is only logged in production: the response still goes out", async () => {
    // The skill has no logger of its own, so the check is logged through the Worker's.
    const events: { event: string; rules?: string[] }[] = [];
    const logger = { log: (_level: string, event: string, fields: Record<string, unknown> = {}) => void events.push({ event, ...fields }) };
    // A public host uses Amazon's anchors only, so trust the dev chain for this test.
    const kit = await kitPromise;
    const production = createAlexaWorker<Env>({ skill, logger, verifyOptions: () => ({ trustAnchors: kit.anchorsPem }) });
    const envelope = createRequestEnvelope({ request: { type: "AudioPlayer.PlaybackStarted", token: "t" } });
    const request = await createSignedRequest(kit, envelope, { url: "https://skill.example.com/" });
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response(kit.chainPem));
    const response = await production.fetch!(request as Request<unknown, IncomingRequestCfProperties>, env, createExecutionContext());
    expect(response.status).toBe(200);
    expect(events).toContainEqual(expect.objectContaining({ event: "response_check_failed", rules: ["content-in-playback-response"] }));
  });
});
