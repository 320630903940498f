// handleAudioRequest as the Worker will call it: path matching (null elsewhere), decoding,
// refusals of traversal and odd keys from the raw URL, 405, and signed URLs end to end with
// AUDIO_URL_SECRET (valid, expired, tampered, missing, other key), using real R2 and HMAC.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { handleAudioRequest, type AudioEnv } from "../../src/audio/route.js";
import { signAudioUrl } from "../../src/audio/signed-url.js";
import { audioUrl } from "../../src/audio/urls.js";
import { bodyBytes, putAudio, recordingLog } from "./helpers.js";

const quiet = { cache: null, log: () => {} } as const;
const origin = { origin: "https://skill.example.com" };

describe("handleAudioRequest: routing", () => {
  it.each(["https://x/", "https://x/alexa", "https://x/audio", "https://x/audiobook/a.mp3"])(
    "returns null for %s",
    async (url) => {
      expect(await handleAudioRequest(new Request(url), env, undefined, quiet)).toBeNull();
    },
  );

  it("serves a key with spaces and unicode from its encoded URL", async () => {
    const { key, bytes } = await putAudio("ep 1/café ☕.mp3", 20);
    const response = await handleAudioRequest(new Request(audioUrl(key, origin)), env, undefined, quiet);
    expect(response?.status).toBe(200);
    expect(await bodyBytes(response!)).toEqual(bytes);
  });

  it.each([
    "https://x/audio/a%2F..%2Fb.mp3",
    "https://x/audio/a%5Cb.mp3",
    "https://x/audio/a%00.mp3",
    "https://x/audio/%FF",
    "https://x/audio/",
    "https://x/audio/a//b.mp3",
    `https://x/audio/${"k".repeat(1025)}`,
  ])("answers 400 for %.60s", async (url) => {
    const { events, log } = recordingLog();
    const response = await handleAudioRequest(new Request(url), env, undefined, { cache: null, log });
    expect(response?.status).toBe(400);
    expect(events[0]?.event).toBe("audio_bad_key");
  });

  it.each(["https://x/audio/../worker.ts", "https://x/audio/a/%2e%2e/%2e%2e/etc", "https://x/audio\\..\\..\\etc"])(
    "does not route %s: the URL parser already resolved the dot segments out of /audio/",
    async (url) => {
      expect(new URL(url).pathname.startsWith("/audio/")).toBe(false);
      expect(await handleAudioRequest(new Request(url), env, undefined, quiet)).toBeNull();
    },
  );

  it("answers 405 with Allow before looking at the key", async () => {
    const response = await handleAudioRequest(new Request("https://x/audio/a%00", { method: "POST" }), env, undefined, quiet);
    expect(response?.status).toBe(405);
    expect(response?.headers.get("Allow")).toBe("GET, HEAD");
  });

  it("honours a custom prefix", async () => {
    const { key } = await putAudio("p.mp3", 3);
    const url = audioUrl(key, origin, { prefix: "/media/" });
    const response = await handleAudioRequest(new Request(url), env, undefined, { ...quiet, prefix: "/media/" });
    expect(response?.status).toBe(200);
    await response?.arrayBuffer();
  });
});

describe("handleAudioRequest: signed URLs", () => {
  const secret = "route-secret";
  const signedEnv: AudioEnv = { AUDIO: env.AUDIO, AUDIO_URL_SECRET: secret };
  const nowMs = Date.UTC(2026, 2, 3);
  const at = (ms: number) => ({ ...quiet, now: () => ms });

  async function signedRequest(key: string, init: RequestInit = {}): Promise<Request> {
    return new Request(await signAudioUrl(audioUrl(key, origin), secret, { nowMs, lifetimeSeconds: 3600 }), init);
  }

  it("serves a valid signed URL, including ranges", async () => {
    const { key, bytes } = await putAudio("signed.mp3", 100);
    const whole = await handleAudioRequest(await signedRequest(key), signedEnv, undefined, at(nowMs));
    expect(whole?.status).toBe(200);
    expect(await bodyBytes(whole!)).toEqual(bytes);
    const part = await handleAudioRequest(
      await signedRequest(key, { headers: { Range: "bytes=-10" } }),
      signedEnv,
      undefined,
      at(nowMs + 3599_000),
    );
    expect(part?.status).toBe(206);
    expect(await bodyBytes(part!)).toEqual(bytes.slice(90));
  });

  it("answers a generic 403 to expired, tampered, missing and cross-key signatures", async () => {
    const { key } = await putAudio("guarded.mp3", 10);
    const other = await putAudio("other.mp3", 10);
    const good = new URL((await signedRequest(key)).url);
    const tampered = new URL(good);
    tampered.searchParams.set("exp", String(Number(good.searchParams.get("exp")) + 60));
    const crossKey = new URL(audioUrl(other.key, origin));
    crossKey.search = good.search;
    const cases: Array<[string, number, string]> = [
      [good.href, nowMs + 3600_000, "expired"],
      [tampered.href, nowMs, "bad-signature"],
      [audioUrl(key, origin), nowMs, "missing-signature"],
      [crossKey.href, nowMs, "bad-signature"],
    ];
    for (const [url, now, reason] of cases) {
      const { events, log } = recordingLog();
      const response = await handleAudioRequest(new Request(url), signedEnv, undefined, { cache: null, log, now: () => now });
      expect(response?.status).toBe(403);
      expect(await response?.json()).toEqual({ error: "forbidden", message: "Forbidden." });
      expect(events).toEqual([expect.objectContaining({ event: "audio_bad_signature", reason })]);
    }
  });

  it("checks the signature before revealing whether the object exists", async () => {
    const response = await handleAudioRequest(new Request("https://x/audio/nothing-here.mp3"), signedEnv, undefined, at(nowMs));
    expect(response?.status).toBe(403);
  });

  it("treats an empty AUDIO_URL_SECRET as signing switched off", async () => {
    const { key } = await putAudio("open.mp3", 5);
    const response = await handleAudioRequest(
      new Request(audioUrl(key, origin)),
      { AUDIO: env.AUDIO, AUDIO_URL_SECRET: "" },
      undefined,
      quiet,
    );
    expect(response?.status).toBe(200);
    await response?.arrayBuffer();
  });
});
