// Range requests against real R2: each single-range form gives 206 with exact bytes and
// headers, 416 for unsatisfiable ranges, 200 for malformed or multiple ranges, If-Range,
// conditionals before ranges, and a concurrent overwrite falling back to the whole object.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { serveAudio } from "../../src/audio/serve.js";
import { audioRequest, bodyBytes, putAudio } from "./helpers.js";

const quiet = { cache: null, log: () => {} } as const;

function rangeRequest(key: string, range: string, extra: Record<string, string> = {}): Request {
  return audioRequest(key, { headers: { Range: range, ...extra } });
}

describe("serveAudio: single ranges", () => {
  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, 999],
    ["bytes=-250", 750, 999],
    ["bytes=990-5000", 990, 999],
    ["bytes=-5000", 0, 999],
    ["bytes=500-500", 500, 500],
  ])("%s answers 206 with bytes %i-%i", async (range, start, end) => {
    const { key, bytes, object } = await putAudio("r.mp3", 1000);
    const response = await serveAudio(rangeRequest(key, range), env.AUDIO, key, quiet);
    expect(response.status).toBe(206);
    expect(response.headers.get("Content-Range")).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get("Content-Length")).toBe(String(end - start + 1));
    expect(response.headers.get("Content-Type")).toBe("audio/mpeg");
    expect(response.headers.get("Accept-Ranges")).toBe("bytes");
    expect(response.headers.get("ETag")).toBe(object.httpEtag);
    expect(await bodyBytes(response)).toEqual(bytes.slice(start, end + 1));
  });
});

describe("serveAudio: ranges that are not served as asked", () => {
  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=-0"])("%s answers 416 with bytes */size", async (range) => {
    const { key } = await putAudio("u.mp3", 1000);
    const response = await serveAudio(rangeRequest(key, range), env.AUDIO, key, quiet);
    expect(response.status).toBe(416);
    expect(response.headers.get("Content-Range")).toBe("bytes */1000");
    expect(await response.json()).toEqual({ error: "range-not-satisfiable", message: "Range not satisfiable." });
  });

  it.each(["bytes=abc", "bytes=9-1", "items=0-1", "bytes=0-1,5-9", "bytes=0-1, -1"])(
    "%s is ignored: 200 with the whole object",
    async (range) => {
      const { key, bytes } = await putAudio("m.mp3", 300);
      const response = await serveAudio(rangeRequest(key, range), env.AUDIO, key, quiet);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Range")).toBeNull();
      expect(response.headers.get("Content-Length")).toBe("300");
      expect(await bodyBytes(response)).toEqual(bytes);
    },
  );

  it("answers 416 for any range of an empty object", async () => {
    const { key } = await putAudio("empty.mp3", 0);
    const response = await serveAudio(rangeRequest(key, "bytes=0-"), env.AUDIO, key, quiet);
    expect(response.status).toBe(416);
    expect(response.headers.get("Content-Range")).toBe("bytes */0");
  });
});

describe("serveAudio: ranges with validators", () => {
  it("honours If-Range with the current ETag or Last-Modified", async () => {
    const { key, object } = await putAudio("ir.mp3", 100);
    for (const ifRange of [object.httpEtag, object.uploaded.toUTCString()]) {
      const response = await serveAudio(rangeRequest(key, "bytes=0-9", { "If-Range": ifRange }), env.AUDIO, key, quiet);
      expect(response.status).toBe(206);
      await response.arrayBuffer();
    }
  });

  it("sends the whole object when If-Range does not match", async () => {
    const { key } = await putAudio("ir2.mp3", 100);
    for (const ifRange of ['"stale"', "Mon, 01 Jan 2001 00:00:00 GMT"]) {
      const response = await serveAudio(rangeRequest(key, "bytes=0-9", { "If-Range": ifRange }), env.AUDIO, key, quiet);
      expect(response.status).toBe(200);
      expect((await bodyBytes(response)).byteLength).toBe(100);
    }
  });

  it("evaluates If-None-Match before the range (304, not 206 or 416)", async () => {
    const { key, object } = await putAudio("inm.mp3", 100);
    for (const range of ["bytes=0-9", "bytes=500-"]) {
      const response = await serveAudio(
        rangeRequest(key, range, { "If-None-Match": object.httpEtag }),
        env.AUDIO,
        key,
        quiet,
      );
      expect(response.status).toBe(304);
    }
  });

  it("serves the new object whole if it was replaced between head() and get()", async () => {
    const { key } = await putAudio("race.mp3", 100);
    const replacement = new Uint8Array(40).fill(7);
    const racing = {
      head: (k: string) => env.AUDIO.head(k),
      get: async (k: string, options?: R2GetOptions) => {
        if (options?.range) await env.AUDIO.put(k, replacement);
        return options ? env.AUDIO.get(k, options) : env.AUDIO.get(k);
      },
    } as unknown as R2Bucket;
    const response = await serveAudio(rangeRequest(key, "bytes=0-9"), racing, key, quiet);
    expect(response.status).toBe(200);
    expect(await bodyBytes(response)).toEqual(replacement);
  });
});
