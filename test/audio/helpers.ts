/**
 * Shared fixtures for the audio tests: unique R2 keys (so tests never see each other's
 * objects), byte bodies with a recognisable pattern, a log sink that records events, and
 * a recording wrapper around a real Miniflare cache so tests can see what was stored.
 */

import { env } from "cloudflare:workers";
import type { AudioCache, AudioLogEvent } from "../../src/audio/options.js";

let counter = 0;

/** A key under a per-test folder, e.g. `t/3-1700000000000/<name>`. */
export function uniqueKey(name: string): string {
  counter += 1;
  return `t/${counter}-${Date.now()}/${name}`;
}

/** `size` bytes where byte i is i mod 251 (a prime, so ranges are easy to recognise). */
export function patternBytes(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => i % 251);
}

/** Puts a patterned object and returns its key and stored metadata. */
export async function putAudio(
  name: string,
  size = 1000,
  httpMetadata?: R2HTTPMetadata,
): Promise<{ key: string; bytes: Uint8Array; object: R2Object }> {
  const key = uniqueKey(name);
  const bytes = patternBytes(size);
  const object = await env.AUDIO.put(key, bytes, httpMetadata ? { httpMetadata } : {});
  return { key, bytes, object };
}

export async function bodyBytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

export function recordingLog(): { events: AudioLogEvent[]; log: (e: AudioLogEvent) => void } {
  const events: AudioLogEvent[] = [];
  return { events, log: (event) => events.push(event) };
}

export interface RecordingCache extends AudioCache {
  matches: number;
  hits: number;
  storedStatuses: number[];
}

/** A real (isolated, named) Miniflare cache that counts lookups, hits and stores. */
export async function recordingCache(): Promise<RecordingCache> {
  const real = await caches.open(`audio-test-${Date.now()}-${Math.random()}`);
  const recorder: RecordingCache = {
    matches: 0,
    hits: 0,
    storedStatuses: [],
    async match(request) {
      recorder.matches += 1;
      const hit = await real.match(request);
      if (hit) recorder.hits += 1;
      return hit;
    },
    async put(request, response) {
      recorder.storedStatuses.push(response.status);
      await real.put(request, response);
    },
  };
  return recorder;
}

export function audioRequest(key: string, init: RequestInit = {}, query = ""): Request {
  return new Request(`https://audio.example.com/audio/${key}${query}`, init);
}
