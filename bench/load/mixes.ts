/**
 * The signed request mixes of the load bench, the same bytes for every side. `persistence`:
 * per user, launch (reads the resume point), play with a story slot (writes it), resume
 * (reads it, plays from it); `stateless`: help, which touches no storage. Each request is
 * signed by the dev kit over its exact body with `timestamp` = now, so a mix is signed right
 * before it runs (Amazon's 150 s window applies on both sides).
 */
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
  persistence: "launch, play with a story slot, resume (per user: 1 read, 1 write, 1 read + unchanged write)",
  stateless: "AMAZON.HelpIntent (no storage)",
};

const PLAY_DRAGONS: RequestSpec = {
  type: "IntentRequest",
  intent: "PlayStoryIntent",
  slots: { story: { value: "dragon", resolved: { id: "dragons", name: "The Sleepy Dragon" }, slotType: "STORY" } },
};

function specsFor(mix: MixName): readonly { label: string; spec: RequestSpec }[] {
  if (mix === "stateless") return [{ label: "help", spec: { type: "IntentRequest", intent: "AMAZON.HelpIntent" } }];
  return [
    { label: "launch", spec: { type: "LaunchRequest" } },
    { label: "play", spec: PLAY_DRAGONS },
    { label: "resume", spec: { type: "IntentRequest", intent: "AMAZON.ResumeIntent" } },
  ];
}

/** One signed request. */
export async function signRequest(kit: DevSigningKit, label: string, spec: RequestSpec, userId: string, now = Date.now()): Promise<SignedRequest> {
  const body = envelopeBody(createRequestEnvelope({ request: spec, userId, timestamp: now }));
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
    for (const { label, spec } of specsFor(mix)) requests.push(await signRequest(kit, label, spec, userId, now));
  }
  return requests;
}
