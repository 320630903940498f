/**
 * The device's AudioPlayer as plain state and pure transitions: AudioPlayer.Play (REPLACE_ALL,
 * ENQUEUE, REPLACE_ENQUEUED), Stop and ClearQueue change it and say which events the device
 * owes the skill (PlaybackStarted, PlaybackStopped); `nextPlaybackEvent` tells which event
 * falls next as device time passes (PlaybackNearlyFinished some seconds before the end,
 * PlaybackFinished at the end, then PlaybackStarted for the queued stream). The conversation
 * (virtual-alexa.ts) sends each event and applies the skill's answer before looking further.
 */
import type { Directive, interfaces } from "ask-sdk-model";
import type { AudioDeviceState, AudioStreamState, PlaybackEventType } from "./types.js";

export interface PlaybackEvent {
  readonly type: PlaybackEventType;
  readonly token: string;
  readonly offsetMs: number;
}

export type DurationOf = (stream: { readonly url: string; readonly token: string }) => number;

/** How long before the end of a stream PlaybackNearlyFinished is sent (at most half the stream). */
export const NEARLY_FINISHED_LEAD_MS = 10_000;

export const IDLE_DEVICE: AudioDeviceState = { activity: "IDLE", offsetMs: 0, queue: [], nearlyFinishedSent: false };

/** context.AudioPlayer as Alexa sends it with every request. */
export function audioPlayerContext(device: AudioDeviceState): interfaces.audioplayer.AudioPlayerState {
  return {
    ...(device.current === undefined ? {} : { token: device.current.token }),
    offsetInMilliseconds: Math.round(device.offsetMs),
    playerActivity: device.activity,
  };
}

function streamOf(directive: interfaces.audioplayer.PlayDirective, durationOf: DurationOf): AudioStreamState | undefined {
  const stream = directive.audioItem?.stream;
  if (stream?.url === undefined || stream.token === undefined) return undefined;
  return {
    url: stream.url,
    token: stream.token,
    startOffsetMs: stream.offsetInMilliseconds ?? 0,
    durationMs: durationOf({ url: stream.url, token: stream.token }),
    ...(stream.expectedPreviousToken === undefined ? {} : { expectedPreviousToken: stream.expectedPreviousToken }),
  };
}

function stopped(device: AudioDeviceState, events: PlaybackEvent[]): AudioDeviceState {
  if (device.activity !== "PLAYING" || device.current === undefined) return device;
  events.push({ type: "PlaybackStopped", token: device.current.token, offsetMs: Math.round(device.offsetMs) });
  return { ...device, activity: "STOPPED" };
}

function started(device: AudioDeviceState, stream: AudioStreamState, events: PlaybackEvent[]): AudioDeviceState {
  events.push({ type: "PlaybackStarted", token: stream.token, offsetMs: stream.startOffsetMs });
  return { ...device, activity: "PLAYING", current: stream, offsetMs: stream.startOffsetMs, nearlyFinishedSent: false };
}

/** The device after the AudioPlayer directives of a response, and the events it owes. */
export function applyAudioDirectives(
  start: AudioDeviceState,
  directives: readonly Directive[],
  durationOf: DurationOf,
): { device: AudioDeviceState; events: PlaybackEvent[] } {
  const events: PlaybackEvent[] = [];
  let device = start;
  for (const directive of directives) {
    if (directive.type === "AudioPlayer.Stop") device = stopped(device, events);
    if (directive.type === "AudioPlayer.ClearQueue") {
      device = { ...device, queue: [] };
      if (directive.clearBehavior === "CLEAR_ALL") device = stopped(device, events);
    }
    if (directive.type !== "AudioPlayer.Play") continue;
    const stream = streamOf(directive, durationOf);
    if (stream === undefined) continue;
    if (directive.playBehavior === "REPLACE_ALL") {
      device = started({ ...stopped(device, events), queue: [] }, stream, events);
    } else if (device.activity !== "PLAYING" && device.queue.length === 0 && directive.playBehavior !== "REPLACE_ENQUEUED") {
      device = started(device, stream, events);
    } else {
      const last = device.queue[device.queue.length - 1] ?? device.current;
      const fits = stream.expectedPreviousToken === undefined || stream.expectedPreviousToken === last?.token;
      if (directive.playBehavior === "REPLACE_ENQUEUED") device = { ...device, queue: [stream] };
      else if (fits) device = { ...device, queue: [...device.queue, stream] };
    }
  }
  return { device, events };
}

/** The next event within `withinMs` of playing, the device at that moment, and the time it took. */
export function nextPlaybackEvent(
  device: AudioDeviceState,
  withinMs: number,
): { event: PlaybackEvent; device: AudioDeviceState; elapsedMs: number } | undefined {
  const current = device.current;
  if (device.activity !== "PLAYING" || current === undefined) return undefined;
  const remaining = Math.max(0, current.durationMs - device.offsetMs);
  const lead = Math.min(NEARLY_FINISHED_LEAD_MS, current.durationMs / 2);
  const nearlyAt = Math.max(0, current.durationMs - lead - device.offsetMs);
  if (!device.nearlyFinishedSent && nearlyAt <= withinMs) {
    const offsetMs = device.offsetMs + nearlyAt;
    return {
      event: { type: "PlaybackNearlyFinished", token: current.token, offsetMs: Math.round(offsetMs) },
      device: { ...device, offsetMs, nearlyFinishedSent: true },
      elapsedMs: nearlyAt,
    };
  }
  if (remaining > withinMs) return undefined;
  return {
    event: { type: "PlaybackFinished", token: current.token, offsetMs: Math.round(current.durationMs) },
    device: { ...device, offsetMs: current.durationMs, activity: "FINISHED" },
    elapsedMs: remaining,
  };
}

/** After PlaybackFinished: the queued stream starts (and PlaybackStarted is owed), if any. */
export function startQueued(device: AudioDeviceState): { device: AudioDeviceState; events: PlaybackEvent[] } {
  const [next, ...rest] = device.queue;
  const events: PlaybackEvent[] = [];
  if (next === undefined) return { device, events };
  return { device: started({ ...device, queue: rest }, next, events), events };
}

/** The device after `ms` of playing with no event in between. */
export function played(device: AudioDeviceState, ms: number): AudioDeviceState {
  if (device.activity !== "PLAYING" || device.current === undefined) return device;
  return { ...device, offsetMs: Math.min(device.current.durationMs, device.offsetMs + ms) };
}
