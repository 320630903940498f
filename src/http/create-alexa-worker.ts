/**
 * `createAlexaWorker(options)` turns a skill (a `createSkill` runtime, an
 * ask-sdk-core skill, or a bare handler function) into a Worker: POST on the
 * skill path is the Alexa endpoint, extra routes (audio) come next, everything
 * else is 404 and a wrong method on the skill path is 405, all as one
 * `HttpError` body. Verification options come from the bindings once per
 * isolate (verify-options.ts, shared with `skillflare/hono`): one verifier per
 * isolate, its cert cache warm across requests; with a `REPLAY_GUARD` Durable
 * Object binding the replay guard is on across isolates.
 * The local console under /_skillflare/ is not here: this file only records what it needs
 * (console-hook.ts), and `withLocalConsole` from `skillflare/dev`, which `skillflare dev` wraps
 * around the Worker, answers it. So no deployed bundle carries the console (docs/dev-entry.md).
 */
import { HttpError } from "../shared/http-error.js";
import type { VerifyOptions } from "../verify/verifier-options.js";
import { handleAlexaPost, type AlexaHandler } from "./alexa-endpoint.js";
import { consoleLogger, type Logger } from "./log.js";
import { attachConsoleHook, type PersistentReader } from "./console-hook.js";
import { handlerForSkill, type WorkerSkill } from "./skill-handler.js";
import { verifierResolver, type AlexaWorkerEnv as VerifyEnv } from "./verify-options.js";
import { requestUrl } from "./request-url.js";
import type { ConsoleEnv } from "../console/dev-config.js";

/** Bindings the runtime reads (verification's and the local console's); a skill's own Env may carry more. */
export interface AlexaWorkerEnv extends VerifyEnv, ConsoleEnv {}

/** Any other route: return a Response to answer, or null to pass. */
export type Route<E> = (
  request: Request,
  env: E,
  executionContext: ExecutionContext,
) => Promise<Response | null> | Response | null;

/** What answers verified requests: a bare handler, or a skill (createSkill / ask-sdk-core). */
export type AlexaWorkerAnswerer<E> =
  | { readonly handler: AlexaHandler<E>; readonly skill?: never }
  | { readonly skill: WorkerSkill<E>; readonly handler?: never };

/**
 * Options of `createAlexaWorker`: a skill (or a bare handler) and the settings.
 */
export type AlexaWorkerOptions<E extends AlexaWorkerEnv> = AlexaWorkerAnswerer<E> & AlexaWorkerSettings<E>;

/**
 * The endpoint's settings: path, body cap, verification overrides, routes, logger.
 */
export interface AlexaWorkerSettings<E extends AlexaWorkerEnv> {
  /** Path Alexa posts to (the console's endpoint URL path). Default "/". */
  readonly path?: string;
  /** Request bodies above this are a 413. Default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Extra verification settings from the bindings (dev trust, clock, fetch). */
  readonly verifyOptions?: (env: E) => VerifyOptions;
  readonly routes?: readonly Route<E>[];
  readonly logger?: Logger;
  /** Refuse replayed request ids: in memory per isolate, or across isolates when `REPLAY_GUARD` is bound (which alone turns it on). */
  readonly replayGuard?: boolean;
  /**
   * The local console at /_skillflare/ (loopback requests with SKILLFLARE_DEV_KIT only, under
   * `skillflare dev`, which wraps this Worker in `withLocalConsole`; see docs/console.md).
   * `false` turns it off.
   * @example
   * createAlexaWorker({ skill, console: { persistentAttributes: (env, userId) => myStore(env).read(userId) } });
   */
  readonly console?: false | ConsoleSettings<E>;
}

/** Settings of the local console. */
export interface ConsoleSettings<E> {
  /** Reads a user's stored attributes for the console's side panel; default the `DB` binding's D1 table. */
  readonly persistentAttributes?: PersistentReader<E>;
}

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Turns a skill into a Worker: POST on `path` (default `/`) is the verified Alexa endpoint,
 * `routes` answer next, everything else is a 404. Verification settings come from the bindings
 * (`SKILL_IDS`, `CERT_CACHE`, `REPLAY_GUARD`, and `SKILLFLARE_DEV_TRUST` for local development only).
 * @example
 * import { createAlexaWorker, handleAudioRequest } from "skillflare/worker";
 *
 * export default createAlexaWorker<Env>({
 *   skill,
 *   routes: [(request, env, ctx) => handleAudioRequest(request, env, ctx)],
 * }) satisfies ExportedHandler<Env>;
 */
export function createAlexaWorker<E extends AlexaWorkerEnv>(
  options: AlexaWorkerOptions<E>,
): ExportedHandler<E> {
  const path = options.path ?? "/";
  const logger = options.logger ?? consoleLogger;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const handler = options.handler ?? handlerForSkill(options.skill);
  const verifierFor = verifierResolver({ overrides: options.verifyOptions, logger, replayGuard: options.replayGuard === true });

  const fetchHandler = async (request: Request, env: E, executionContext: ExecutionContext): Promise<Response> => {
    try {
      const url = requestUrl(request);
      if (url.pathname === path) {
        if (request.method !== "POST") {
          throw new HttpError(405, "method-not-allowed", `${request.method} ${path}`, { headers: { Allow: "POST" } });
        }
        return await handleAlexaPost(request, { env, executionContext }, {
          handler,
          maxBodyBytes,
          verifier: verifierFor(env, request),
          logger,
        });
      }
      for (const route of options.routes ?? []) {
        const response = await route(request, env, executionContext);
        if (response !== null) return response;
      }
      throw new HttpError(404, "not-found", `${request.method} ${url.pathname}`);
    } catch (error) {
      const httpError = HttpError.from(error);
      if (httpError.status >= 500) logger.log("error", "request_failed", { code: httpError.code, status: httpError.status, detail: httpError.logDetail });
      return httpError.toResponse();
    }
  };
  if (options.console === false) return { fetch: fetchHandler };
  const readPersistent = options.console?.persistentAttributes;
  return { fetch: attachConsoleHook(fetchHandler, { skillPath: path, logger, ...(readPersistent === undefined ? {} : { readPersistent }) }) };
}
