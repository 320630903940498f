/**
 * The visit-counter fixture: a CommonJS ask-sdk v2 Lambda skill (require('ask-sdk'), the
 * DynamoDB adapter with createTable, i18next, DefaultApiClient, a logging interceptor, an
 * un-awaited save, `.lambda()`), handed to createAlexaWorker unchanged and driven with
 * dev-signed requests through full verification, persistence in real local D1.
 */
import { env } from "cloudflare:workers";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { fixtureWorker } from "./bundles.js";
import { sendSigned, speechOf } from "./signed.js";

// Alexa's API, as the network sees it: every outbound fetch of the fixture lands here. A plain
// function (not a vi spy) in place of the global fetch, answering after a delay so a call the
// skill does not await is still in flight when the response goes out. Installed before the
// fixture Worker loads, as the network is there before the Worker.
const apiCalls: { url: string; method: string; body: string }[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  await new Promise((resolve) => setTimeout(resolve, 50));
  apiCalls.push({ url: request.url, method: request.method, body: await request.text() });
  return new Response(null, { status: 204 });
};
afterAll(() => {
  globalThis.fetch = realFetch;
});

const worker = await fixtureWorker("visit-counter");

async function storedVisits(userId: string): Promise<unknown> {
  const row = await env.DB.prepare("SELECT value FROM ask_sdk_attributes WHERE namespace = ?1 AND id = ?2")
    .bind("dynamodb:fixture-visits", userId)
    .first<{ value: string }>();
  return row === null ? null : JSON.parse(row.value);
}

afterEach(() => vi.restoreAllMocks());



describe("an ask-sdk v2 Lambda skill, unchanged, at the edge", () => {
  it("counts visits in D1 across requests: the un-awaited save lands, the next request reads it back", async () => {
    const userId = `amzn1.ask.account.visits-${crypto.randomUUID()}`;
    const first = await sendSigned(worker, { request: { type: "LaunchRequest" }, userId });
    expect(first.status).toBe(200);
    expect(speechOf(first)).toBe("<speak>Welcome! This is visit number 1.</speak>");
    expect(await storedVisits(userId)).toEqual({ visits: 1, lastFunction: "skillflare" });
    const second = await sendSigned(worker, { request: { type: "LaunchRequest" }, userId });
    expect(speechOf(second)).toBe("<speak>Welcome! This is visit number 2.</speak>");
    expect(await storedVisits(userId)).toEqual({ visits: 2, lastFunction: "skillflare" });
  });

  it("speaks the request's locale through i18next", async () => {
    const turn = await sendSigned(worker, { request: { type: "LaunchRequest" }, locale: "de-DE", userId: `amzn1.ask.account.de-${crypto.randomUUID()}` });
    expect(speechOf(turn)).toBe("<speak>Willkommen! Das ist Besuch Nummer 1.</speak>");
  });

  it("deletes the attributes (deletePersistentAttributes), so the count starts again", async () => {
    const userId = `amzn1.ask.account.forget-${crypto.randomUUID()}`;
    await sendSigned(worker, { request: { type: "LaunchRequest" }, userId });
    expect(await storedVisits(userId)).toEqual({ visits: 1, lastFunction: "skillflare" });
    const forget = await sendSigned(worker, { request: { type: "IntentRequest", intent: "ForgetIntent" }, userId });
    expect(speechOf(forget)).toBe("<speak>I forgot you.</speak>");
    expect(await storedVisits(userId)).toBeNull();
    const again = await sendSigned(worker, { request: { type: "LaunchRequest" }, userId });
    expect(speechOf(again)).toBe("<speak>Welcome! This is visit number 1.</speak>");
  });

  it("logs handlerInput with JSON.stringify without printing a binding or a secret", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    await sendSigned(worker, { request: { type: "LaunchRequest" } });
    const logged = lines.find((line) => line.startsWith("Incoming request: "));
    expect(logged).toBeDefined();
    const handlerInput = JSON.parse(logged!.slice("Incoming request: ".length)) as { context: Record<string, unknown> };
    expect(handlerInput.context).toMatchObject({ functionName: "skillflare", callbackWaitsForEmptyEventLoop: true });
    expect(handlerInput.context["awsRequestId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(handlerInput.context).sort()).toEqual(
      ["awsRequestId", "callbackWaitsForEmptyEventLoop", "functionName", "functionVersion", "invokedFunctionArn", "logGroupName", "logStreamName", "memoryLimitInMB"].sort(),
    );
    for (const secret of ["SKILLFLARE_DEV_TRUST", "BEGIN CERTIFICATE", "TEST_MIGRATIONS", "ask_sdk_attributes", "fixture-visits"]) expect(logged).not.toContain(secret);
  });

  it("gives the handler a Lambda context (remaining time) and the Worker's vars on process.env", async () => {
    const turn = await sendSigned(worker, { request: { type: "IntentRequest", intent: "ProgressIntent" } });
    expect(speechOf(turn)).toBe("<speak>Remaining yes, region edge-test.</speak>");
  });

  it("finishes an un-awaited DefaultApiClient call (progressive response) after the response", async () => {
    apiCalls.length = 0;
    const turn = await sendSigned(worker, { request: { type: "IntentRequest", intent: "ProgressIntent" }, apiEndpoint: "https://api.amazonalexa.com" });
    expect(turn.status).toBe(200);
    expect(apiCalls).toHaveLength(1);
    expect(apiCalls[0]).toMatchObject({ url: "https://api.amazonalexa.com/v1/directives", method: "POST" });
    expect(JSON.parse(apiCalls[0]!.body)).toMatchObject({ directive: { type: "VoicePlayer.Speak", speech: "One moment." } });
  });

  it("turns an aws-sdk call with no edge equivalent into an error naming the call", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const turn = await sendSigned(worker, { request: { type: "IntentRequest", intent: "AwsCallIntent" } });
    expect(speechOf(turn)).toBe("<speak>Error: AwsSdkUnavailableError</speak>");
    expect(lines.some((line) => line.includes("AWS.SQS.sendMessage() is not available at the edge"))).toBe(true);
  });

  it("logs an un-awaited save that fails instead of losing it silently", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    vi.spyOn(console, "log").mockImplementation(() => {});
    // Real local D1 for reads; writes fail as an unavailable database would.
    const failingWrites = {
      prepare: (sql: string) => {
        if (sql.startsWith("INSERT")) throw new Error("D1_ERROR: database is unavailable");
        return env.DB.prepare(sql);
      },
      batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements),
    };
    const turn = await sendSigned(worker, { request: { type: "LaunchRequest" } }, { ...env, DB: failingWrites });
    expect(turn.status).toBe(200);
    expect(speechOf(turn)).toMatch(/^<speak>Welcome! This is visit number \d+\.<\/speak>$/);
    const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry["event"] === "ask_sdk.pending_work_failed");
    expect(failure).toMatchObject({ level: "error", what: "D1 save attributes" });
    expect(String(failure?.["error"])).toContain("database is unavailable");
  });
});
