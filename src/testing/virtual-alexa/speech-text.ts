/**
 * SSML as a person reads it: tags dropped, `<audio>` shown as `[audio <url>]`, `<break>` and
 * paragraph tags as spaces, XML entities decoded; plus the `<audio src>` URLs of a speech.
 * Shared by the virtual Alexa's turns, `skillflare simulate` and `skillflare chat`. Pure.
 */
import type { ui } from "ask-sdk-model";

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return ENTITIES[lower] ?? whole;
  });
}

const AUDIO_TAG = /<audio\b[^>]*\bsrc\s*=\s*(["'])(.*?)\1[^>]*>/gi;

/**
 * SSML as readable text: tags dropped, `<audio>` and `<break>` made visible, entities decoded.
 * @example
 * ssmlToText('<speak>Hi &amp; <audio src="https://a/x.mp3"/> bye</speak>'); // "Hi & [audio https://a/x.mp3] bye"
 */
export function ssmlToText(ssml: string): string {
  return decodeEntities(
    ssml
      .replace(AUDIO_TAG, (_m, _q, src: string) => ` [audio ${src}] `)
      .replace(/<break\b[^>]*>/gi, " ")
      .replace(/<\/?(p|s)\b[^>]*>/gi, " ")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * An OutputSpeech as text, or undefined when there is none.
 * @example
 * outputSpeechText(envelope.response.outputSpeech); // "Here is The Sleepy Dragon."
 */
export function outputSpeechText(speech: ui.OutputSpeech | undefined): string | undefined {
  if (speech === undefined) return undefined;
  return speech.type === "SSML" ? ssmlToText(speech.ssml) : speech.text;
}

/**
 * The `<audio src>` URLs of an OutputSpeech, entities decoded.
 * @example
 * ssmlAudioSources({ type: "SSML", ssml: '<speak><audio src="https://a/x.mp3"/></speak>' }); // ["https://a/x.mp3"]
 */
export function ssmlAudioSources(speech: ui.OutputSpeech | undefined): string[] {
  if (speech?.type !== "SSML") return [];
  return [...speech.ssml.matchAll(AUDIO_TAG)].map((match) => decodeEntities(match[2] ?? ""));
}
