/**
 * What every handler, interceptor and error handler receives: the envelope and its typed
 * parts (request, intent, slots, session, locale, user and device ids), the attributes, a
 * response builder, the Worker's env and `waitUntil`, the request's origin (for audio URLs), a
 * logger, the clock, and the Alexa service clients. Built once per request by createSkill;
 * error handlers get a copy with a fresh builder.
 */
import type { Intent, IntentRequest, Request, RequestEnvelope } from "ask-sdk-model";
import { createAttributes, PersistentAttributes, type Attributes, type SessionAttributesError } from "./attributes.js";
import type { PersistenceAdapter } from "./persistence/adapter.js";
import {
  apiAccessOf,
  deviceIdOf,
  intentOf,
  localeOf,
  personIdOf,
  slotAccess,
  supportsInterface,
  userIdOf,
  type SlotAccess,
} from "./request-access.js";
import type { SkillLogger } from "./logger.js";
import { ResponseBuilder } from "./response-builder.js";
import type { FetchLike } from "../shared/fetch.js";
import { createDirectiveService, type DirectiveService } from "./services/directive-service.js";

/**
 * Alexa service clients for this request.
 */
export interface SkillServices {
  /** Progressive responses (VoicePlayer.Speak) through Alexa's Directive Service. */
  readonly directives: DirectiveService;
}

/**
 * What every handler receives: the request and its parts, attributes, the response builder, env, origin, logger, clock and services.
 * @example
 * onLaunch((input: HandlerInput<Env>) => input.responseBuilder.speak(`Audio at ${audioUrl("a.mp3", input)}`));
 */
export interface HandlerInput<Env = unknown, R extends Request = Request> {
  readonly envelope: RequestEnvelope;
  readonly request: R;
  readonly requestType: R["type"];
  readonly requestId: string;
  readonly intent: Intent | undefined;
  readonly intentName: string | undefined;
  readonly slots: SlotAccess;
  /** Present for LaunchRequest/IntentRequest/SessionEndedRequest; absent for AudioPlayer events. */
  readonly session: { readonly id: string; readonly isNew: boolean } | undefined;
  readonly locale: string | undefined;
  readonly userId: string | undefined;
  readonly deviceId: string | undefined;
  readonly personId: string | undefined;
  supports(interfaceName: string): boolean;
  readonly attributes: Attributes;
  readonly responseBuilder: ResponseBuilder;
  readonly env: Env;
  waitUntil(promise: Promise<unknown>): void;
  /**
   * Origin of the request Alexa sent, e.g. `"https://skill.example.com"`: the Worker's own
   * host, whose certificate Alexa already accepted, so `audioUrl(key, input)` points there.
   * Empty when the runtime was called without a request (`skill.handle` in a unit test);
   * `audioUrl` then throws an `AudioUrlError` (`bad-origin`).
   */
  readonly origin: string;
  /** Structured logger (the Worker's under `createAlexaWorker`): `logger.log("info", "story_started", { id })`. */
  readonly logger: SkillLogger;
  /** The clock, milliseconds since the epoch (for signed URL expiry and the like). */
  now(): number;
  readonly services: SkillServices;
}

/** The input of an intent handler: the intent is known to be there. */
export type IntentHandlerInput<Env = unknown> = HandlerInput<Env, IntentRequest> & {
  readonly intent: Intent;
  readonly intentName: string;
};

export interface InputSources<Env> {
  readonly envelope: RequestEnvelope;
  readonly env: Env;
  readonly origin: string;
  readonly logger: SkillLogger;
  readonly now: () => number;
  readonly waitUntil: (promise: Promise<unknown>) => void;
  readonly fetch: FetchLike;
  readonly persistence: PersistenceAdapter | undefined;
  readonly partitionKey: string | undefined;
}

/**
 * The request's session, when it carries one: `"session": null` (or any non-object) is read
 * as no session, as AudioPlayer, PlaybackController and skill-event requests carry none.
 */
export function sessionOf(envelope: RequestEnvelope): RequestEnvelope["session"] {
  const session: unknown = envelope.session;
  return typeof session === "object" && session !== null && !Array.isArray(session) ? (session as RequestEnvelope["session"]) : undefined;
}

/** The input, and a problem with the request that must go straight to the error handlers. */
export function createHandlerInput<Env>(sources: InputSources<Env>): { input: HandlerInput<Env>; problem: SessionAttributesError | undefined } {
  const { envelope } = sources;
  const request = envelope.request;
  const intent = intentOf(request);
  const waitUntil = (promise: Promise<unknown>) => sources.waitUntil(promise);
  const persistent = new PersistentAttributes(sources.persistence, sources.partitionKey, { waitUntil });
  const session = sessionOf(envelope);
  const { attributes, problem } = createAttributes(session?.attributes, persistent);
  const input: HandlerInput<Env> = {
    envelope,
    request,
    requestType: request.type,
    requestId: request.requestId,
    intent,
    intentName: intent?.name,
    slots: slotAccess(intent),
    session: session === undefined ? undefined : { id: session.sessionId, isNew: session.new },
    locale: localeOf(request),
    userId: userIdOf(envelope),
    deviceId: deviceIdOf(envelope),
    personId: personIdOf(envelope),
    supports: (name) => supportsInterface(envelope, name),
    attributes,
    responseBuilder: new ResponseBuilder(),
    env: sources.env,
    waitUntil,
    origin: sources.origin,
    logger: sources.logger,
    now: () => sources.now(),
    services: {
      directives: createDirectiveService({ ...apiAccessOf(envelope), fetch: sources.fetch, requestId: request.requestId }),
    },
  };
  return { input, problem };
}
