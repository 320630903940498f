/**
 * Issue #12: a failed D1 save is never silent. D1 fails *mid-save* here for real: the save's
 * batch runs on the real local database with one more statement that fails, so D1 rolls the
 * whole batch back. The request reaches the skill's error handler (the user hears the apology,
 * not a confirmation that their place was kept), the failure is logged at error level by the
 * runtime (`skill_save_failed`) and by the example, the stored resume point is the one from
 * before (write, fault, read back), and the next request with a healthy D1 works.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { ResponseEnvelope } from "ask-sdk-model";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRequestEnvelope, createSignedRequest, type RequestSpec } from "../../src/devkit/index.js";
import worker from "../../src/worker.js";
import { intent, kitPromise, LOCAL, newUserId, playing, send, speechOf, storedPlayback } from "./helpers.js";

afterEach(() => vi.restoreAllMocks());

/** The real local D1, whose batches fail part-way: the real statements, then one that cannot run. */
const failingMidSave = new Proxy(env.DB, {
  get(target, property) {
    if (property === "batch") {
      return (statements: D1PreparedStatement[]) => target.batch([...statements, target.prepare("INSERT INTO no_such_table (x) VALUES (1)")]);
    }
    const value = Reflect.get(target, property) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

async function sendWithFailingSave(spec: RequestSpec, userId: string, audioPlayer?: ReturnType<typeof playing>) {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const envelope = createRequestEnvelope({ request: spec, userId, ...(audioPlayer ? { audioPlayer } : {}) });
  const request = await createSignedRequest(await kitPromise, envelope, { url: LOCAL });
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, { ...env, DB: failingMidSave }, ctx);
  await waitOnExecutionContext(ctx);
  const logged = errors.mock.calls.map((call) => JSON.parse(String(call[0])) as { level?: string; event?: string });
  errors.mockRestore();
  return { status: response.status, body: await response.json<ResponseEnvelope>(), logged };
}

describe("a D1 save that fails mid-batch", () => {
  it("PauseIntent: the apology instead of a silent stop, an error-level log, the old resume point intact", async () => {
    const userId = newUserId();
    await send({ type: "AudioPlayer.PlaybackStopped", token: "story:owl", offsetInMilliseconds: 4_000 }, { userId });
    expect(await storedPlayback(userId)).toEqual({ storyId: "owl", token: "story:owl", offsetInMilliseconds: 4_000 });

    const paused = await sendWithFailingSave(intent("AMAZON.PauseIntent"), userId, playing("story:owl", 9_000));
    expect(paused.status).toBe(200);
    expect(speechOf(paused.body)).toBe("Sorry, something went wrong. Please try again.");
    expect(paused.body.response.directives ?? []).toEqual([]);
    expect(paused.logged).toContainEqual(expect.objectContaining({ level: "error", event: "skill_save_failed" }));
    expect(await storedPlayback(userId)).toEqual({ storyId: "owl", token: "story:owl", offsetInMilliseconds: 4_000 });

    const healthy = await send(intent("AMAZON.PauseIntent"), { userId, audioPlayer: playing("story:owl", 9_000) });
    expect(healthy.status).toBe(200);
    expect(await storedPlayback(userId)).toEqual({ storyId: "owl", token: "story:owl", offsetInMilliseconds: 9_000 });
  });

  it("PlaybackStopped (no session, no speech allowed): logged at error level, old value intact", async () => {
    const userId = newUserId();
    await send({ type: "AudioPlayer.PlaybackStopped", token: "story:moon", offsetInMilliseconds: 1_000 }, { userId });
    const stopped = await sendWithFailingSave({ type: "AudioPlayer.PlaybackStopped", token: "story:moon", offsetInMilliseconds: 5_000 }, userId);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({ version: "1.0", response: {} });
    expect(stopped.logged).toContainEqual(expect.objectContaining({ level: "error", event: "skill_save_failed" }));
    expect(await storedPlayback(userId)).toEqual({ storyId: "moon", token: "story:moon", offsetInMilliseconds: 1_000 });
  });
});
