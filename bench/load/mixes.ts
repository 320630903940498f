/**
 * The signed request mixes of the load bench, the same bytes for every side. `persistence`:
 * per user, launch (reads the resume point), play with a story slot (writes it), resume
 * (the device reports the story it stopped in context.AudioPlayer, as a device that played it
 * does, so the skill plays from there without storage); `stateless`: help, which touches no
 * storage. Each request is signed by the dev kit over its exact body with `timestamp` = now,
 * so a mix is signed right before it runs (Amazon's 150 s window applies on both sides).
 */
import type { interfaces } from "ask-sdk-model";
import {
  createRequestEnvelope,
  envelopeBody,
  signBody,
  type DevSigningKit,
  type RequestSpec,
} from "../../src/devkit/index.js";

export type MixName = "persistence" | "stateless";

export interface SignedRequest {
  readonly label: string;
  readonly body: string;
  /** Lower-case header names, as they go on the wire. */
  readonly headers: Readonly<Record<string, string>>;
}

export const MIX_DESCRIPTIONS: Readonly<Record<MixName, string>> = {
  persistence: "launch, play with a story slot, resume of the stream the device reports (per user: 1 read, 1 write, no storage)",
  stateless: "AMAZON.HelpIntent (no storage)",
};

const PLAY_DRAGONS: RequestSpec = {
  type: "IntentRequest",
  intent: "PlayStoryIntent",
  slots: { story: { value: "dragon", resolved: { id: "dragons", name: "The Sleepy Dragon" }, slotType: "STORY" } },
};

/** context.AudioPlayer of a device that stopped the dragon story 42 s in. */
const DRAGONS_STOPPED: interfaces.audioplayer.AudioPlayerState = { token: "story:dragons", offsetInMilliseconds: 42_000, playerActivity: "STOPPED" };

interface MixStep {
  readonly label: string;
  readonly spec: RequestSpec;
  readonly audioPlayer?: interfaces.audioplayer.AudioPlayerState;
}

function specsFor(mix: MixName): readonly MixStep[] {
  if (mix === "stateless") return [{ label: "help", spec: { type: "IntentRequest", intent: "AMAZON.HelpIntent" } }];
  return [
    { label: "launch", spec: { type: "LaunchRequest" } },
    { label: "play", spec: PLAY_DRAGONS },
    { label: "resume", spec: { type: "IntentRequest", intent: "AMAZON.ResumeIntent" }, audioPlayer: DRAGONS_STOPPED },
  ];
}

/** One signed request. */
export async function signRequest(
  kit: DevSigningKit,
  label: string,
  spec: RequestSpec,
  userId: string,
  now = Date.now(),
  audioPlayer?: interfaces.audioplayer.AudioPlayerState,
): Promise<SignedRequest> {
  const body = envelopeBody(createRequestEnvelope({ request: spec, userId, timestamp: now, ...(audioPlayer === undefined ? {} : { audioPlayer }) }));
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  for (const [name, value] of Object.entries(await signBody(kit, body))) {
    if (typeof value === "string") headers[name.toLowerCase()] = value;
  }
  return { label, body, headers };
}

/** The mix for `users` distinct Alexa users, in order (user 1's sequence, then user 2's, ...). */
export async function signMix(kit: DevSigningKit, mix: MixName, users: number, runId: string): Promise<SignedRequest[]> {
  const requests: SignedRequest[] = [];
  const now = Date.now();
  for (let user = 0; user < users; user++) {
    const userId = `amzn1.ask.account.bench-${runId}-${mix}-${user}`;
    for (const { label, spec, audioPlayer } of specsFor(mix)) requests.push(await signRequest(kit, label, spec, userId, now, audioPlayer));
  }
  return requests;
}
