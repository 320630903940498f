// SSML escaping and composition, including the `&apos;` case the official SDK double-escapes.
import { escapeXmlCharacters } from "ask-sdk-core";
import { describe, expect, it } from "vitest";
import { escapeSsmlText, ResponseBuilder, ssml } from "../../src/skill/index.js";

const built = (builder: ResponseBuilder) => builder.build({ requestHasSession: true });

describe("escaping", () => {
  it("escapes the five XML specials exactly once", () => {
    expect(escapeSsmlText(`Tom & Jerry's <show> "live"`)).toBe("Tom &amp; Jerry&apos;s &lt;show&gt; &quot;live&quot;");
  });

  it("treats text that looks escaped as text (no un-escaping, no special cases)", () => {
    expect(escapeSsmlText("AT&amp;T")).toBe("AT&amp;amp;T");
    expect(escapeSsmlText("it&apos;s")).toBe("it&amp;apos;s");
  });

  it("never escapes interpolated text twice, however deeply SSML is nested", () => {
    const name = "Jerry's";
    const inner = ssml`Hi ${name}`;
    expect(ssml`<p>${inner}</p>`.markup).toBe("<p>Hi Jerry&apos;s</p>");
    expect(ssml`${ssml`${ssml`${"it's"}`}`}`.markup).toBe("it&apos;s");
  });

  it("differs from ask-sdk-core's escaper, which double-escapes &apos; but not &amp;", () => {
    // The SDK first "un-escapes" known entities, but its pattern ends in `&apos;]`, so a lone
    // `&apos;` is not recognised and is escaped again, while `&amp;` is collapsed to `&` and escaped back to itself.
    expect(escapeXmlCharacters("it&apos;s")).toBe("it&amp;apos;s");
    expect(escapeXmlCharacters("AT&amp;T")).toBe("AT&amp;T");
    // Here the same inputs are text, escaped once and consistently.
    expect(ssml`${"it's"}`.markup).toBe(escapeSsmlText("it's"));
    expect(escapeSsmlText("it's")).toBe("it&apos;s");
  });

  it("escapes markup injected through interpolation", () => {
    const userSaid = `</speak><audio src="http://evil"/>`;
    expect(ssml`You said ${userSaid}`.markup).toBe("You said &lt;/speak&gt;&lt;audio src=&quot;http://evil&quot;/&gt;");
  });
});

describe("helpers", () => {
  it("builds elements with escaped attribute values and content", () => {
    expect(ssml.audio("https://a.example/x.mp3?a=1&b=2").markup).toBe(`<audio src="https://a.example/x.mp3?a=1&amp;b=2"/>`);
    expect(ssml.break({ time: "500ms" }).markup).toBe(`<break time="500ms"/>`);
    expect(ssml.sayAs("digits", 1234).markup).toBe(`<say-as interpret-as="digits">1234</say-as>`);
    expect(ssml.emphasis("strong", "R&D").markup).toBe(`<emphasis level="strong">R&amp;D</emphasis>`);
    expect(ssml.sub("World Wide Web", "WWW").markup).toBe(`<sub alias="World Wide Web">WWW</sub>`);
    expect(ssml.lang("fr-FR", "bonjour").markup).toBe(`<lang xml:lang="fr-FR">bonjour</lang>`);
    expect(ssml.join(["a<b", ssml.break(), "c"], " & ").markup).toBe("a&lt;b &amp; <break/> &amp; c");
  });

  it("carries audio clips and their stated durations through composition", () => {
    const speech = ssml`${ssml.audio("https://a/1.mp3", { seconds: 10 })} and ${[ssml.audio("https://a/2.mp3"), ssml.paragraph(ssml.audio("https://a/3.mp3", { seconds: 5 }))]}`;
    expect(speech.audio).toEqual([{ url: "https://a/1.mp3", seconds: 10 }, { url: "https://a/2.mp3" }, { url: "https://a/3.mp3", seconds: 5 }]);
  });
});

describe("speech in responses", () => {
  it("escapes plain strings and wraps them in <speak> once", () => {
    const { response } = built(new ResponseBuilder().speak("Salt & pepper's <fine>").reprompt(ssml`Say ${"yes"} ${ssml.break()}`));
    expect(response.outputSpeech).toEqual({ type: "SSML", ssml: "<speak>Salt &amp; pepper&apos;s &lt;fine&gt;</speak>" });
    expect(response.reprompt).toEqual({ outputSpeech: { type: "SSML", ssml: "<speak>Say yes <break/></speak>" } });
  });

  it("does not wrap markup that is already a <speak> document", () => {
    const { response } = built(new ResponseBuilder().speak(ssml.raw("<speak>hi</speak>"), "REPLACE_ALL"));
    expect(response.outputSpeech).toEqual({ type: "SSML", ssml: "<speak>hi</speak>", playBehavior: "REPLACE_ALL" });
  });

  it("reports the known audio of speech and reprompt separately", () => {
    const { knownAudio } = built(new ResponseBuilder().speak(ssml.audio("https://a/1.mp3", { seconds: 3 })).reprompt(ssml.audio("https://a/2.mp3", { seconds: 4 })));
    expect(knownAudio).toEqual({ speech: [{ url: "https://a/1.mp3", seconds: 3 }], reprompt: [{ url: "https://a/2.mp3", seconds: 4 }] });
  });
});
