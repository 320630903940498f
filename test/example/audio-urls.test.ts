/**
 * The audio a Play directive names is served by the same Worker on the same host: the URL
 * from a PlayStoryIntent answer, fetched back through the Worker, streams the story from real
 * local R2 (whole and ranged, as AudioPlayer resumes). With AUDIO_URL_SECRET set, the skill
 * signs its URLs and the audio route accepts exactly those.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createRequestEnvelope, createSignedRequest } from "../../src/devkit/index.js";
import worker from "../../src/worker.js";
import { intent, kitPromise, LOCAL, newUserId, playOf, send } from "./helpers.js";

const STORY_BYTES = new Uint8Array(6000).map((_, i) => (i * 7) % 256);

beforeAll(async () => {
  await env.AUDIO.put("stories/moon.mp3", STORY_BYTES, { httpMetadata: { contentType: "audio/mpeg" } });
});

/** The path and query of an https URL the skill handed Alexa, on the local Worker. */
const local = (url: string) => new URL(new URL(url).pathname + new URL(url).search, LOCAL).href;

describe("Bedtime Stories: audio URLs", () => {
  it("names https://<request host>/audio/<key>, which the Worker serves from R2, also by range", async () => {
    const { body } = await send(intent("PlayStoryIntent", { story: "moon" }), { userId: newUserId() });
    const url = playOf(body)?.audioItem?.stream?.url ?? "";
    expect(url).toBe("https://localhost:8787/audio/stories/moon.mp3");
    const whole = await exports.default.fetch(local(url));
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(STORY_BYTES);
    const ranged = await exports.default.fetch(local(url), { headers: { range: "bytes=3000-" } });
    expect(ranged.status).toBe(206);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(STORY_BYTES.slice(3000));
  });

  it("signs story URLs when AUDIO_URL_SECRET is set, and the audio route accepts them (but not unsigned ones)", async () => {
    const signingEnv = { ...env, AUDIO_URL_SECRET: "bedtime-test-secret" };
    const call = async (request: Request) => {
      const ctx = createExecutionContext();
      const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, signingEnv, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const envelope = createRequestEnvelope({
      request: { type: "IntentRequest", intent: "PlayStoryIntent", slots: { story: "moon" } },
      userId: newUserId(),
    });
    const answer = await call(await createSignedRequest(await kitPromise, envelope, { url: LOCAL }));
    expect(answer.status).toBe(200);
    const url = new URL(playOf(await answer.json())?.audioItem?.stream?.url ?? "");
    expect(url.searchParams.get("exp")).toMatch(/^\d+$/);
    expect(url.searchParams.get("sig")).not.toBeNull();
    expect((await call(new Request(local(url.href)))).status).toBe(200);
    expect((await call(new Request(new URL(url.pathname, LOCAL)))).status).not.toBe(200);
  });
});
