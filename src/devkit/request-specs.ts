/**
 * Short descriptions of the requests a dev envelope can carry (`RequestSpec`)
 * and their expansion into ask-sdk-model `Request` objects: intents with slots
 * (plain values or entity-resolution matches against the skill's authority),
 * session end reasons, AudioPlayer events with token and offset, playback
 * controller commands and skill events with their body.
 */
import type {
  DialogState,
  IntentConfirmationStatus,
  Request,
  SessionEndedError,
  SessionEndedReason,
  Slot,
  SlotConfirmationStatus,
  interfaces,
  slu,
} from "ask-sdk-model";

/**
 * AudioPlayer request types.
 */
export type AudioPlayerRequestType =
  | "AudioPlayer.PlaybackStarted"
  | "AudioPlayer.PlaybackFinished"
  | "AudioPlayer.PlaybackStopped"
  | "AudioPlayer.PlaybackNearlyFinished"
  | "AudioPlayer.PlaybackFailed";

/**
 * PlaybackController request types (the device's buttons).
 */
export type PlaybackControllerRequestType =
  | "PlaybackController.NextCommandIssued"
  | "PlaybackController.PreviousCommandIssued"
  | "PlaybackController.PlayCommandIssued"
  | "PlaybackController.PauseCommandIssued";

/**
 * Skill event request types.
 */
export type SkillEventRequestType =
  | "AlexaSkillEvent.SkillEnabled"
  | "AlexaSkillEvent.SkillDisabled"
  | "AlexaSkillEvent.SkillAccountLinked"
  | "AlexaSkillEvent.SkillPermissionAccepted"
  | "AlexaSkillEvent.SkillPermissionChanged"
  | "AlexaSkillEvent.ProactiveSubscriptionChanged"
  | "AlexaSkillEvent.NotificationSubscriptionChanged";

/** A slot: its spoken value, or a value with an entity-resolution outcome. */
export type SlotSpec =
  | string
  | {
      readonly value?: string;
      /** Canonical value the spoken one resolved to; "no-match" for ER_SUCCESS_NO_MATCH. */
      readonly resolved?: { readonly id?: string; readonly name: string } | "no-match";
      /** Slot type in the resolution authority; default the slot name. */
      readonly slotType?: string;
      readonly confirmationStatus?: SlotConfirmationStatus;
    };

/**
 * A request to build, by type: launch, an intent with slots, AudioPlayer, PlaybackController, session end, skill events.
 * @example
 * const spec: RequestSpec = { type: "IntentRequest", intent: "PlayStoryIntent", slots: { story: "dragons" } };
 */
export type RequestSpec =
  | { readonly type: "LaunchRequest" }
  | {
      readonly type: "IntentRequest";
      readonly intent: string;
      readonly slots?: Readonly<Record<string, SlotSpec>>;
      readonly dialogState?: DialogState;
      readonly confirmationStatus?: IntentConfirmationStatus;
    }
  | { readonly type: "SessionEndedRequest"; readonly reason?: SessionEndedReason; readonly error?: SessionEndedError }
  | {
      readonly type: AudioPlayerRequestType;
      readonly token?: string;
      readonly offsetInMilliseconds?: number;
      readonly error?: interfaces.audioplayer.Error;
    }
  | { readonly type: PlaybackControllerRequestType }
  | {
      readonly type: SkillEventRequestType;
      readonly body?: Readonly<Record<string, unknown>>;
      readonly eventCreationTime?: string;
      readonly eventPublishingTime?: string;
    };

export interface RequestCommon {
  readonly requestId: string;
  readonly timestamp: string;
  readonly locale: string;
  readonly applicationId: string;
}

/** Whether Alexa sends a session with this request. */
export function isSessionRequest(spec: RequestSpec): boolean {
  return spec.type === "LaunchRequest" || spec.type === "IntentRequest" || spec.type === "SessionEndedRequest";
}

