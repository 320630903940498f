/**
 * `skillflare/worker`: the Worker face. `createAlexaWorker` turns a skill into a Worker whose
 * POST on the skill path is the verified Alexa endpoint, with extra routes after it (the
 * audio route from R2 among them). Runs in workerd. Guide: README "Writing a skill".
 */
export { createAlexaWorker } from "./create-alexa-worker.js";
export type { AlexaWorkerEnv, AlexaWorkerOptions, AlexaWorkerSettings, Route } from "./create-alexa-worker.js";
export type { AlexaHandler, AlexaRequestContext } from "./alexa-endpoint.js";
export { HttpError } from "../shared/http-error.js";
export type { HttpErrorCode, HttpErrorOptions } from "../shared/http-error.js";
export { handleAudioRequest } from "../audio/route.js";
export type { AudioEnv, AudioRouteOptions } from "../audio/route.js";
export { ReplayGuardObject, createDurableObjectReplayGuard } from "./replay-guard-object.js";
