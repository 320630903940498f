/**
 * The skill runtime the Worker calls with a verified envelope. One request runs:
 *   request interceptors -> first handler whose canHandle is true -> response interceptors ->
 *   response checks -> automatic save of changed persistent attributes.
 * Any throw in those steps (including "no handler matched", a NoMatchingHandlerError, and a
 * failed save) goes to the first error handler that accepts it, with a fresh response builder;
 * its response skips the response interceptors and the save (a failed request persists
 * nothing), as in the ASK SDK. A failed save is never silent: it is logged at error level
 * (`skill_save_failed`) and handed to the error handlers, whose fresh builder replaces the
 * answer that said all was well. A request whose session attributes cannot be used goes
 * straight to the error handlers. With no accepting error handler the error propagates to the
 * Worker. A ResponseCheckError ("throw" mode) always propagates: it is a bug in the skill.
 */
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import type { ErrorHandler, HandlerOutput, RequestHandler, RequestInterceptor, ResponseInterceptor } from "./handler.js";
import { createHandlerInput, sessionOf, type HandlerInput } from "./handler-input.js";
import { jsonConsoleLogger, type SkillLogger } from "./logger.js";
import type { PersistenceAdapter } from "./persistence/adapter.js";
import { userIdOf } from "./request-access.js";
import { NO_KNOWN_AUDIO, ResponseBuilder, type BuiltResponse } from "./response-builder.js";
import { checkResponse, enforceResponseChecks, ResponseCheckError, type ResponseCheckMode } from "./response-checks.js";
import { globalFetch, type FetchLike } from "../shared/fetch.js";

/** What the Worker hands the runtime with each request. */
export interface RuntimeContext<Env = unknown> {
  readonly env: Env;
  waitUntil(promise: Promise<unknown>): void;
  /** Outbound fetch for Alexa service calls; defaults to the global fetch. */
  readonly fetch?: FetchLike;
  /** Overrides the skill's check mode for this request (e.g. "throw" under `wrangler dev`). */
  readonly checks?: ResponseCheckMode;
  /**
   * Origin (`scheme://host[:port]`) of the request Alexa sent: where the Worker's own routes
   * (audio) are served. `createAlexaWorker` sets it; becomes `input.origin`.
   */
  readonly origin?: string;
  /** Logger for this request when the skill has no `logger` option of its own (the Worker passes its own). */
  readonly logger?: SkillLogger;
  /** The clock, in milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A skill: one verified envelope in, one response envelope out (what `createSkill` and `fromAskSdkSkill` return).
 * @example
 * const response = await skill.handle(envelope, { env, waitUntil: (p) => ctx.waitUntil(p) });
 */
export interface SkillRuntime<Env = unknown> {
  handle(envelope: RequestEnvelope, context: RuntimeContext<Env>): Promise<ResponseEnvelope>;
}

/**
 * Options of `createSkill`.
 */
export interface SkillOptions<Env = unknown> {
  readonly handlers: readonly RequestHandler<Env>[];
  readonly requestInterceptors?: readonly RequestInterceptor<Env>[];
  readonly responseInterceptors?: readonly ResponseInterceptor<Env>[];
  readonly errorHandlers?: readonly ErrorHandler<Env>[];
  /** An adapter, or a factory called per request with the Worker's env. */
  readonly persistence?: PersistenceAdapter | ((env: Env) => PersistenceAdapter);
  /** Whose attributes: the user id by default. */
  readonly partitionKey?: (envelope: RequestEnvelope) => string | undefined;
  /** Save changed persistent attributes after a successful request (default true). */
  readonly autoSave?: boolean;
  /** "log" by default; use "throw" in development. */
  readonly checks?: ResponseCheckMode;
  readonly logger?: SkillLogger;
}

/**
 * No request handler's `canHandle` accepted the request; goes to the error handlers.
 * @example
 * onError((input, error) => error instanceof NoMatchingHandlerError, (input) =>
 *   input.responseBuilder.speak("Sorry, I can't help with that.").reprompt("What would you like?"));
 */
export class NoMatchingHandlerError extends Error {
  override readonly name = "NoMatchingHandlerError";
  readonly code = "no-matching-handler";

