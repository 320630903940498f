/**
 * AudioPlayer rules. Answers to AudioPlayer.* and PlaybackController.* requests may carry only
 * AudioPlayer directives (no speech, card or reprompt); PlaybackStopped gets an empty response.
 * Every Play: one per response, https `url` <= 8000 characters, `token` <= 1024 characters,
 * and `expectedPreviousToken` exactly when the behaviour is ENQUEUE.
 */
import { directivesOf, fail, type CheckedResponse, type ResponseCheckFailure } from "./types.js";

export const MAX_PLAY_URL_CHARS = 8_000;
export const MAX_PLAY_TOKEN_CHARS = 1_024;

function isPlaybackRequest(type: string): boolean {
  return type.startsWith("AudioPlayer.") || type.startsWith("PlaybackController.");
}

function answerRules({ request, response }: CheckedResponse): ResponseCheckFailure[] {
  if (!isPlaybackRequest(request.type)) return [];
  const failures: ResponseCheckFailure[] = [];
  const content = (["outputSpeech", "card", "reprompt"] as const).filter((field) => response[field] !== undefined);
  const directives = directivesOf(response);
  if (request.type === "AudioPlayer.PlaybackStopped") {
    if (content.length > 0 || directives.length > 0) {
      failures.push(fail("playback-stopped-not-empty", "the answer to AudioPlayer.PlaybackStopped must be empty"));
    }
    return failures;
  }
  if (content.length > 0) {
    failures.push(fail("content-in-playback-response", `answers to ${request.type} cannot carry ${content.join(", ")}`));
  }
  for (const directive of directives.filter((d) => !d.type.startsWith("AudioPlayer."))) {
    failures.push(fail("directive-in-playback-response", `answers to ${request.type} may carry only AudioPlayer directives, not ${directive.type}`));
  }
  return failures;
}

interface PlayStream {
  url?: unknown;
  token?: unknown;
  expectedPreviousToken?: unknown;
}

function playRules({ response }: CheckedResponse): ResponseCheckFailure[] {
  const plays = directivesOf(response).filter((d) => d.type === "AudioPlayer.Play");
  const failures: ResponseCheckFailure[] = [];
  if (plays.length > 1) failures.push(fail("multiple-play-directives", `${plays.length} AudioPlayer.Play directives; Alexa takes one per response`));
  for (const play of plays) {
    const stream = ((play.audioItem as { stream?: PlayStream } | undefined)?.stream ?? {}) as PlayStream;
    const url = typeof stream.url === "string" ? stream.url : "";
    const token = typeof stream.token === "string" ? stream.token : "";
    if (!url.toLowerCase().startsWith("https://")) failures.push(fail("play-url-not-https", `Play url "${url.slice(0, 80)}" must be https`));
    if (url.length > MAX_PLAY_URL_CHARS) failures.push(fail("play-url-too-long", `Play url is ${url.length} characters; at most ${MAX_PLAY_URL_CHARS}`));
    if (token.length > MAX_PLAY_TOKEN_CHARS) failures.push(fail("play-token-too-long", `Play token is ${token.length} characters; at most ${MAX_PLAY_TOKEN_CHARS}`));
    const enqueue = play.playBehavior === "ENQUEUE";
    const hasPrevious = typeof stream.expectedPreviousToken === "string" && stream.expectedPreviousToken !== "";
    if (enqueue && !hasPrevious) failures.push(fail("enqueue-without-previous-token", "an ENQUEUE Play needs expectedPreviousToken (the token it follows)"));
    if (!enqueue && stream.expectedPreviousToken !== undefined) {
      failures.push(fail("previous-token-without-enqueue", `expectedPreviousToken is allowed only with ENQUEUE, not ${String(play.playBehavior)}`));
    }
  }
  return failures;
}

export function playbackRules(subject: CheckedResponse): ResponseCheckFailure[] {
  return [...answerRules(subject), ...playRules(subject)];
}
