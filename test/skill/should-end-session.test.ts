// shouldEndSession defaults, rule by rule (see src/skill/should-end-session.ts for sources).
import { describe, expect, it } from "vitest";
import { aplRenderDocument, audioPlay, delegate, directive, elicitSlot, ResponseBuilder } from "../../src/skill/index.js";

const play = audioPlay({ url: "https://cdn.example/a.mp3", token: "a" });
const apl = aplRenderDocument({ document: { type: "APL", version: "2024.3" } });
const endOf = (builder: ResponseBuilder, requestHasSession = true) => builder.build({ requestHasSession }).response.shouldEndSession;

describe("shouldEndSession", () => {
  it("is true for a plain answer and for an empty one", () => {
    expect(endOf(new ResponseBuilder().speak("Done."))).toBe(true);
    expect(endOf(new ResponseBuilder())).toBe(true);
  });

  it("is false with a reprompt", () => {
    expect(endOf(new ResponseBuilder().speak("Which city?").reprompt("Which city?"))).toBe(false);
  });

  it("is false with a Dialog directive, even without a reprompt", () => {
    expect(endOf(new ResponseBuilder().directive(delegate()))).toBe(false);
    expect(endOf(new ResponseBuilder().speak("Which date?").directive(elicitSlot("date")))).toBe(false);
  });

  it("is true with an AudioPlayer.Play and no reprompt (false would pause the stream)", () => {
    expect(endOf(new ResponseBuilder().speak("Playing.").directive(play))).toBe(true);
  });

  it("is false with a Play and a reprompt", () => {
    expect(endOf(new ResponseBuilder().directive(play).reprompt("Anything else?"))).toBe(false);
  });

  it("is absent with an APL document and no reprompt (screen stays, microphone closed)", () => {
    expect(endOf(new ResponseBuilder().speak("Look.").directive(apl))).toBeUndefined();
  });

  it("is absent when the request has no session (AudioPlayer / PlaybackController events)", () => {
    expect(endOf(new ResponseBuilder().directive(play), false)).toBeUndefined();
    expect(endOf(new ResponseBuilder(), false)).toBeUndefined();
  });

  it("follows an explicit choice, which wins over the defaults", () => {
    expect(endOf(new ResponseBuilder().speak("Hm?").keepSessionOpen())).toBe(false);
    expect(endOf(new ResponseBuilder().directive(play).endSession(false))).toBe(false);
    expect(endOf(new ResponseBuilder().directive(apl).endSession())).toBe(true);
    expect(endOf(new ResponseBuilder().directive(play).endSession(true), false)).toBe(true);
  });

  it("is always absent with VideoApp.Launch, even when set explicitly", () => {
    const video = directive("VideoApp.Launch", { videoItem: { source: "https://cdn.example/v.mp4" } });
    expect(endOf(new ResponseBuilder().directive(video).endSession(true))).toBeUndefined();
  });
});
