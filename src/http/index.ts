/**
 * `skillflare/worker`: the Worker face. `createAlexaWorker` turns a skill into a Worker whose
 * POST on the skill path is the verified Alexa endpoint, with extra routes after it (the
 * audio route from R2 among them); what the local console at /_skillflare/ needs is recorded
 * on it for `withLocalConsole` (`skillflare/dev`, docs/console.md). Runs in workerd. Guide: README "Writing a skill".
 */
export { createAlexaWorker } from "./create-alexa-worker.js";
export type { AlexaWorkerEnv, AlexaWorkerOptions, AlexaWorkerSettings, Route } from "./create-alexa-worker.js";
export type { AlexaHandler, AlexaRequestContext } from "./alexa-endpoint.js";
export type { ConsoleSettings as AlexaWorkerConsoleOptions } from "./create-alexa-worker.js";
export type { PersistentReader } from "./console-hook.js";
export { HttpError } from "../shared/http-error.js";
export type { HttpErrorCode, HttpErrorOptions } from "../shared/http-error.js";
export { handleAudioRequest } from "../audio/route.js";
export type { AudioEnv, AudioRouteOptions } from "../audio/route.js";
export { ReplayGuardObject, createDurableObjectReplayGuard } from "./replay-guard-object.js";
