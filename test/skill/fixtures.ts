/**
 * Request envelopes and runtime contexts for the skill tests, shaped like what Alexa sends
 * (ask-sdk-model types, no casts to any). Every builder takes overrides for the parts a test
 * cares about; `collectingContext` records waitUntil promises so tests can await them.
 */
import type { Intent, RequestEnvelope, Slot } from "ask-sdk-model";
import type { RuntimeContext } from "../../src/skill/index.js";

export const SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
export const API_ENDPOINT = "https://api.amazonalexa.com";
export const API_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-token";

export interface EnvelopeParts {
  userId?: string;
  deviceId?: string;
  locale?: string;
  requestId?: string;
  sessionAttributes?: Record<string, unknown>;
  withSession?: boolean;
  /** false: no apiAccessToken (as when the skill lacks the permission). */
  apiAccess?: boolean;
}

function context(parts: EnvelopeParts): RequestEnvelope["context"] {
  const System: RequestEnvelope["context"]["System"] = {
    application: { applicationId: SKILL_ID },
    user: { userId: parts.userId ?? "amzn1.ask.account.TEST" },
    device: { deviceId: parts.deviceId ?? "amzn1.ask.device.TEST", supportedInterfaces: { AudioPlayer: {} } },
    apiEndpoint: API_ENDPOINT,
  };
  if (parts.apiAccess !== false) System.apiAccessToken = API_TOKEN;
  return { System };
}

function session(parts: EnvelopeParts): NonNullable<RequestEnvelope["session"]> {
  return {
    new: parts.sessionAttributes === undefined,
    sessionId: "amzn1.echo-api.session.TEST",
    application: { applicationId: SKILL_ID },
    user: { userId: parts.userId ?? "amzn1.ask.account.TEST" },
    attributes: parts.sessionAttributes ?? {},
  };
}

function base(parts: EnvelopeParts): Pick<RequestEnvelope, "version" | "context" | "session"> {
  return parts.withSession === false
    ? { version: "1.0", context: context(parts) }
    : { version: "1.0", context: context(parts), session: session(parts) };
}

function requestBase(parts: EnvelopeParts) {
  return { requestId: parts.requestId ?? "amzn1.echo-api.request.TEST", timestamp: "2026-04-20T12:00:00Z", locale: parts.locale ?? "en-US" };
}

export function launchEnvelope(parts: EnvelopeParts = {}): RequestEnvelope {
  return { ...base(parts), request: { type: "LaunchRequest", ...requestBase(parts) } };
}

export function intentEnvelope(name: string, slots: Record<string, Slot> = {}, parts: EnvelopeParts = {}): RequestEnvelope {
  const intent: Intent = { name, confirmationStatus: "NONE", slots };
  return { ...base(parts), request: { type: "IntentRequest", ...requestBase(parts), dialogState: "STARTED", intent } };
}

export function sessionEndedEnvelope(parts: EnvelopeParts = {}): RequestEnvelope {
  return { ...base(parts), request: { type: "SessionEndedRequest", ...requestBase(parts), reason: "USER_INITIATED" } };
}

type AudioPlayerRequestType =
  | "AudioPlayer.PlaybackStarted"
  | "AudioPlayer.PlaybackFinished"
  | "AudioPlayer.PlaybackStopped"
  | "AudioPlayer.PlaybackNearlyFinished";

export function audioPlayerEnvelope(type: AudioPlayerRequestType, token = "track-1", parts: EnvelopeParts = {}): RequestEnvelope {
  return {
    ...base({ ...parts, withSession: false }),
    request: { type, ...requestBase(parts), token, offsetInMilliseconds: 0 },
  };
}

export function playbackControllerEnvelope(parts: EnvelopeParts = {}): RequestEnvelope {
  return { ...base({ ...parts, withSession: false }), request: { type: "PlaybackController.NextCommandIssued", ...requestBase(parts) } };
}

export function slot(name: string, value?: string, extra: Partial<Slot> = {}): Slot {
  return { name, confirmationStatus: "NONE", ...(value === undefined ? {} : { value }), ...extra };
}

export interface CollectingContext<Env> extends RuntimeContext<Env> {
  readonly pending: Promise<unknown>[];
  settle(): Promise<void>;
}

export function collectingContext<Env = Record<string, never>>(
  env: Env = {} as Env,
  extra: Partial<Pick<RuntimeContext<Env>, "fetch" | "checks">> = {},
): CollectingContext<Env> {
  const pending: Promise<unknown>[] = [];
  return {
    env,
    ...extra,
    pending,
    waitUntil: (promise) => void pending.push(promise),
    settle: async () => void (await Promise.allSettled(pending)),
  };
}
