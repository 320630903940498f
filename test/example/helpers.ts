/**
 * Sends dev-signed Alexa requests to the Worker exactly as `npm run simulate` does against
 * `wrangler dev`: a realistic envelope from the dev kit, signed, posted to
 * http://localhost:8787/ through `exports.default.fetch`, so every request passes the full
 * verification path (local-only dev trust) before the example skill sees it. Each test gets
 * its own Alexa user, so its D1 resume point is its own.
 */
import { env, exports } from "cloudflare:workers";
import type { interfaces, ResponseEnvelope } from "ask-sdk-model";
import { inject } from "vitest";
import {
  createRequestEnvelope,
  createSignedRequest,
  importDevSigningKit,
  type RequestSpec,
  type SlotSpec,
} from "../../src/devkit/index.js";
import { outputSpeechText } from "../../cli/simulate-render.js";
import { PLAYBACK_ATTRIBUTE } from "../../src/example/index.js";

export const LOCAL = "http://localhost:8787/";
export const kitPromise = importDevSigningKit(inject("devKit"));

let users = 0;
export function newUserId(): string {
  users += 1;
  return `amzn1.ask.account.example-test-${Date.now()}-${users}-${crypto.randomUUID()}`;
}

export interface SendOptions {
  readonly userId: string;
  readonly audioPlayer?: interfaces.audioplayer.AudioPlayerState;
  readonly url?: string;
}

/** Signs and posts one request; returns the HTTP status and the parsed envelope (if JSON). */
export async function send(spec: RequestSpec, options: SendOptions): Promise<{ status: number; body: ResponseEnvelope }> {
  const kit = await kitPromise;
  const envelope = createRequestEnvelope({
    request: spec,
    userId: options.userId,
    ...(options.audioPlayer === undefined ? {} : { audioPlayer: options.audioPlayer }),
  });
  const request = await createSignedRequest(kit, envelope, { url: options.url ?? LOCAL });
  const response = await exports.default.fetch(request);
  const text = await response.text();
  const body = (response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : { text }) as ResponseEnvelope;
  return { status: response.status, body };
}

export const intent = (name: string, slots?: Readonly<Record<string, SlotSpec>>): RequestSpec =>
  slots === undefined ? { type: "IntentRequest", intent: name } : { type: "IntentRequest", intent: name, slots };

/** The resume point stored in real local D1 for `userId`, parsed. */
export async function storedPlayback(userId: string): Promise<unknown> {
  const row = await env.DB.prepare("SELECT value FROM skill_attributes WHERE partition_key = ?1 AND name = ?2")
    .bind(userId, PLAYBACK_ATTRIBUTE)
    .first<{ value: string }>();
  return row === null ? undefined : JSON.parse(row.value);
}

/** The Play directive's stream, when the response has exactly one. */
export function playOf(body: ResponseEnvelope): interfaces.audioplayer.PlayDirective | undefined {
  const plays = (body.response.directives ?? []).filter((d) => d.type === "AudioPlayer.Play");
  return plays.length === 1 ? (plays[0] as interfaces.audioplayer.PlayDirective) : undefined;
}

/** What Alexa would say, as readable text (the simulate CLI's SSML reading). */
export function speechOf(body: ResponseEnvelope): string | undefined {
  return outputSpeechText(body.response.outputSpeech);
}

export function playing(token: string, offsetInMilliseconds: number): interfaces.audioplayer.AudioPlayerState {
  return { token, offsetInMilliseconds, playerActivity: "PLAYING" };
}
