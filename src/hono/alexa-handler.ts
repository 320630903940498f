/**
 * The Alexa endpoint as a Hono handler, for skills that live inside a larger Hono app
 * (`app.post("/alexa", alexaHandler({ skill }))`). It is the same endpoint as
 * `createAlexaWorker`'s: the body read with the same cap, the full verification over exactly
 * those bytes, the same verifiers from the bindings (`SKILL_IDS`, `CERT_CACHE`, `REPLAY_GUARD`,
 * dev trust for local development only), a generic 400 for every verification failure with the reason
 * logged, and the one `HttpError` body for everything else. Only Hono's types are imported,
 * so hono stays an optional peer dependency and nothing of it is bundled from here.
 */
import type { Context, Env as HonoEnv, Handler } from "hono";
import { handleAlexaPost } from "../http/alexa-endpoint.js";
import type { AlexaWorkerAnswerer, AlexaWorkerSettings } from "../http/create-alexa-worker.js";
import { consoleLogger } from "../http/log.js";
import { handlerForSkill } from "../http/skill-handler.js";
import { verifierResolver, type AlexaWorkerEnv } from "../http/verify-options.js";
import { HttpError } from "../shared/http-error.js";

/** A skill (or bare handler) and the endpoint settings of `createAlexaWorker`, less its routing. */
export type AlexaHonoOptions<B extends AlexaWorkerEnv> = AlexaWorkerAnswerer<B> &
  Pick<AlexaWorkerSettings<B>, "maxBodyBytes" | "verifyOptions" | "logger">;

/** The bindings type of a Hono env (`{ Bindings: Env }`), or the runtime's own when unset. */
type BindingsOf<E extends HonoEnv> = E["Bindings"] extends AlexaWorkerEnv ? E["Bindings"] : AlexaWorkerEnv;

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * A Hono handler that is the verified Alexa endpoint. Mount it on the path you enter in the
 * Alexa console; any method but POST gets a 405 with `Allow: POST`.
 * @example
 * import { Hono } from "hono";
 * import { alexaHandler } from "skillflare/hono";
 * import { createSkill, onLaunch } from "skillflare/skill";
 *
 * const skill = createSkill<Env>({ handlers: [onLaunch((input) => input.responseBuilder.speak("Hello!"))] });
 * const app = new Hono<{ Bindings: Env }>();
 * app.post("/alexa", alexaHandler({ skill }));
 * export default app;
 */
export function alexaHandler<E extends HonoEnv = HonoEnv>(options: AlexaHonoOptions<BindingsOf<E>>): Handler<E> {
  const logger = options.logger ?? consoleLogger;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const handler = options.handler ?? handlerForSkill(options.skill);
  const verifierFor = verifierResolver<BindingsOf<E>>({ overrides: options.verifyOptions, logger, replayGuard: false });

  return async (c: Context<E>) => {
    const request = c.req.raw;
    const env = (c.env ?? {}) as BindingsOf<E>;
    const background = backgroundTasks(c);
    try {
      if (request.method !== "POST") {
        throw new HttpError(405, "method-not-allowed", `${request.method} ${c.req.path}`, { headers: { Allow: "POST" } });
      }
      return await handleAlexaPost(request, { env, executionContext: background.context }, {
        handler,
        maxBodyBytes,
        verifier: verifierFor(env, request),
        logger,
      });
    } catch (error) {
      const httpError = HttpError.from(error);
      if (httpError.status >= 500) logger.log("error", "request_failed", { code: httpError.code, status: httpError.status, detail: httpError.logDetail });
      return httpError.toResponse();
    } finally {
      await background.settle();
    }
  };
}

/**
 * The Worker's ExecutionContext when Hono has one (`app.fetch(request, env, ctx)`); otherwise
 * (e.g. `app.request()` in a unit test) a stand-in whose `waitUntil` work is awaited before
 * the response is returned, so a save is never dropped.
 */
function backgroundTasks<E extends HonoEnv>(c: Context<E>): { context: ExecutionContext; settle: () => Promise<void> } {
  let context: ExecutionContext | undefined;
  try {
    context = c.executionCtx as ExecutionContext;
  } catch {
    context = undefined;
  }
  if (context !== undefined) return { context, settle: async () => {} };
  const pending: Promise<unknown>[] = [];
  const standIn = {
    waitUntil: (promise: Promise<unknown>) => void pending.push(promise),
    passThroughOnException: () => {},
    props: {},
  } as unknown as ExecutionContext;
  return { context: standIn, settle: async () => void (await Promise.allSettled(pending)) };
}
