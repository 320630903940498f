// serveAudio against the real local R2 bucket: full GET headers, HEAD, 304 both ways, 404,
// 405, 400 for bad keys, content types (stored and inferred) and stored Cache-Control.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { serveAudio } from "../../src/audio/serve.js";
import { audioRequest, bodyBytes, putAudio, recordingLog } from "./helpers.js";

const quiet = { cache: null, log: () => {} } as const;

describe("serveAudio: whole object", () => {
  it("answers 200 with the body and every representation header", async () => {
    const { key, bytes, object } = await putAudio("intro.mp3", 1000);
    const response = await serveAudio(audioRequest(key), env.AUDIO, key, quiet);
    expect(response.status).toBe(200);
    expect(await bodyBytes(response)).toEqual(bytes);
    const h = response.headers;
    expect(h.get("Content-Type")).toBe("audio/mpeg");
    expect(h.get("Content-Length")).toBe("1000");
    expect(h.get("Accept-Ranges")).toBe("bytes");
    expect(h.get("ETag")).toBe(object.httpEtag);
    expect(h.get("ETag")).toMatch(/^"[0-9a-f]+"$/);
    expect(h.get("Last-Modified")).toBe(object.uploaded.toUTCString());
    expect(h.get("Cache-Control")).toBe("public, max-age=86400");
    expect(h.get("Content-Range")).toBeNull();
  });

  it("uses the configured Cache-Control, unless the object stores its own", async () => {
    const plain = await putAudio("a.mp3", 10);
    const custom = await putAudio("b.mp3", 10, { cacheControl: "public, max-age=60" });
    const options = { ...quiet, cacheControl: "public, max-age=31536000, immutable" };
    const first = await serveAudio(audioRequest(plain.key), env.AUDIO, plain.key, options);
    const second = await serveAudio(audioRequest(custom.key), env.AUDIO, custom.key, options);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(second.headers.get("Cache-Control")).toBe("public, max-age=60");
  });

  it.each([
    ["song.m4a", undefined, "audio/mp4"],
    ["live.m3u8", undefined, "application/vnd.apple.mpegurl"],
    ["radio.pls", undefined, "audio/x-scpls"],
    ["list.m3u", undefined, "audio/x-mpegurl"],
    ["clip.aac", undefined, "audio/aac"],
    ["blob", undefined, "application/octet-stream"],
    ["song.mp3", "audio/x-stored", "audio/x-stored"],
  ])("serves %s (stored type %s) as %s, when every type is allowed", async (name, stored, expected) => {
    const { key } = await putAudio(name, 4, stored ? { contentType: stored } : undefined);
    const response = await serveAudio(audioRequest(key), env.AUDIO, key, { ...quiet, servedTypes: () => true });
    expect(response.headers.get("Content-Type")).toBe(expected);
    await response.arrayBuffer();
  });
});

describe("serveAudio: HEAD", () => {
  it("has the same headers as GET and no body", async () => {
    const { key } = await putAudio("head.mp3", 777);
    const get = await serveAudio(audioRequest(key), env.AUDIO, key, quiet);
    const head = await serveAudio(audioRequest(key, { method: "HEAD" }), env.AUDIO, key, quiet);
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect([...head.headers]).toEqual([...get.headers]);
    expect(head.headers.get("Content-Length")).toBe("777");
    await get.arrayBuffer();
  });

  it("ignores Range (only defined for GET)", async () => {
    const { key } = await putAudio("head-range.mp3", 50);
    const head = await serveAudio(audioRequest(key, { method: "HEAD", headers: { Range: "bytes=0-9" } }), env.AUDIO, key, quiet);
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Length")).toBe("50");
  });
});

