// The JSON shape of every directive and card factory, as Alexa expects it on the wire.
import type { Intent } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import {
  aplaRenderDocument,
  aplRenderDocument,
  askForPermissionsConsentCard,
  audioClearQueue,
  audioEnqueueAfter,
  audioPlay,
  audioStop,
  confirmIntent,
  confirmSlot,
  delegate,
  directive,
  elicitSlot,
  linkAccountCard,
  ResponseBuilder,
  simpleCard,
  standardCard,
} from "../../src/skill/index.js";

const updated: Intent = { name: "BookIntent", confirmationStatus: "NONE", slots: { city: { name: "city", value: "Paris", confirmationStatus: "NONE" } } };

describe("Dialog directives", () => {
  it("Delegate, with and without an updated intent", () => {
    expect(delegate()).toEqual({ type: "Dialog.Delegate" });
    expect(delegate(updated)).toEqual({ type: "Dialog.Delegate", updatedIntent: updated });
  });

  it("ElicitSlot, ConfirmSlot and ConfirmIntent", () => {
    expect(elicitSlot("date")).toEqual({ type: "Dialog.ElicitSlot", slotToElicit: "date" });
    expect(elicitSlot("date", updated)).toEqual({ type: "Dialog.ElicitSlot", slotToElicit: "date", updatedIntent: updated });
    expect(confirmSlot("city", updated)).toEqual({ type: "Dialog.ConfirmSlot", slotToConfirm: "city", updatedIntent: updated });
    expect(confirmIntent()).toEqual({ type: "Dialog.ConfirmIntent" });
  });
});

describe("AudioPlayer directives", () => {
  it("Play replaces everything by default, from offset 0", () => {
    expect(audioPlay({ url: "https://cdn.example/a.mp3", token: "a" })).toEqual({
      type: "AudioPlayer.Play",
      playBehavior: "REPLACE_ALL",
      audioItem: { stream: { token: "a", url: "https://cdn.example/a.mp3", offsetInMilliseconds: 0 } },
    });
  });

  it("Play carries metadata and an offset; REPLACE_ENQUEUED has no previous token", () => {
    const metadata = { title: "Episode 1", subtitle: "Show", art: { sources: [{ url: "https://cdn.example/art.png" }] } };
    expect(audioPlay({ url: "https://cdn.example/a.mp3", token: "a", offsetInMilliseconds: 1500, behavior: "REPLACE_ENQUEUED", metadata })).toEqual({
      type: "AudioPlayer.Play",
      playBehavior: "REPLACE_ENQUEUED",
      audioItem: { stream: { token: "a", url: "https://cdn.example/a.mp3", offsetInMilliseconds: 1500 }, metadata },
    });
  });

  it("ENQUEUE chains tokens through expectedPreviousToken", () => {
    const expected = {
      type: "AudioPlayer.Play",
      playBehavior: "ENQUEUE",
      audioItem: { stream: { token: "b", url: "https://cdn.example/b.mp3", offsetInMilliseconds: 0, expectedPreviousToken: "a" } },
    };
    expect(audioPlay({ url: "https://cdn.example/b.mp3", token: "b", behavior: "ENQUEUE", expectedPreviousToken: "a" })).toEqual(expected);
    expect(audioEnqueueAfter("a", { url: "https://cdn.example/b.mp3", token: "b" })).toEqual(expected);
  });

  it("Stop and ClearQueue", () => {
    expect(audioStop()).toEqual({ type: "AudioPlayer.Stop" });
    expect(audioClearQueue()).toEqual({ type: "AudioPlayer.ClearQueue", clearBehavior: "CLEAR_ENQUEUED" });
    expect(audioClearQueue("CLEAR_ALL")).toEqual({ type: "AudioPlayer.ClearQueue", clearBehavior: "CLEAR_ALL" });
  });
});

describe("presentation and generic directives", () => {
  const document = { type: "APL", version: "2024.3", mainTemplate: { items: [{ type: "Text", text: "${payload.data.text}" }] } };

  it("APL and APLA RenderDocument", () => {
    expect(aplRenderDocument({ token: "main", document, datasources: { data: { text: "hi" } } })).toEqual({
      type: "Alexa.Presentation.APL.RenderDocument",
      token: "main",
      document,
      datasources: { data: { text: "hi" } },
    });
    expect(aplaRenderDocument({ document: { type: "APLA", version: "0.91" } })).toEqual({
      type: "Alexa.Presentation.APLA.RenderDocument",
      document: { type: "APLA", version: "0.91" },
    });
  });

  it("generic directives keep their fields and cannot lose their type", () => {
    expect(directive("Connections.StartConnection", { uri: "connection://AMAZON.BuyProduct/1", type: "ignored" })).toEqual({
      type: "Connections.StartConnection",
      uri: "connection://AMAZON.BuyProduct/1",
    });
  });

  it("the builder keeps directives in order", () => {
    const { response } = new ResponseBuilder().directive(audioStop()).directive(audioClearQueue("CLEAR_ALL")).build({ requestHasSession: false });
    expect(response.directives?.map((d) => d.type)).toEqual(["AudioPlayer.Stop", "AudioPlayer.ClearQueue"]);
  });
});

describe("cards", () => {
  it("Simple, Standard (with images), LinkAccount and AskForPermissionsConsent", () => {
    expect(simpleCard("Title", "Body & more")).toEqual({ type: "Simple", title: "Title", content: "Body & more" });
    expect(standardCard("T", "text", { small: "https://i/s.png", large: "https://i/l.png" })).toEqual({
      type: "Standard",
      title: "T",
      text: "text",
      image: { smallImageUrl: "https://i/s.png", largeImageUrl: "https://i/l.png" },
    });
    expect(standardCard("T", "text")).toEqual({ type: "Standard", title: "T", text: "text" });
    expect(linkAccountCard()).toEqual({ type: "LinkAccount" });
    expect(askForPermissionsConsentCard(["alexa::profile:email:read"])).toEqual({ type: "AskForPermissionsConsent", permissions: ["alexa::profile:email:read"] });
  });
});