  constructor(
    readonly requestType: string,
    readonly intentName: string | undefined,
  ) {
    super(`no handler can handle ${requestType}${intentName === undefined ? "" : ` (intent ${intentName})`}`);
  }
}

async function firstMatch<T, A extends unknown[]>(
  candidates: readonly T[],
  accepts: (candidate: T, ...args: A) => boolean | Promise<boolean>,
  ...args: A
): Promise<T | undefined> {
  for (const candidate of candidates) if (await accepts(candidate, ...args)) return candidate;
  return undefined;
}

function buildOutput<Env>(output: HandlerOutput, input: HandlerInput<Env>): BuiltResponse {
  if (output !== undefined && !(output instanceof ResponseBuilder)) return { response: output, knownAudio: NO_KNOWN_AUDIO };
  return (output ?? input.responseBuilder).build({ requestHasSession: input.session !== undefined });
}

/**
 * Builds the skill runtime from its handlers (tried in order, first match wins), interceptors,
 * error handlers and persistence; hand it to `createAlexaWorker({ skill })`.
 * @example
 * const skill = createSkill<Env>({
 *   handlers: [onLaunch((input) => input.responseBuilder.speak("Welcome!").reprompt("What now?"))],
 *   errorHandlers: [onError((input) => input.responseBuilder.speak("Sorry, that went wrong."))],
 *   persistence: (env) => createD1Persistence({ database: env.DB }),
 * });
 */
export function createSkill<Env = unknown>(options: SkillOptions<Env>): SkillRuntime<Env> {
  const { handlers, requestInterceptors = [], responseInterceptors = [], errorHandlers = [] } = options;
  const partitionKeyOf = options.partitionKey ?? userIdOf;

  async function runHandler(input: HandlerInput<Env>): Promise<BuiltResponse> {
    for (const interceptor of requestInterceptors) {
      await (typeof interceptor === "function" ? interceptor(input) : interceptor.process(input));
    }
    const handler = await firstMatch(handlers, (h, i: HandlerInput<Env>) => h.canHandle(i), input);
    if (handler === undefined) throw new NoMatchingHandlerError(input.requestType, input.intentName);
    const built = buildOutput(await handler.handle(input), input);
    for (const interceptor of responseInterceptors) {
      await (typeof interceptor === "function" ? interceptor(input, built.response) : interceptor.process(input, built.response));
    }
    return built;
  }

  async function runErrorHandler(input: HandlerInput<Env>, error: unknown): Promise<BuiltResponse> {
    const errorInput: HandlerInput<Env> = { ...input, responseBuilder: new ResponseBuilder() };
    const handler = await firstMatch(errorHandlers, (h, i: HandlerInput<Env>, e: unknown) => h.canHandle(i, e), errorInput, error);
    if (handler === undefined) throw error;
    return buildOutput(await handler.handle(errorInput, error), errorInput);
  }

  async function saveLoudly(input: HandlerInput<Env>): Promise<void> {
    try {
      await input.attributes.persistent.save();
    } catch (error) {
      input.logger.log("error", "skill_save_failed", {
        requestType: input.requestType,
        requestId: input.requestId,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      throw error;
    }
  }

  return {
    async handle(envelope, context) {
      const persistence = typeof options.persistence === "function" ? options.persistence(context.env) : options.persistence;
      const requestLogger = options.logger ?? context.logger ?? jsonConsoleLogger;
      const { input, problem } = createHandlerInput({
        envelope,
        env: context.env,
        origin: context.origin ?? "",
        logger: requestLogger,
        now: context.now ?? Date.now,
        waitUntil: (promise) => context.waitUntil(promise),
        fetch: context.fetch ?? globalFetch,
        persistence,
        partitionKey: partitionKeyOf(envelope),
      });
      const mode = context.checks ?? options.checks ?? "log";
      const finish = (built: BuiltResponse): ResponseEnvelope => {
        const result: ResponseEnvelope = { version: "1.0", response: built.response };
        if (sessionOf(envelope) !== undefined) result.sessionAttributes = input.attributes.session;
        enforceResponseChecks(checkResponse(envelope.request, result, built.knownAudio), mode, requestLogger, envelope.request.type);
        return result;
      };
      try {
        if (problem !== undefined) throw problem;
        const result = finish(await runHandler(input));
        // Saved only once the response passed its checks, so a rejected answer stores nothing.
        if (options.autoSave !== false) await saveLoudly(input);
        return result;
      } catch (error) {
        if (error instanceof ResponseCheckError) throw error;
        return finish(await runErrorHandler(input, error));
      }
    },
  };
}
