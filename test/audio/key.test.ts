// Audio keys: decoding from the path, every refusal reason, and per-segment encoding.
import { describe, expect, it } from "vitest";
import { audioKeyFromPath, encodeAudioKeyPath, validateAudioKey } from "../../src/audio/key.js";

describe("audioKeyFromPath", () => {
  it("returns null outside the prefix", () => {
    expect(audioKeyFromPath("/other/x.mp3")).toBeNull();
    expect(audioKeyFromPath("/audio")).toBeNull();
    expect(audioKeyFromPath("/audiox/a.mp3")).toBeNull();
  });

  it("decodes percent-encoding, including unicode and spaces", () => {
    expect(audioKeyFromPath("/audio/podcasts/ep%201/caf%C3%A9.mp3")).toEqual({
      ok: true,
      key: "podcasts/ep 1/café.mp3",
    });
    expect(audioKeyFromPath("/media/a.mp3", "/media/")).toEqual({ ok: true, key: "a.mp3" });
  });

  it.each([
    ["/audio/", "empty"],
    ["/audio/%E0%A4%A", "bad-encoding"],
    ["/audio/%FF.mp3", "bad-encoding"],
    ["/audio/a/%2e%2e/b.mp3", "dot-segment"],
    ["/audio/a%2F..%2Fsecret", "dot-segment"],
    ["/audio/./a.mp3", "dot-segment"],
    ["/audio/a%5C..%5Cb.mp3", "backslash"],
    ["/audio/a%00.mp3", "control-character"],
    ["/audio/a%0Ab.mp3", "control-character"],
    ["/audio/a//b.mp3", "empty-segment"],
    ["/audio//a.mp3", "empty-segment"],
    ["/audio/dir/", "empty-segment"],
    [`/audio/${"a".repeat(1025)}`, "too-long"],
    [`/audio/${"%C3%A9".repeat(513)}`, "too-long"],
  ])("%s is refused as %s", (path, reason) => {
    expect(audioKeyFromPath(path)).toEqual({ ok: false, reason });
  });

  it("accepts a key of exactly 1024 bytes", () => {
    expect(audioKeyFromPath(`/audio/${"a".repeat(1024)}`)?.ok).toBe(true);
  });
});

describe("validateAudioKey", () => {
  it("refuses lone surrogates", () => {
    expect(validateAudioKey("a\uD800.mp3")).toEqual({ ok: false, reason: "bad-encoding" });
    expect(validateAudioKey("🎵.mp3")).toEqual({ ok: true, key: "🎵.mp3" });
  });
});

describe("encodeAudioKeyPath", () => {
  it("encodes each segment and keeps the separators", () => {
    expect(encodeAudioKeyPath("ep 1/café?#.mp3")).toBe("ep%201/caf%C3%A9%3F%23.mp3");
  });

  it("round-trips through audioKeyFromPath", () => {
    const key = "a b/ü/100%/x&y.mp3";
    expect(audioKeyFromPath(`/audio/${encodeAudioKeyPath(key)}`)).toEqual({ ok: true, key });
  });
});
