/**
 * Builds realistic ask-sdk-model `RequestEnvelope`s for any request a custom
 * skill receives: LaunchRequest, IntentRequest (slots with entity-resolution
 * matches), SessionEndedRequest, AudioPlayer.*, PlaybackController.* and
 * AlexaSkillEvent.*. Like Alexa, it includes a session only for session
 * requests, the AudioPlayer context when given (or derived from an AudioPlayer
 * request), and no device for skill events.
 */
import type { Application, Context, RequestEnvelope, Session, User, interfaces } from "ask-sdk-model";
import {
  DEFAULT_API_ENDPOINT,
  DEV_DEVICE_ID,
  DEV_SKILL_ID,
  DEV_USER_ID,
  formatAlexaTimestamp,
  newApiAccessToken,
  newRequestId,
  newSessionId,
} from "./alexa-ids.js";
import { buildRequest, isSessionRequest, type RequestSpec } from "./request-specs.js";

/**
 * Options of `createRequestEnvelope`: the request and the ids, locale and time around it.
 */
export interface EnvelopeOptions {
  readonly request: RequestSpec;
  /** `request.timestamp`; default now. Written without milliseconds. */
  readonly timestamp?: Date | number | string;
  readonly requestId?: string;
  readonly applicationId?: string;
  readonly userId?: string;
  readonly deviceId?: string;
  /** Default "en-US". */
  readonly locale?: string;
  /** false: no session; default: a session for Launch/Intent/SessionEnded requests only. */
  readonly session?: false | {
    readonly new?: boolean;
    readonly sessionId?: string;
    readonly attributes?: Readonly<Record<string, unknown>>;
  };
  readonly apiEndpoint?: string;
  readonly apiAccessToken?: string;
  /** context.AudioPlayer; default derived from an AudioPlayer.* request's token and offset. */
  readonly audioPlayer?: interfaces.audioplayer.AudioPlayerState;
}

/**
 * A RequestEnvelope as Alexa would send it.
 * @example
 * createRequestEnvelope({ request: { type: "IntentRequest", intent: "PlayStoryIntent", slots: { story: "dragons" } } });
 */
export function createRequestEnvelope(options: EnvelopeOptions): RequestEnvelope {
  const applicationId = options.applicationId ?? DEV_SKILL_ID;
  const application: Application = { applicationId };
  const user: User = { userId: options.userId ?? DEV_USER_ID };
  const request = buildRequest(options.request, {
    requestId: options.requestId ?? newRequestId(),
    timestamp: formatAlexaTimestamp(options.timestamp ?? Date.now()),
    locale: options.locale ?? "en-US",
    applicationId,
  });
  const isSkillEvent = options.request.type.startsWith("AlexaSkillEvent.");
  const audioPlayer = options.audioPlayer ?? derivedAudioPlayerState(options.request);
  const context: Context = {
    System: {
      application,
      user,
      ...(isSkillEvent
        ? {}
        : {
            device: {
              deviceId: options.deviceId ?? DEV_DEVICE_ID,
              supportedInterfaces: { AudioPlayer: {} },
            },
          }),
      apiEndpoint: options.apiEndpoint ?? DEFAULT_API_ENDPOINT,
      apiAccessToken: options.apiAccessToken ?? newApiAccessToken(),
    },
    ...(audioPlayer === undefined || isSkillEvent ? {} : { AudioPlayer: audioPlayer }),
  };
  const sessionOption = options.session ?? (isSessionRequest(options.request) ? {} : false);
  const session: Session | undefined =
    sessionOption === false
      ? undefined
      : {
          new: sessionOption.new ?? options.request.type === "LaunchRequest",
          sessionId: sessionOption.sessionId ?? newSessionId(),
          application,
          user,
          attributes: { ...(sessionOption.attributes ?? {}) },
        };
  return { version: "1.0", ...(session ? { session } : {}), context, request };
}

/**
 * The exact JSON body Alexa would post for an envelope.
 * @example
 * const body = envelopeBody(createRequestEnvelope({ request: { type: "LaunchRequest" } }));
 */
export function envelopeBody(envelope: RequestEnvelope): string {
  return JSON.stringify(envelope);
}

function derivedAudioPlayerState(spec: RequestSpec): interfaces.audioplayer.AudioPlayerState | undefined {
  if (!("token" in spec) || !spec.type.startsWith("AudioPlayer.")) return undefined;
  const activity: Record<string, interfaces.audioplayer.PlayerActivity> = {
    "AudioPlayer.PlaybackStarted": "PLAYING",
    "AudioPlayer.PlaybackNearlyFinished": "PLAYING",
    "AudioPlayer.PlaybackFinished": "FINISHED",
    "AudioPlayer.PlaybackStopped": "STOPPED",
    "AudioPlayer.PlaybackFailed": "STOPPED",
  };
  return {
    ...(spec.token === undefined ? {} : { token: spec.token }),
    offsetInMilliseconds: spec.offsetInMilliseconds ?? 0,
    playerActivity: activity[spec.type] ?? "IDLE",
  };
}