/** Expands a spec into the request object Alexa would send. */
export function buildRequest(spec: RequestSpec, common: RequestCommon): Request {
  const base = { requestId: common.requestId, timestamp: common.timestamp, locale: common.locale };
  switch (spec.type) {
    case "LaunchRequest":
      return { type: spec.type, ...base };
    case "IntentRequest":
      return {
        type: spec.type,
        ...base,
        dialogState: spec.dialogState ?? "COMPLETED",
        intent: {
          name: spec.intent,
          confirmationStatus: spec.confirmationStatus ?? "NONE",
          slots: Object.fromEntries(
            Object.entries(spec.slots ?? {}).map(([name, slot]) => [name, buildSlot(name, slot, common.applicationId)]),
          ),
        },
      };
    case "SessionEndedRequest":
      return { type: spec.type, ...base, reason: spec.reason ?? "USER_INITIATED", ...(spec.error ? { error: spec.error } : {}) };
    case "AudioPlayer.PlaybackStarted":
    case "AudioPlayer.PlaybackFinished":
    case "AudioPlayer.PlaybackStopped":
    case "AudioPlayer.PlaybackNearlyFinished":
    case "AudioPlayer.PlaybackFailed":
      return audioPlayerRequest(spec, base);
    case "PlaybackController.NextCommandIssued":
    case "PlaybackController.PreviousCommandIssued":
    case "PlaybackController.PlayCommandIssued":
    case "PlaybackController.PauseCommandIssued":
      return { type: spec.type, ...base };
    default:
      return skillEventRequest(spec, base);
  }
}

type Base = { requestId: string; timestamp: string; locale: string };

function audioPlayerRequest(spec: Extract<RequestSpec, { type: AudioPlayerRequestType }>, base: Base): Request {
  const token = spec.token ?? "";
  const offsetInMilliseconds = spec.offsetInMilliseconds ?? 0;
  if (spec.type === "AudioPlayer.PlaybackFailed") {
    const error: interfaces.audioplayer.Error = spec.error ?? {
      type: "MEDIA_ERROR_UNKNOWN",
      message: "dev kit: playback failed",
    };
    return {
      type: spec.type,
      ...base,
      token,
      currentPlaybackState: { token, offsetInMilliseconds, playerActivity: "STOPPED" },
      error,
    };
  }
  return { type: spec.type, ...base, token, offsetInMilliseconds };
}

function skillEventRequest(spec: Extract<RequestSpec, { type: SkillEventRequestType }>, base: Base): Request {
  const request = {
    type: spec.type,
    ...base,
    eventCreationTime: spec.eventCreationTime ?? base.timestamp,
    eventPublishingTime: spec.eventPublishingTime ?? base.timestamp,
    ...(spec.body ? { body: spec.body } : {}),
  };
  // Skill event bodies differ per event; the spec's body is passed through as given.
  return request as Request;
}

function buildSlot(name: string, spec: SlotSpec, applicationId: string): Slot {
  const slot = typeof spec === "string" ? { value: spec } : spec;
  const resolved = typeof spec === "string" ? undefined : spec.resolved;
  const authority = `amzn1.er-authority.echo-sdk.${applicationId}.${slot.slotType ?? name}`;
  const resolutions: slu.entityresolution.Resolutions | undefined =
    resolved === undefined
      ? undefined
      : {
          resolutionsPerAuthority: [
            resolved === "no-match"
              ? { authority, status: { code: "ER_SUCCESS_NO_MATCH" }, values: [] }
              : {
                  authority,
                  status: { code: "ER_SUCCESS_MATCH" },
                  values: [{ value: { name: resolved.name, id: resolved.id ?? resolved.name.toUpperCase().replace(/\W+/g, "_") } }],
                },
          ],
        };
  return {
    name,
    ...(slot.value === undefined ? {} : { value: slot.value }),
    confirmationStatus: slot.confirmationStatus ?? "NONE",
    ...(resolutions ? { resolutions } : {}),
  };
}
