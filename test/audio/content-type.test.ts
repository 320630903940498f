// Content-Type inference from the key's extension, and precedence of the stored type.
import { describe, expect, it } from "vitest";
import { contentTypeFor, contentTypeForKey } from "../../src/audio/content-type.js";

describe("contentTypeForKey", () => {
  it.each([
    ["a.mp3", "audio/mpeg"],
    ["dir/b.MP3", "audio/mpeg"],
    ["c.m4a", "audio/mp4"],
    ["c.mp4", "audio/mp4"],
    ["d.aac", "audio/aac"],
    ["live/e.m3u8", "application/vnd.apple.mpegurl"],
    ["f.m3u", "audio/x-mpegurl"],
    ["g.pls", "audio/x-scpls"],
    ["h.ogg", "audio/ogg"],
    ["i.wav", "audio/wav"],
    ["seg/000.ts", "video/mp2t"],
    ["noext", "application/octet-stream"],
    [".mp3", "application/octet-stream"],
    ["a.mp3/readme", "application/octet-stream"],
    ["x.exe", "application/octet-stream"],
  ])("%s is %s", (key, type) => {
    expect(contentTypeForKey(key)).toBe(type);
  });

  it("prefers a stored type", () => {
    expect(contentTypeFor("a.mp3", "audio/x-custom")).toBe("audio/x-custom");
    expect(contentTypeFor("a.mp3", "")).toBe("audio/mpeg");
    expect(contentTypeFor("a.mp3", undefined)).toBe("audio/mpeg");
  });
});
