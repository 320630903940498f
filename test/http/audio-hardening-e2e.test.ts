/**
 * Issue #12, audio: through the deployed Worker (`exports.default.fetch`, real local R2),
 * `/audio/<key>` serves only the configured key prefix (src/worker.ts: `stories/`) and only
 * audio and card-image types, so a bucket's other files stay private; and an unusable
 * `If-Modified-Since` (year 9999, before 1970), which R2 refuses, is ignored (RFC 9110
 * 13.1.3) instead of answering 503.
 */
import { env, exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const HOST = "https://skill.example.com";
const BYTES = new Uint8Array(2048).map((_, i) => i % 251);

beforeAll(async () => {
  await env.AUDIO.put("private/secret.txt", "the launch codes", { httpMetadata: { contentType: "text/plain" } });
  await env.AUDIO.put("stories/notes.txt", "not audio");
  await env.AUDIO.put("stories/cover.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { httpMetadata: { contentType: "image/png" } });
  await env.AUDIO.put("stories/hardening.mp3", BYTES, { httpMetadata: { contentType: "audio/mpeg" } });
  await env.AUDIO.put("elsewhere/song.mp3", BYTES, { httpMetadata: { contentType: "audio/mpeg" } });
});

afterEach(() => vi.restoreAllMocks());

/** Fetches through the Worker with the audio log silenced; returns the response and the logged events. */
async function get(path: string, init?: RequestInit): Promise<{ response: Response; events: string[] }> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const response = await exports.default.fetch(`${HOST}${path}`, init);
  const events = warn.mock.calls.map((call) => (JSON.parse(String(call[0])) as { event?: string }).event ?? "");
  return { response, events };
}

describe("what /audio/<key> publishes", () => {
  it("answers /audio/private/secret.txt with 404 (outside the prefix), not the file", async () => {
    const { response, events } = await get("/audio/private/secret.txt");
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("launch codes");
    expect(events).toEqual(["audio_outside_prefix"]);
  });

  it("answers an MP3 outside the configured prefix with 404", async () => {
    const { response } = await get("/audio/elsewhere/song.mp3");
    expect(response.status).toBe(404);
    await response.arrayBuffer();
  });

  it.each(["GET", "HEAD"])("answers %s of a non-audio object inside the prefix with 404", async (method) => {
    const { response, events } = await get("/audio/stories/notes.txt", { method });
    expect(response.status).toBe(404);
    await response.arrayBuffer();
    expect(events).toEqual(["audio_refused_type"]);
  });

  it("answers a ranged GET of a non-audio object with 404 too", async () => {
    const { response } = await get("/audio/stories/notes.txt", { headers: { range: "bytes=0-1" } });
    expect(response.status).toBe(404);
    await response.arrayBuffer();
  });

  it("serves audio and a card image under the prefix", async () => {
    const audio = await get("/audio/stories/hardening.mp3");
    expect(audio.response.status).toBe(200);
    expect(new Uint8Array(await audio.response.arrayBuffer())).toEqual(BYTES);
    const image = await get("/audio/stories/cover.png");
    expect(image.response.status).toBe(200);
    expect(image.response.headers.get("content-type")).toBe("image/png");
    await image.response.arrayBuffer();
  });
});

describe("an unusable If-Modified-Since is ignored", () => {
  it.each([
    ["year 9999", "Fri, 31 Dec 9999 23:59:59 GMT"],
    ["before 1970", "Tue, 31 Dec 1968 23:59:59 GMT"],
    ["the last second before the epoch", "Wed, 31 Dec 1969 23:59:59 GMT"],
    ["not a date", "yesterday-ish"],
  ])("GET with If-Modified-Since %s answers 200 with the body", async (_, date) => {
    const { response } = await get("/audio/stories/hardening.mp3", { headers: { "If-Modified-Since": date } });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("HEAD and ranged GET with the year-9999 date answer 200 and 206", async () => {
    const headers = { "If-Modified-Since": "Fri, 31 Dec 9999 23:59:59 GMT" };
    const head = await get("/audio/stories/hardening.mp3", { method: "HEAD", headers });
    expect(head.response.status).toBe(200);
    const range = await get("/audio/stories/hardening.mp3", { headers: { ...headers, range: "bytes=0-9" } });
    expect(range.response.status).toBe(206);
    expect(new Uint8Array(await range.response.arrayBuffer())).toEqual(BYTES.slice(0, 10));
  });

  it("a usable date after the upload still answers 304", async () => {
    const { response } = await get("/audio/stories/hardening.mp3", { headers: { "If-Modified-Since": new Date(Date.now() + 60_000).toUTCString() } });
    expect(response.status).toBe(304);
  });
});
