/**
 * Persistence does the least work: D1 round trips per request type of the example skill,
 * counted on the real local D1 binding (test/skill/counting-d1.ts) while dev-signed requests
 * go through the whole Worker. No trip when no handler touches persistent attributes, at most
 * one read and one batched write otherwise, no write when nothing changed. The figures are
 * the ones docs/benchmark.md reports ("round trips per request type"); before this change,
 * resume also wrote back the resume point it had just read, unchanged (2 trips instead of 1);
 * now a resume whose device reports one of our streams in context.AudioPlayer reads nothing.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createRequestEnvelope, createSignedRequest, type RequestSpec } from "../../src/devkit/index.js";
import worker from "../../src/worker.js";
import { countingD1, type D1Trip } from "../skill/counting-d1.js";
import { intent, kitPromise, LOCAL, newUserId, playing, storedPlayback } from "./helpers.js";

const counting = countingD1(env.DB);
const countingEnv = { ...env, DB: counting.database };

interface Trips {
  readonly reads: number;
  readonly writes: number;
  readonly statementsWritten: number;
}

async function tripsOf(spec: RequestSpec, userId: string, audioPlayer?: ReturnType<typeof playing>): Promise<Trips> {
  const envelope = createRequestEnvelope({ request: spec, userId, ...(audioPlayer === undefined ? {} : { audioPlayer }) });
  const request = await createSignedRequest(await kitPromise, envelope, { url: LOCAL });
  counting.trips.length = 0;
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, countingEnv, ctx);
  await waitOnExecutionContext(ctx);
  expect(response.status).toBe(200);
  const trips: D1Trip[] = [...counting.trips];
  return {
    reads: trips.filter((t) => t.kind === "read").length,
    writes: trips.filter((t) => t.kind === "write").length,
    statementsWritten: trips.filter((t) => t.kind === "write").reduce((sum, t) => sum + t.statements, 0),
  };
}

const stopped = (token: string, offsetInMilliseconds: number) => ({ ...playing(token, offsetInMilliseconds), playerActivity: "STOPPED" as const });

const none: Trips = { reads: 0, writes: 0, statementsWritten: 0 };
const oneRead: Trips = { reads: 1, writes: 0, statementsWritten: 0 };
const oneWrite: Trips = { reads: 0, writes: 1, statementsWritten: 1 };
const readAndWrite: Trips = { reads: 1, writes: 1, statementsWritten: 1 };

describe("D1 round trips per request type of the example (through the Worker, real local D1)", () => {
  it("a listener's evening: each request does the least storage work it can", async () => {
    const userId = newUserId();
    const dragons = "story:dragons";
    expect(await tripsOf({ type: "LaunchRequest" }, userId), "launch, nothing saved").toEqual(oneRead);
    expect(await tripsOf(intent("AMAZON.HelpIntent"), userId), "help").toEqual(none);
    expect(await tripsOf(intent("PlayStoryIntent", { story: "dragon" }), userId), "play with a slot: written without a read").toEqual(oneWrite);
    expect(await storedPlayback(userId)).toEqual({ storyId: "dragons", token: dragons, offsetInMilliseconds: 0 });
    expect(await tripsOf({ type: "LaunchRequest" }, userId), "launch, a story saved").toEqual(oneRead);
    expect(await tripsOf(intent("AMAZON.ResumeIntent"), userId), "resume: the resume point is unchanged, so no write").toEqual(oneRead);
    expect(await tripsOf({ type: "AudioPlayer.PlaybackStarted", token: dragons, offsetInMilliseconds: 0 }, userId), "PlaybackStarted").toEqual(oneWrite);
    expect(await tripsOf(intent("AMAZON.PauseIntent"), userId, playing(dragons, 5_000)), "pause while playing").toEqual(oneWrite);
    expect(await storedPlayback(userId)).toEqual({ storyId: "dragons", token: dragons, offsetInMilliseconds: 5_000 });
    expect(await tripsOf({ type: "AudioPlayer.PlaybackStopped", token: dragons, offsetInMilliseconds: 5_000 }, userId), "PlaybackStopped").toEqual(oneWrite);
    expect(await tripsOf({ type: "AudioPlayer.PlaybackNearlyFinished", token: dragons }, userId), "PlaybackNearlyFinished").toEqual(none);
    expect(await tripsOf(intent("AMAZON.ResumeIntent"), userId), "resume from 5 s: unchanged again").toEqual(oneRead);
    expect(await tripsOf(intent("AMAZON.ResumeIntent"), userId, stopped(dragons, 5_000)), "resume, the device reporting our stopped stream").toEqual(none);
    expect(await tripsOf({ type: "AudioPlayer.PlaybackFinished", token: dragons }, userId), "PlaybackFinished: read, then delete").toEqual(readAndWrite);
    expect(await storedPlayback(userId)).toBeUndefined();
    expect(await tripsOf({ type: "AudioPlayer.PlaybackFinished", token: dragons }, userId), "PlaybackFinished again: nothing to delete").toEqual(oneRead);
    expect(await tripsOf(intent("AMAZON.StopIntent"), userId), "stop, nothing playing").toEqual(none);
  });
});
