// The edge cache in front of R2, with an injected real Miniflare cache: a second GET is
// served from the cache, 206s are never stored, Range requests bypass a cached 200,
// conditionals are answered from cached validators, and waitUntil carries the store.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { serveAudio } from "../../src/audio/serve.js";
import { audioRequest, bodyBytes, putAudio, recordingCache } from "./helpers.js";

const log = () => {};

describe("serveAudio with an edge cache", () => {
  it("serves a second GET from the cache, even after the object left R2", async () => {
    const cache = await recordingCache();
    const { key, bytes, object } = await putAudio("cached.mp3", 500);
    const first = await serveAudio(audioRequest(key), env.AUDIO, key, { cache, log });
    expect(await bodyBytes(first)).toEqual(bytes);
    expect(cache.storedStatuses).toEqual([200]);
    await env.AUDIO.delete(key);
    const second = await serveAudio(audioRequest(key), env.AUDIO, key, { cache, log });
    expect(cache.hits).toBe(1);
    expect(second.status).toBe(200);
    expect(second.headers.get("ETag")).toBe(object.httpEtag);
    expect(second.headers.get("Content-Type")).toBe("audio/mpeg");
    expect(await bodyBytes(second)).toEqual(bytes);
  });

  it("shares one entry between differently signed URLs of the same path", async () => {
    const cache = await recordingCache();
    const { key } = await putAudio("query.mp3", 20);
    await (await serveAudio(audioRequest(key, {}, "?exp=1&sig=a"), env.AUDIO, key, { cache, log })).arrayBuffer();
    await (await serveAudio(audioRequest(key, {}, "?exp=2&sig=b"), env.AUDIO, key, { cache, log })).arrayBuffer();
    expect(cache.hits).toBe(1);
  });

  it("never stores a 206 and answers Range requests from R2, not from a cached 200", async () => {
    const cache = await recordingCache();
    const { key, bytes } = await putAudio("ranged.mp3", 500);
    const partial = await serveAudio(audioRequest(key, { headers: { Range: "bytes=10-19" } }), env.AUDIO, key, { cache, log });
    expect(partial.status).toBe(206);
    await partial.arrayBuffer();
    expect(cache.storedStatuses).toEqual([]);
    await (await serveAudio(audioRequest(key), env.AUDIO, key, { cache, log })).arrayBuffer();
    expect(cache.storedStatuses).toEqual([200]);
    const again = await serveAudio(audioRequest(key, { headers: { Range: "bytes=10-19" } }), env.AUDIO, key, { cache, log });
    expect(again.status).toBe(206);
    expect(again.headers.get("Content-Range")).toBe("bytes 10-19/500");
    expect(await bodyBytes(again)).toEqual(bytes.slice(10, 20));
    expect(cache.storedStatuses).toEqual([200]);
  });

  it("answers If-None-Match from the cached validators", async () => {
    const cache = await recordingCache();
    const { key, object } = await putAudio("cond.mp3", 50);
    await (await serveAudio(audioRequest(key), env.AUDIO, key, { cache, log })).arrayBuffer();
    await env.AUDIO.delete(key);
    const headers = { "If-None-Match": object.httpEtag };
    const response = await serveAudio(audioRequest(key, { headers }), env.AUDIO, key, { cache, log });
    expect(cache.hits).toBe(1);
    expect(response.status).toBe(304);
    expect(response.headers.get("ETag")).toBe(object.httpEtag);
  });

  it("does not store 304s, 404s or responses marked no-store", async () => {
    const cache = await recordingCache();
    const { key, object } = await putAudio("nostore.mp3", 10, { cacheControl: "no-store" });
    await (await serveAudio(audioRequest(key), env.AUDIO, key, { cache, log })).arrayBuffer();
    await serveAudio(audioRequest(key, { headers: { "If-None-Match": object.httpEtag } }), env.AUDIO, key, { cache, log });
    await (await serveAudio(audioRequest("t/none.mp3"), env.AUDIO, "t/none.mp3", { cache, log })).arrayBuffer();
    expect(cache.storedStatuses).toEqual([]);
  });

  it("hands the store to ctx.waitUntil when a ctx is given", async () => {
    const cache = await recordingCache();
    const pending: Promise<unknown>[] = [];
    const ctx = { waitUntil: (promise: Promise<unknown>) => void pending.push(promise) };
    const { key, bytes } = await putAudio("bg.mp3", 30);
    const response = await serveAudio(audioRequest(key), env.AUDIO, key, { cache, log, ctx });
    expect(pending).toHaveLength(1);
    expect(await bodyBytes(response)).toEqual(bytes);
    await Promise.all(pending);
    expect(cache.storedStatuses).toEqual([200]);
  });

  it("treats a failing cache as a miss and logs it", async () => {
    const events: unknown[] = [];
    const broken = {
      match: () => Promise.reject(new Error("cache down")),
      put: () => Promise.reject(new Error("cache down")),
    };
    const { key, bytes } = await putAudio("broken.mp3", 30);
    const response = await serveAudio(audioRequest(key), env.AUDIO, key, {
      cache: broken,
      log: (event) => events.push(event),
    });
    expect(await bodyBytes(response)).toEqual(bytes);
    expect(events).toEqual([
      { event: "audio_cache_failed", key, message: "Error: cache down" },
      { event: "audio_cache_failed", key, message: "Error: cache down" },
    ]);
  });

  it("uses caches.default when no cache is injected", async () => {
    const { key, bytes } = await putAudio("default.mp3", 40);
    await (await serveAudio(audioRequest(key), env.AUDIO, key, { log })).arrayBuffer();
    await env.AUDIO.delete(key);
    const second = await serveAudio(audioRequest(key), env.AUDIO, key, { log });
    expect(second.status).toBe(200);
    expect(await bodyBytes(second)).toEqual(bytes);
  });
});
