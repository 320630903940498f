/**
 * The one signed request every contender verifies. A dev signing kit (an
 * Amazon-shaped chain with SAN echo-api.amazon.com, valid now) signs a
 * realistic IntentRequest body (a resolved slot, a session with attributes,
 * AudioPlayer and Viewport context: about 2 KB, like a real one) with
 * timestamp = now, because both peers check the real clock. The fixture hands
 * out the body in every shape the contenders take (string, bytes, Headers,
 * Node-style lower-case header record), a tampered body, and the chain PEM
 * that the stubbed network serves.
 */
import type { RequestEnvelope } from "ask-sdk-model";
import {
  createDevSigningKit,
  createRequestEnvelope,
  DEV_SKILL_ID,
  envelopeBody,
  signBody,
  tamperBody,
  utf8Bytes,
  type DevSigningKit,
} from "../src/devkit/index.js";

export interface BenchFixture {
  readonly kit: DevSigningKit;
  readonly skillId: string;
  readonly chainUrl: string;
  readonly chainPem: string;
  readonly body: string;
  readonly bodyBytes: Uint8Array<ArrayBuffer>;
  readonly tamperedBody: string;
  readonly tamperedBytes: Uint8Array<ArrayBuffer>;
  /** Base64 `Signature-256` (RSASSA-PKCS1-v1_5, SHA-256) over `bodyBytes`. */
  readonly signature256: string;
  readonly headers: Headers;
  /** As Node's IncomingMessage presents them (lower-case names). */
  readonly nodeHeaders: Readonly<Record<string, string>>;
}

export async function createBenchFixture(now: number = Date.now()): Promise<BenchFixture> {
  const kit = await createDevSigningKit({ now });
  const body = envelopeBody(realisticIntentRequest(now));
  const signed = await signBody(kit, body);
  const signature256 = signed["Signature-256"];
  if (signature256 === undefined || signed.SignatureCertChainUrl === undefined) {
    throw new Error("dev kit did not produce Signature-256 and SignatureCertChainUrl");
  }
  const nodeHeaders: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  for (const [name, value] of Object.entries(signed)) {
    if (typeof value === "string") nodeHeaders[name.toLowerCase()] = value;
  }
  const tamperedBody = tamperBody(body, "value");
  return {
    kit,
    skillId: DEV_SKILL_ID,
    chainUrl: kit.chainUrl,
    chainPem: kit.chainPem,
    body,
    bodyBytes: utf8Bytes(body),
    tamperedBody,
    tamperedBytes: utf8Bytes(tamperedBody),
    signature256,
    headers: new Headers(nodeHeaders),
    nodeHeaders,
  };
}

/** An IntentRequest mid-session, shaped like what an Echo Show sends. */
function realisticIntentRequest(now: number): RequestEnvelope {
  const envelope = createRequestEnvelope({
    timestamp: now,
    request: {
      type: "IntentRequest",
      intent: "PlayEpisodeIntent",
      dialogState: "COMPLETED",
      slots: {
        podcast: { value: "the daily", resolved: { id: "THE_DAILY", name: "The Daily" }, slotType: "PODCAST_NAME" },
        episode: { value: "yesterday's" },
      },
    },
    session: {
      new: false,
      attributes: {
        lastPodcast: "THE_DAILY",
        resumeOffsetMs: 734_000,
        history: ["THE_DAILY", "RADIOLAB", "PLANET_MONEY"],
        visits: 12,
      },
    },
    audioPlayer: { token: "episode:the-daily:2024-05-13", offsetInMilliseconds: 734_000, playerActivity: "PAUSED" },
  });
  return {
    ...envelope,
    context: {
      ...envelope.context,
      Viewport: {
        experiences: [{ arcMinuteWidth: 246, arcMinuteHeight: 144, canRotate: false, canResize: false }],
        mode: "HUB",
        shape: "RECTANGLE",
        pixelWidth: 1024,
        pixelHeight: 600,
        dpi: 160,
        currentPixelWidth: 1024,
        currentPixelHeight: 600,
        touch: ["SINGLE"],
        video: { codecs: ["H_264_42", "H_264_41"] },
      },
    },
  };
}
