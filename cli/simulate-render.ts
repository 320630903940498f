/**
 * Turns a skill's response envelope into the few lines a person wants to read after
 * `npm run simulate`: what Alexa would say (SSML reduced to text, `<audio>` shown as
 * `[audio <url>]`, shared with the virtual Alexa in src/testing/), the reprompt, the card, each directive on one line (for example
 * `AudioPlayer.Play REPLACE_ALL https://localhost:8787/audio/stories/dragons.mp3
 * token=story:dragons offset=0`), and what happens to the session. Pure; no Node imports.
 */
import type { Directive, ResponseEnvelope, ui } from "ask-sdk-model";
import { outputSpeechText, ssmlToText } from "skillflare/testing";

export { outputSpeechText, ssmlToText };

function cardText(card: ui.Card): string {
  switch (card.type) {
    case "Simple":
      return `${card.title ?? ""}: ${card.content ?? ""}`;
    case "Standard":
      return `${card.title ?? ""}: ${card.text ?? ""}`;
    case "AskForPermissionsConsent":
      return `AskForPermissionsConsent ${card.permissions.join(", ")}`;
    default:
      return card.type;
  }
}

/** One readable line per directive; unknown directives show their type and JSON. */
export function directiveLine(directive: Directive): string {
  switch (directive.type) {
    case "AudioPlayer.Play": {
      const stream = directive.audioItem?.stream;
      const previous = stream?.expectedPreviousToken === undefined ? "" : ` expectedPreviousToken=${stream.expectedPreviousToken}`;
      return `AudioPlayer.Play ${directive.playBehavior ?? "?"} ${stream?.url ?? "?"} token=${stream?.token ?? "?"} offset=${stream?.offsetInMilliseconds ?? 0}${previous}`;
    }
    case "AudioPlayer.ClearQueue":
      return `AudioPlayer.ClearQueue ${directive.clearBehavior ?? ""}`.trim();
    case "AudioPlayer.Stop":
      return "AudioPlayer.Stop";
    default: {
      const { type, ...rest } = directive as { type: string } & Record<string, unknown>;
      return Object.keys(rest).length === 0 ? type : `${type} ${JSON.stringify(rest)}`;
    }
  }
}

function sessionLine(shouldEndSession: boolean | null | undefined): string {
  if (shouldEndSession === true) return "session:   ends";
  if (shouldEndSession === false) return "session:   stays open (Alexa listens)";
  return "session:   not set";
}

/** The readable summary of a response envelope, one string per line. */
export function renderResponse(envelope: ResponseEnvelope): string[] {
  const response = envelope.response ?? {};
  const lines: string[] = [];
  const speech = outputSpeechText(response.outputSpeech);
  if (speech !== undefined) lines.push(`speech:    ${speech}`);
  const reprompt = outputSpeechText(response.reprompt?.outputSpeech);
  if (reprompt !== undefined) lines.push(`reprompt:  ${reprompt}`);
  if (response.card !== undefined) lines.push(`card:      ${cardText(response.card)}`);
  for (const directive of response.directives ?? []) lines.push(`directive: ${directiveLine(directive)}`);
  if (lines.length === 0) lines.push("(empty response: nothing said, nothing played)");
  lines.push(sessionLine(response.shouldEndSession));
  const attributes = envelope.sessionAttributes;
  if (attributes !== undefined && Object.keys(attributes).length > 0) lines.push(`attributes: ${JSON.stringify(attributes)}`);
  return lines;
}