describe("serveAudio: conditional requests", () => {
  it("answers 304 to a matching If-None-Match, for GET and HEAD", async () => {
    const { key, object } = await putAudio("c.mp3", 100);
    for (const method of ["GET", "HEAD"]) {
      const headers = { "If-None-Match": `"nope", ${object.httpEtag}` };
      const response = await serveAudio(audioRequest(key, { method, headers }), env.AUDIO, key, quiet);
      expect(response.status).toBe(304);
      expect(response.body).toBeNull();
      expect(response.headers.get("ETag")).toBe(object.httpEtag);
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=86400");
    }
  });

  it("answers 304 to a weak tag and to *", async () => {
    const { key, object } = await putAudio("w.mp3", 100);
    for (const tag of [`W/${object.httpEtag}`, "*"]) {
      const response = await serveAudio(audioRequest(key, { headers: { "If-None-Match": tag } }), env.AUDIO, key, quiet);
      expect(response.status).toBe(304);
    }
  });

  it("answers 304 to If-Modified-Since at or after Last-Modified, 200 before", async () => {
    const { key, object } = await putAudio("ims.mp3", 100);
    const at = object.uploaded.toUTCString();
    const before = new Date(object.uploaded.getTime() - 5000).toUTCString();
    const fresh = await serveAudio(audioRequest(key, { headers: { "If-Modified-Since": at } }), env.AUDIO, key, quiet);
    const stale = await serveAudio(audioRequest(key, { headers: { "If-Modified-Since": before } }), env.AUDIO, key, quiet);
    expect(fresh.status).toBe(304);
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it("lets a non-matching If-None-Match override a matching If-Modified-Since", async () => {
    const { key, object } = await putAudio("both.mp3", 100);
    const headers = { "If-None-Match": '"different"', "If-Modified-Since": object.uploaded.toUTCString() };
    const response = await serveAudio(audioRequest(key, { headers }), env.AUDIO, key, quiet);
    expect(response.status).toBe(200);
    expect((await bodyBytes(response)).byteLength).toBe(100);
  });
});

describe("serveAudio: R2 onlyIf is only a hint", () => {
  it("re-reads the object when R2 withholds a body the answer needs", async () => {
    const { key, bytes } = await putAudio("hint.mp3", 64);
    const gets: string[] = [];
    // A bucket whose conditional gets always fail, as if R2 read the condition differently.
    const contrary = {
      head: (k: string) => env.AUDIO.head(k),
      get: (k: string, options?: R2GetOptions) => {
        gets.push(options?.onlyIf ? "conditional" : "plain");
        return options?.onlyIf ? env.AUDIO.head(k) : env.AUDIO.get(k);
      },
    } as unknown as R2Bucket;
    const headers = { "If-None-Match": '"not-the-etag"' };
    const response = await serveAudio(audioRequest(key, { headers }), contrary, key, quiet);
    expect(response.status).toBe(200);
    expect(await bodyBytes(response)).toEqual(bytes);
    expect(gets).toEqual(["conditional", "plain"]);
  });
});

describe("serveAudio: refusals", () => {
  it("answers 404 with a small text body for a missing object (GET, HEAD, Range)", async () => {
    for (const init of [{}, { method: "HEAD" }, { headers: { Range: "bytes=0-1" } }]) {
      const response = await serveAudio(audioRequest("missing/none.mp3", init), env.AUDIO, "missing/none.mp3", quiet);
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      if (init.method !== "HEAD") expect(await response.json()).toEqual({ error: "not-found", message: "Not found." });
    }
  });

  it.each(["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])("answers 405 with Allow to %s", async (method) => {
    const response = await serveAudio(audioRequest("a.mp3", { method }), env.AUDIO, "a.mp3", quiet);
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD");
  });

  it.each(["../secret", "a/../../b", "a\\b", "a\u0000b", "", "x".repeat(1025), "a//b"])(
    "answers 400 for key %j and logs the reason",
    async (key) => {
      const { events, log } = recordingLog();
      const response = await serveAudio(audioRequest("x"), env.AUDIO, key, { cache: null, log });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "bad-request", message: "Bad request." });
      expect(events).toHaveLength(1);
      expect(events[0]?.event).toBe("audio_bad_key");
    },
  );

  it("answers 503 and logs when R2 fails", async () => {
    const { events, log } = recordingLog();
    const failing = {
      head: () => Promise.reject(new Error("R2 down")),
      get: () => Promise.reject(new Error("R2 down")),
    } as unknown as R2Bucket;
    const response = await serveAudio(audioRequest("a.mp3"), failing, "a.mp3", { cache: null, log });
    expect(response.status).toBe(503);
    expect(events).toEqual([{ event: "audio_storage_failed", key: "a.mp3", message: "Error: R2 down" }]);
  });
});
