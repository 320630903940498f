/**
 * When something fails inside the skill (here: D1 is down), the example skill's error handler
 * logs it and apologises where speech is allowed, and answers AudioPlayer events with an empty
 * response (speech there would be rejected by Alexa). The Worker still answers 200: Alexa gets
 * a valid response, not an error page.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { ResponseEnvelope } from "ask-sdk-model";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, type RequestSpec } from "../../src/devkit/index.js";
import worker from "../../src/worker.js";
import { kitPromise, LOCAL, newUserId, speechOf } from "./helpers.js";

afterEach(() => vi.restoreAllMocks());

const downDatabase = {
  prepare() {
    throw new Error("D1 is down");
  },
  batch() {
    return Promise.reject(new Error("D1 is down"));
  },
} as unknown as D1Database;

async function sendWithDatabaseDown(spec: RequestSpec): Promise<{ status: number; body: ResponseEnvelope; logged: unknown[] }> {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const envelope = createRequestEnvelope({ request: spec, userId: newUserId() });
  const request = await createSignedRequest(await kitPromise, envelope, { url: LOCAL });
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, { ...env, DB: downDatabase }, ctx);
  await waitOnExecutionContext(ctx);
  const logged = errors.mock.calls.map((call) => JSON.parse(String(call[0])) as unknown);
  return { status: response.status, body: await response.json(), logged };
}

describe("Bedtime Stories: when storage fails", () => {
  it("apologises in a session, and logs the failure", async () => {
    const { status, body, logged } = await sendWithDatabaseDown({ type: "LaunchRequest" });
    expect(status).toBe(200);
    expect(speechOf(body)).toBe("Sorry, something went wrong. Please try again.");
    expect(body.response.shouldEndSession).toBe(true);
    expect(logged).toContainEqual(
      expect.objectContaining({ event: "handler_failed", requestType: "LaunchRequest", error: expect.stringContaining("D1 is down") }),
    );
  });

  it("answers an AudioPlayer event with an empty response, never speech", async () => {
    const { status, body, logged } = await sendWithDatabaseDown({
      type: "AudioPlayer.PlaybackStopped",
      token: "story:moon",
      offsetInMilliseconds: 1_000,
    });
    expect(status).toBe(200);
    expect(body).toEqual({ version: "1.0", response: {} });
    expect(logged).toContainEqual(expect.objectContaining({ event: "handler_failed", requestType: "AudioPlayer.PlaybackStopped" }));
  });
});
