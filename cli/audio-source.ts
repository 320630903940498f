// Reads the audio a command was pointed at: a local file, or an https URL fetched the way
// Alexa would (redirects followed, certificate verified against the default roots plus any
// --ca). Returns the bytes or a typed reason the input could not be read.

import { readFile } from "node:fs/promises";
import { followRedirects, type HttpsGetOptions } from "./https-fetch.js";

export type AudioSourceFailure = "unreadable-file" | "fetch-failed" | "http-status";

export type AudioSourceResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly truncated: boolean }
  | { readonly ok: false; readonly reason: AudioSourceFailure; readonly message: string };

export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

export async function loadAudioSource(source: string, options: HttpsGetOptions = {}): Promise<AudioSourceResult> {
  if (!isUrl(source)) {
    try {
      return { ok: true, bytes: new Uint8Array(await readFile(source)), truncated: false };
    } catch (error) {
      return { ok: false, reason: "unreadable-file", message: `cannot read ${source}: ${(error as Error).message}` };
    }
  }
  if (!URL.canParse(source)) return { ok: false, reason: "fetch-failed", message: `invalid URL ${source}` };
  const { result } = await followRedirects(new URL(source), options);
  if (!result.ok) return { ok: false, reason: "fetch-failed", message: `cannot fetch ${source}: ${result.message}` };
  const { status, body, truncated } = result.response;
  if (status !== 200) return { ok: false, reason: "http-status", message: `fetching ${source} returned HTTP ${status}` };
  return { ok: true, bytes: body, truncated };
}
