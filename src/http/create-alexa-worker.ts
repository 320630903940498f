/**
 * `createAlexaWorker(options)` turns a skill (a `createSkill` runtime, an
 * ask-sdk-core skill, or a bare handler function) into a Worker: POST on the
 * skill path is the Alexa endpoint, extra routes (audio) come next, everything
 * else is 404 and a wrong method on the skill path is 405. Verification options
 * are built from the bindings once per isolate, so the certificate cache stays
 * warm across requests: memory first, then the `CERT_CACHE` KV namespace. Dev
 * trust (see dev-trust.ts) applies only to local-development requests, and so does the
 * local console under /_skillflare/ (src/console/), which talks to this same fetch handler.
 */
import type { VerifyOptions } from "../verify/verify-request.js";
import { globalFetch } from "../shared/fetch.js";
import { createKvCertCache } from "../verify/kv-cert-cache.js";
import { handleAlexaPost, type AlexaHandler } from "./alexa-endpoint.js";
import { devTrustVerifyOptions, parseDevTrust } from "./dev-trust.js";
import { isLocalDevelopmentRequest } from "./local-development.js";
import { HttpError } from "../shared/http-error.js";
import { consoleLogger, type Logger } from "./log.js";
import { handleConsoleRequest, isConsolePath } from "../console/route.js";
import { readD1Attributes, type PersistentReader } from "../console/persistent-view.js";
import { handlerForSkill, type WorkerSkill } from "./skill-handler.js";

/** Bindings the runtime reads; a skill's own Env may carry more. */
export interface AlexaWorkerEnv {
  readonly CERT_CACHE?: KVNamespace;
  /** Comma-separated skill ids this endpoint answers for. */
  readonly SKILL_IDS?: string;
  /** Local-only dev CA trust from `.dev.vars`; honoured for loopback requests only. */
  readonly SKILLFLARE_DEV_TRUST?: string;
  /** Local-only dev signing kit for the console at /_skillflare/ (`.dev.vars`); loopback only. */
  readonly SKILLFLARE_DEV_KIT?: string;
  /** Local-only interaction models by locale for the console (`.dev.vars`). */
  readonly SKILLFLARE_DEV_MODELS?: string;
}

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

export type AlexaWorkerOptions<E extends AlexaWorkerEnv> = AlexaWorkerAnswerer<E> & AlexaWorkerSettings<E>;

export interface AlexaWorkerSettings<E extends AlexaWorkerEnv> {
  /** Path Alexa posts to (the console's endpoint URL path). Default "/". */
  readonly path?: string;
  /** Request bodies above this are a 413. Default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** Extra verification settings from the bindings (dev trust, clock, fetch). */
  readonly verifyOptions?: (env: E) => VerifyOptions;
  readonly routes?: readonly Route<E>[];
  readonly logger?: Logger;
  /**
   * The local console at /_skillflare/ (loopback requests with SKILLFLARE_DEV_KIT only; see
   * docs/console.md). `false` turns it off.
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

export function createAlexaWorker<E extends AlexaWorkerEnv>(
  options: AlexaWorkerOptions<E>,
): ExportedHandler<E> {
  const path = options.path ?? "/";
  const logger = options.logger ?? consoleLogger;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const handler = options.handler ?? handlerForSkill(options.skill);
  const productionOptionsFor = memoisePerEnv((env: E): VerifyOptions => ({
    ...defaultVerifyOptions(env),
    ...options.verifyOptions?.(env),
  }));
  const devOptionsFor = memoisePerEnv((env: E): VerifyOptions | null => {
    if (env.SKILLFLARE_DEV_TRUST === undefined || env.SKILLFLARE_DEV_TRUST === "") return null;
    const production = productionOptionsFor(env);
    const fallbackFetch = production.fetch ?? globalFetch;
    return { ...production, ...devTrustVerifyOptions(parseDevTrust(env.SKILLFLARE_DEV_TRUST), fallbackFetch) };
  });
  const verifyOptionsFor = (env: E, request: Request): VerifyOptions =>
    (isLocalDevelopmentRequest(request) ? devOptionsFor(env) : null) ?? productionOptionsFor(env);

  const consoleOptions = options.console;
  const fetchHandler = async (request: Request, env: E, executionContext: ExecutionContext): Promise<Response> => {
    try {
      const url = new URL(request.url);
      if (consoleOptions !== false && isConsolePath(url.pathname)) {
        return await handleConsoleRequest(request, env, {
          selfFetch: (inner) => fetchHandler(inner, env, executionContext),
          skillPath: path,
          readPersistent: consoleOptions?.persistentAttributes ?? readD1Attributes,
        });
      }
      if (url.pathname === path) {
        if (request.method !== "POST") {
          throw new HttpError(405, "method-not-allowed", `${request.method} ${path}`, { headers: { Allow: "POST" } });
        }
        return await handleAlexaPost(request, { env, executionContext }, {
          handler,
          maxBodyBytes,
          verifyOptions: verifyOptionsFor(env, request),
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
  return { fetch: fetchHandler };
}

/** Skill ids from `SKILL_IDS` and the KV-backed cert cache, when bound. */
function defaultVerifyOptions(env: AlexaWorkerEnv): VerifyOptions {
  const skillIds = (env.SKILL_IDS ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return {
    ...(skillIds.length > 0 ? { skillIds } : {}),
    ...(env.CERT_CACHE !== undefined ? { certCache: createKvCertCache(env.CERT_CACHE) } : {}),
  };
}

/** Bindings objects are stable per isolate; build derived settings once for each. */
function memoisePerEnv<E extends object, T>(build: (env: E) => T): (env: E) => T {
  const built = new WeakMap<E, T>();
  return (env) => {
    let value = built.get(env);
    if (value === undefined) {
      value = build(env);
      built.set(env, value);
    }
    return value;
  };
}
