// URL helpers: https-only audio URLs from the request host, SSML escaping, AudioPlayer
// limits, and signAudioUrl producing URLs the verifier accepts.
import { describe, expect, it } from "vitest";
import { signAudioUrl } from "../../src/audio/signed-url.js";
import { verifyAudioSignature } from "../../src/audio/signing.js";
import {
  AudioUrlError,
  audioPlayerStreamUrl,
  audioUrl,
  ssmlAudioTag,
} from "../../src/audio/urls.js";

function problemOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof AudioUrlError) return error.problem;
    throw error;
  }
  throw new Error("expected an AudioUrlError");
}

describe("audioUrl", () => {
  it("takes the host from the request and forces https", () => {
    const request = new Request("http://skill.example.com:8443/alexa?x=1");
    expect(audioUrl("intro.mp3", request)).toBe("https://skill.example.com:8443/audio/intro.mp3");
    expect(audioUrl("a.mp3", new URL("https://Skill.Example.com/"))).toBe("https://skill.example.com/audio/a.mp3");
    expect(audioUrl("a.mp3", { origin: "https://x.example" }, { prefix: "/media/" })).toBe("https://x.example/media/a.mp3");
  });

  it("percent-encodes each segment of the key", () => {
    expect(audioUrl("ep 1/café.mp3", { origin: "https://x.example" })).toBe(
      "https://x.example/audio/ep%201/caf%C3%A9.mp3",
    );
  });

  it("rejects bad keys and origins with typed problems", () => {
    expect(problemOf(() => audioUrl("../x.mp3", { origin: "https://x.example" }))).toEqual({
      kind: "bad-key",
      problem: "dot-segment",
    });
    expect(problemOf(() => audioUrl("a.mp3", { origin: "not a url" }))).toEqual({ kind: "bad-origin" });
    expect(problemOf(() => audioUrl("a.mp3", { origin: "mailto:x@y" }))).toEqual({ kind: "bad-origin" });
  });
});

describe("ssmlAudioTag", () => {
  it("escapes XML special characters in the URL", () => {
    expect(ssmlAudioTag("https://x.example/audio/a.mp3?exp=1&sig=x'<>\"")).toBe(
      '<audio src="https://x.example/audio/a.mp3?exp=1&amp;sig=x&apos;&lt;&gt;&quot;"/>',
    );
  });

  it("refuses non-https URLs", () => {
    expect(problemOf(() => ssmlAudioTag("http://x.example/a.mp3"))).toEqual({ kind: "not-https" });
    expect(problemOf(() => ssmlAudioTag("nope"))).toEqual({ kind: "invalid-url" });
  });
});

describe("audioPlayerStreamUrl", () => {
  it("accepts https URLs up to 8000 characters", () => {
    const url = `https://x.example/audio/${"a".repeat(8000 - 24)}`;
    expect(url.length).toBe(8000);
    expect(audioPlayerStreamUrl(url)).toBe(url);
  });

  it("rejects longer or non-https URLs", () => {
    expect(problemOf(() => audioPlayerStreamUrl(`https://x.example/${"a".repeat(8000)}`))).toEqual({
      kind: "too-long",
      length: 8018,
      limit: 8000,
    });
    expect(problemOf(() => audioPlayerStreamUrl("http://x.example/a.mp3"))).toEqual({ kind: "not-https" });
  });
});

describe("signAudioUrl", () => {
  const secret = "test-secret";
  const nowMs = Date.UTC(2026, 0, 1);

  it("appends exp and sig that verify for the decoded key", async () => {
    const url = audioUrl("ep 1/café.mp3", { origin: "https://x.example" });
    const signed = new URL(await signAudioUrl(url, secret, { nowMs }));
    expect(signed.pathname).toBe("/audio/ep%201/caf%C3%A9.mp3");
    expect(signed.searchParams.get("exp")).toBe(String(nowMs / 1000 + 86400));
    expect(await verifyAudioSignature("ep 1/café.mp3", signed.searchParams, secret, nowMs)).toEqual({ ok: true });
  });

  it("honours a custom lifetime and replaces an old signature", async () => {
    const once = await signAudioUrl("https://x.example/audio/a.mp3", secret, { nowMs, lifetimeSeconds: 60 });
    const twice = new URL(await signAudioUrl(once, secret, { nowMs: nowMs + 1000, lifetimeSeconds: 60 }));
    expect(twice.searchParams.getAll("exp")).toEqual([String(nowMs / 1000 + 61)]);
    expect(twice.searchParams.getAll("sig")).toHaveLength(1);
  });

  it("rejects URLs that are not audio URLs, bad keys and an empty secret", async () => {
    await expect(signAudioUrl("https://x.example/other/a.mp3", secret)).rejects.toMatchObject({
      problem: { kind: "not-an-audio-url" },
    });
    await expect(signAudioUrl("https://x.example/audio/a%00", secret)).rejects.toMatchObject({
      problem: { kind: "bad-key", problem: "control-character" },
    });
    await expect(signAudioUrl("::", secret)).rejects.toMatchObject({ problem: { kind: "invalid-url" } });
    await expect(signAudioUrl("https://x.example/audio/a.mp3", "")).rejects.toMatchObject({
      problem: { kind: "empty-secret" },
    });
  });
});
