/**
 * AudioPlayer directives (Play, Stop, ClearQueue) as plain data in the shapes of
 * `ask-sdk-model`'s `interfaces.audioplayer.*Directive`. Token chaining is in the types: an
 * ENQUEUE must name the token it plays after (`expectedPreviousToken`, usually the `token` of
 * the PlaybackNearlyFinished request), and the other behaviours must not. Alexa's limits
 * (https URL <= 8000 chars, token <= 1024 chars, one Play per response) are enforced by the
 * response checks, so a directive built from bad data is reported, not silently sent.
 */
import type { interfaces } from "ask-sdk-model";

type AudioItemMetadata = interfaces.audioplayer.AudioItemMetadata;

interface StreamOptions {
  /** https URL of the stream (AAC/MP4, MP3, HLS, PLS, M3U; 16-384 kbps). */
  readonly url: string;
  /** Your id for this stream; Alexa sends it back in AudioPlayer requests. */
  readonly token: string;
  readonly offsetInMilliseconds?: number;
  readonly metadata?: AudioItemMetadata;
}

/** REPLACE_ALL (default) starts now; REPLACE_ENQUEUED replaces only the queue. */
export interface ReplacePlayOptions extends StreamOptions {
  readonly behavior?: "REPLACE_ALL" | "REPLACE_ENQUEUED";
}

/** ENQUEUE plays after the stream whose token is `expectedPreviousToken`. */
export interface EnqueuePlayOptions extends StreamOptions {
  readonly behavior: "ENQUEUE";
  readonly expectedPreviousToken: string;
}

/**
 * Options of `audioPlay`.
 */
export type PlayOptions = ReplacePlayOptions | EnqueuePlayOptions;

/**
 * An `AudioPlayer.Play` directive: `REPLACE_ALL` / `REPLACE_ENQUEUED` start a stream now,
 * `ENQUEUE` queues one after `expectedPreviousToken`.
 * @example
 * input.responseBuilder.directive(
 *   audioPlay({ url: "https://skill.example.com/audio/a.mp3", token: "a", behavior: "REPLACE_ALL", offsetInMilliseconds: 0 }));
 */
export function audioPlay(options: PlayOptions): interfaces.audioplayer.PlayDirective {
  const stream: interfaces.audioplayer.Stream = {
    token: options.token,
    url: options.url,
    offsetInMilliseconds: options.offsetInMilliseconds ?? 0,
  };
  if (options.behavior === "ENQUEUE") stream.expectedPreviousToken = options.expectedPreviousToken;
  const audioItem: interfaces.audioplayer.AudioItem = { stream };
  if (options.metadata !== undefined) audioItem.metadata = options.metadata;
  return { type: "AudioPlayer.Play", playBehavior: options.behavior ?? "REPLACE_ALL", audioItem };
}

/**
 * ENQUEUE `next` after the stream identified by `previousToken`.
 * @example
 * input.responseBuilder.directive(audioEnqueueAfter(input.request.token ?? "", { url: nextUrl, token: "episode-2" }));
 */
export function audioEnqueueAfter(previousToken: string, next: StreamOptions): interfaces.audioplayer.PlayDirective {
  return audioPlay({ ...next, behavior: "ENQUEUE", expectedPreviousToken: previousToken });
}

/**
 * An `AudioPlayer.Stop` directive (pause: Alexa reports the offset in the next request).
 * @example
 * const pause = onIntent("AMAZON.PauseIntent", (input) => input.responseBuilder.directive(audioStop()));
 */
export function audioStop(): interfaces.audioplayer.StopDirective {
  return { type: "AudioPlayer.Stop" };
}

/**
 * CLEAR_ENQUEUED (default) keeps the current stream playing; CLEAR_ALL also stops it.
 * @example
 * input.responseBuilder.directive(audioClearQueue("CLEAR_ALL"));
 */
export function audioClearQueue(
  clearBehavior: interfaces.audioplayer.ClearBehavior = "CLEAR_ENQUEUED",
): interfaces.audioplayer.ClearQueueDirective {
  return { type: "AudioPlayer.ClearQueue", clearBehavior };
}
