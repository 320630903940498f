/**
 * The parts of a skill's answer a conversation reads: speech and reprompt as text, the card
 * (Simple or Standard, with its image), the directives, the stream an AudioPlayer.Play starts
 * and the `<audio>` sources in the speech.
 */
import type { Directive, ResponseEnvelope, interfaces } from "ask-sdk-model";
import { outputSpeechText, ssmlAudioSources } from "./speech-text.js";
import type { Turn } from "./types.js";

type Fields = Pick<Turn, "speech" | "reprompt" | "card" | "audio" | "ssmlAudio" | "directives">;

export function turnFields(envelope: ResponseEnvelope | undefined): Fields {
  const response = envelope?.response;
  const directives: readonly Directive[] = response?.directives ?? [];
  const speech = outputSpeechText(response?.outputSpeech);
  const reprompt = outputSpeechText(response?.reprompt?.outputSpeech);
  const card = response?.card;
  const play = directives.find((d): d is interfaces.audioplayer.PlayDirective => d.type === "AudioPlayer.Play");
  const stream = play?.audioItem?.stream;
  const cardFields =
    card?.type === "Simple"
      ? { ...(card.title ? { title: card.title } : {}), ...(card.content ? { text: card.content } : {}) }
      : card?.type === "Standard"
        ? {
            ...(card.title ? { title: card.title } : {}),
            ...(card.text ? { text: card.text } : {}),
            ...((card.image?.largeImageUrl ?? card.image?.smallImageUrl) ? { imageUrl: card.image?.largeImageUrl ?? card.image?.smallImageUrl ?? "" } : {}),
          }
        : card === undefined
          ? undefined
          : { title: card.type };
  return {
    ...(speech === undefined ? {} : { speech }),
    ...(reprompt === undefined ? {} : { reprompt }),
    ...(cardFields === undefined ? {} : { card: cardFields }),
    directives,
    ...(stream?.url && stream.token ? { audio: { url: stream.url, token: stream.token, offsetMs: stream.offsetInMilliseconds ?? 0 } } : {}),
    ssmlAudio: [...ssmlAudioSources(response?.outputSpeech), ...ssmlAudioSources(response?.reprompt?.outputSpeech)],
  };
}
