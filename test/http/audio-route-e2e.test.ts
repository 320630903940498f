/**
 * The audio route as deployed: `/audio/<key>` on the Worker's own host serves
 * the object from the real local R2 bucket (full, ranged, HEAD), and a missing
 * key is a 404, never a 500. Serving rules themselves are covered in test/audio.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";

const BYTES = new Uint8Array(4096).map((_, i) => i % 251);

beforeAll(async () => {
  await env.AUDIO.put("stories/e2e.mp3", BYTES, { httpMetadata: { contentType: "audio/mpeg" } });
});

describe("GET /audio/<key> through the Worker", () => {
  it("serves the whole object with the headers Alexa needs", async () => {
    const response = await exports.default.fetch("https://skill.example.com/audio/stories/e2e.mp3");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("serves a byte range as 206 for AudioPlayer resume", async () => {
    const response = await exports.default.fetch("https://skill.example.com/audio/stories/e2e.mp3", {
      headers: { range: "bytes=1000-1999" },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 1000-1999/4096");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES.slice(1000, 2000));
  });

  it("answers HEAD with the object's length and no body", async () => {
    const response = await exports.default.fetch("https://skill.example.com/audio/stories/e2e.mp3", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("4096");
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it("answers a missing key with 404", async () => {
    const response = await exports.default.fetch("https://skill.example.com/audio/stories/none.mp3");
    expect(response.status).toBe(404);
  });
});
