/**
 * Size limits: the whole response envelope at most 120 KB (counted as 120,000 bytes of UTF-8
 * JSON, the stricter reading of "KB"), outputSpeech and reprompt at most 8,000 characters each,
 * and a card's title plus body at most 8,000 characters.
 */
import type { ui } from "ask-sdk-model";
import { fail, type CheckedResponse, type ResponseCheckFailure } from "./types.js";

export const MAX_RESPONSE_BYTES = 120_000;
export const MAX_SPEECH_CHARS = 8_000;
export const MAX_CARD_CHARS = 8_000;

const utf8 = new TextEncoder();

/**
 * The UTF-8 length of `text` when it is over `limit` bytes, else undefined. A UTF-16 code unit
 * is at most three UTF-8 bytes, so a text of at most a third of the limit is not encoded at all.
 */
function utf8BytesOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8.encode(text).byteLength;
  return bytes > limit ? bytes : undefined;
}

function speechText(speech: ui.OutputSpeech | undefined): string {
  if (speech === undefined) return "";
  return speech.type === "SSML" ? speech.ssml : speech.text;
}

function cardText(card: ui.Card | undefined): string {
  if (card === undefined) return "";
  if (card.type === "Simple") return (card.title ?? "") + (card.content ?? "");
  if (card.type === "Standard") return (card.title ?? "") + (card.text ?? "");
  return "";
}

export function sizeRules({ envelope, response }: CheckedResponse): ResponseCheckFailure[] {
  const failures: ResponseCheckFailure[] = [];
  const bytes = utf8BytesOver(JSON.stringify(envelope), MAX_RESPONSE_BYTES);
  if (bytes !== undefined) {
    failures.push(fail("response-too-large", `response is ${bytes} bytes; Alexa accepts at most ${MAX_RESPONSE_BYTES}`));
  }
  const slots: [string, ui.OutputSpeech | undefined][] = [
    ["outputSpeech", response.outputSpeech],
    ["reprompt", response.reprompt?.outputSpeech],
  ];
  for (const [where, speech] of slots) {
    const length = speechText(speech).length;
    if (length > MAX_SPEECH_CHARS) {
      failures.push(fail("speech-too-long", `${where} is ${length} characters; at most ${MAX_SPEECH_CHARS}`));
    }
  }
  const cardLength = cardText(response.card).length;
  if (cardLength > MAX_CARD_CHARS) {
    failures.push(fail("card-too-long", `card title and text are ${cardLength} characters; at most ${MAX_CARD_CHARS}`));
  }
  return failures;
}
