/**
 * The s3-media fixture: an Alexa-hosted-style Lambda skill (ask-sdk-core, the S3 persistence
 * adapter on S3_PERSISTENCE_BUCKET with a path prefix and the device id, media through
 * util.js's `s3.getSignedUrl('getObject', ...)`, a hand-written callback handler), unchanged.
 * Its attributes (a bare string) land in D1; its media URLs are the Worker's own R2 audio
 * route, signed like signAudioUrl when AUDIO_URL_SECRET is set.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureWorker } from "./bundles.js";
import { FIXTURE_ORIGIN, sendSigned, speechOf } from "./signed.js";

const worker = await fixtureWorker("s3-media");
const CHIME = new Uint8Array([0xff, 0xf3, 0x44, 0xc4, 1, 2, 3, 4]);

function audioSrc(ssml: string): string {
  const match = /<audio src="([^"]+)"\/>/.exec(ssml);
  if (match === null) throw new Error(`no <audio> in ${ssml}`);
  return match[1]!.replace(/&amp;/g, "&");
}

async function get(url: string, bindings: object = env): Promise<Response> {
  return worker.fetch!(new Request(url) as Request<unknown, IncomingRequestCfProperties>, bindings as Env, createExecutionContext());
}

beforeAll(async () => {
  await env.AUDIO.put("Media/chime.mp3", CHIME, { httpMetadata: { contentType: "audio/mpeg" } });
});

describe("an Alexa-hosted-style Lambda skill with the S3 adapter and S3 media", () => {
  it("keeps a bare-string attribute per device in D1 under bucket and path prefix, read back next time", async () => {
    const deviceId = `amzn1.ask.device.${crypto.randomUUID()}`;
    const turn = await sendSigned(worker, { request: { type: "LaunchRequest" }, deviceId });
    expect(speechOf(turn)).toContain("Last time: nothing.");
    const row = await env.DB.prepare("SELECT value FROM ask_sdk_attributes WHERE namespace = ?1 AND id = ?2")
      .bind("s3:fixture-bucket", `attributes/${deviceId}`)
      .first<{ value: string }>();
    expect(typeof JSON.parse(row!.value)).toBe("string");
    expect(JSON.parse(row!.value)).toMatch(/^played at /);
    const second = await sendSigned(worker, { request: { type: "LaunchRequest" }, deviceId });
    expect(speechOf(second)).toContain(`Last time: ${JSON.parse(row!.value) as string}.`);
  });

  it("turns s3.getSignedUrl('getObject') into the Worker's audio URL, served from R2", async () => {
    const turn = await sendSigned(worker, { request: { type: "LaunchRequest" } });
    const src = audioSrc(speechOf(turn));
    expect(src).toBe(`${FIXTURE_ORIGIN}/audio/Media/chime.mp3`);
    const audio = await get(src);
    expect(audio.status).toBe(200);
    expect(new Uint8Array(await audio.arrayBuffer())).toEqual(CHIME);
  });

  it("signs the URL for Expires seconds when AUDIO_URL_SECRET is set; the route accepts it and refuses a forged one", async () => {
    const signedEnv = { ...env, AUDIO_URL_SECRET: "fixture-secret" };
    const before = Math.floor(Date.now() / 1000);
    const turn = await sendSigned(worker, { request: { type: "LaunchRequest" } }, signedEnv);
    const src = new URL(audioSrc(speechOf(turn)));
    const exp = Number(src.searchParams.get("exp"));
    expect(exp).toBeGreaterThanOrEqual(before + 60);
    expect(exp).toBeLessThanOrEqual(before + 62);
    expect(src.searchParams.get("sig")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await get(src.href, signedEnv)).status).toBe(200);
    const unsigned = `${src.origin}${src.pathname}`;
    expect((await get(unsigned, signedEnv)).status).toBe(403);
    src.searchParams.set("sig", "A".repeat(43));
    expect((await get(src.href, signedEnv)).status).toBe(403);
  });
});
