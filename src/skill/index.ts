/**
 * The skill runtime's public API: createSkill and its handler shorthands, the response
 * builder with SSML, cards and directives, response checks, attributes and their D1/KV
 * adapters, and the Alexa Directive Service client (the `skillflare/skill` export). Nothing
 * here imports ask-sdk-core; ask-sdk-model is used for types only; ask-sdk skills live in
 * `skillflare/ask-sdk` (src/ask-sdk/). Guide: docs/skill-api.md.
 */
export { createSkill, NoMatchingHandlerError } from "./create-skill.js";
export type { RuntimeContext, SkillOptions, SkillRuntime } from "./create-skill.js";
export { handlersFor, matchesRequestType, onError, onIntent, onLaunch, onRequest } from "./handler.js";
export type {
  ErrorHandler,
  HandlerOutput,
  HandlerShorthands,
  RequestHandler,
  RequestInterceptor,
  RequestOfPattern,
  RequestTypePattern,
  ResponseInterceptor,
} from "./handler.js";
export type { HandlerInput, IntentHandlerInput, SkillServices } from "./handler-input.js";
export { slotAccess } from "./request-access.js";
export type { ResolvedValue, SlotAccess } from "./request-access.js";
export { escapeSsmlText, isSsml, ssml } from "./ssml.js";
export type { AudioClip, Ssml, SsmlPart } from "./ssml.js";
export { ResponseBuilder } from "./response-builder.js";
export type { BuiltResponse, KnownAudio } from "./response-builder.js";
export { decideShouldEndSession } from "./should-end-session.js";
export type { SessionEndFacts } from "./should-end-session.js";
export { askForPermissionsConsentCard, linkAccountCard, simpleCard, standardCard } from "./cards.js";
export { confirmIntent, confirmSlot, delegate, elicitSlot } from "./directives/dialog.js";
export { audioClearQueue, audioEnqueueAfter, audioPlay, audioStop } from "./directives/audio-player.js";
export type { EnqueuePlayOptions, PlayOptions, ReplacePlayOptions } from "./directives/audio-player.js";
export { aplaRenderDocument, aplRenderDocument, directive } from "./directives/presentation.js";
export type { GenericDirective } from "./directives/presentation.js";
export { checkResponse, enforceResponseChecks, ResponseCheckError } from "./response-checks.js";
export type { ResponseCheckFailure, ResponseCheckMode, ResponseCheckRule } from "./response-checks.js";
export { PersistentAttributes, SessionAttributesError } from "./attributes.js";
export type { Attributes } from "./attributes.js";
export { PersistenceError } from "./persistence/adapter.js";
export type { AttributeChange, PersistenceAdapter, PersistenceContext, PersistenceFailure } from "./persistence/adapter.js";
export { createD1Persistence } from "./persistence/d1.js";
export type { D1PersistenceOptions } from "./persistence/d1.js";
export { createKvPersistence } from "./persistence/kv.js";
export type { KvPersistenceOptions, KvStore } from "./persistence/kv.js";
export { AlexaServiceError, callAlexaApi } from "./services/alexa-api.js";
export type { AlexaApiCall, AlexaApiTarget, AlexaServiceFailure, FetchFunction } from "./services/alexa-api.js";
export type { FetchLike } from "../shared/fetch.js";
export { createDirectiveService } from "./services/directive-service.js";
export type { DirectiveService } from "./services/directive-service.js";
export { jsonConsoleLogger } from "./logger.js";
export type { SkillLogger, SkillLogLevel } from "./logger.js";
