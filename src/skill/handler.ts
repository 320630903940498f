/**
 * Handlers, interceptors and error handlers, in the ASK SDK's shape (`canHandle`/`handle`
 * objects, first match wins, everything may be async), plus shorthands that match by request
 * type or intent name and narrow the input's types accordingly:
 *
 *     onLaunch((input) => { input.responseBuilder.speak("Welcome").reprompt("Say a city") })
 *     onIntent("WeatherIntent", (input) => { ... input.slots.resolved("city") ... })
 *     onRequest("AudioPlayer.*", () => {})       // a trailing ".*" matches a whole interface
 *
 * `handlersFor<Env>()` returns the same shorthands with the Worker's `Env` type fixed.
 */
import type { Request, Response } from "ask-sdk-model";
import type { HandlerInput, IntentHandlerInput } from "./handler-input.js";
import type { ResponseBuilder } from "./response-builder.js";

type Awaitable<T> = T | Promise<T>;

/** Return nothing (the input's builder is used), the builder, or a ready `Response`. */
export type HandlerOutput = void | ResponseBuilder | Response;

/**
 * A request handler object: `canHandle(input)` and `handle(input)`, as in the ASK SDK.
 * @example
 * const help: RequestHandler<Env> = {
 *   canHandle: (input) => input.intentName === "AMAZON.HelpIntent",
 *   handle: (input) => input.responseBuilder.speak("Ask me for a story.").reprompt("Which story?"),
 * };
 */
export interface RequestHandler<Env = unknown> {
  canHandle(input: HandlerInput<Env>): Awaitable<boolean>;
  handle(input: HandlerInput<Env>): Awaitable<HandlerOutput>;
}

/**
 * An error handler object: `canHandle(input, error)` and `handle(input, error)`.
 */
export interface ErrorHandler<Env = unknown> {
  canHandle(input: HandlerInput<Env>, error: unknown): Awaitable<boolean>;
  handle(input: HandlerInput<Env>, error: unknown): Awaitable<HandlerOutput>;
}

/** Runs before handler selection; may fill `attributes.request`, check things, or throw. */
export type RequestInterceptor<Env = unknown> =
  | ((input: HandlerInput<Env>) => Awaitable<void>)
  | { process(input: HandlerInput<Env>): Awaitable<void> };

/** Runs after a successful handler, on the built response (which it may change). */
export type ResponseInterceptor<Env = unknown> =
  | ((input: HandlerInput<Env>, response: Response) => Awaitable<void>)
  | { process(input: HandlerInput<Env>, response: Response): Awaitable<void> };

/** A request type, or an interface prefix with a trailing ".*" such as "AudioPlayer.*". */
export type RequestTypePattern = Request["type"] | `${string}.*`;

/** The request types a pattern stands for. */
export type RequestOfPattern<P extends string> = P extends `${infer Prefix}.*`
  ? Extract<Request, { type: `${Prefix}.${string}` }>
  : Extract<Request, { type: P }>;

/**
 * True when the request type `type` matches `pattern` (an exact type, or `Interface.*`).
 * @example
 * matchesRequestType("AudioPlayer.*", "AudioPlayer.PlaybackStarted"); // true
 * matchesRequestType("LaunchRequest", "IntentRequest"); // false
 */
export function matchesRequestType(pattern: string, type: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

function listOf<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * A handler for one or more request types; a trailing `.*` matches a whole interface, and
 * `input.request` is narrowed to the matching types.
 * @example
 * const nearlyDone = onRequest("AudioPlayer.PlaybackNearlyFinished", (input) =>
 *   input.responseBuilder.directive(audioEnqueueAfter(input.request.token ?? "", { url: nextUrl, token: "next" })));
 */
function onRequest<Env, P extends RequestTypePattern>(
  types: P | readonly P[],
  handle: (input: HandlerInput<Env, RequestOfPattern<P>>) => Awaitable<HandlerOutput>,
): RequestHandler<Env> {
  const patterns = listOf(types);
  return {
    canHandle: (input) => patterns.some((pattern) => matchesRequestType(pattern, input.requestType)),
    handle: (input) => handle(input as unknown as HandlerInput<Env, RequestOfPattern<P>>),
  };
}

/**
 * A handler for one intent (or any of several): `input.intent` and `input.slots` are there.
 * @example
 * const hello = onIntent("HelloIntent", (input) =>
 *   input.responseBuilder.speak(`Hello, ${input.slots.value("name") ?? "friend"}.`));
 */
function onIntent<Env>(
  names: string | readonly string[],
  handle: (input: IntentHandlerInput<Env>) => Awaitable<HandlerOutput>,
): RequestHandler<Env> {
  const wanted = listOf(names);
  return {
    canHandle: (input) => input.intentName !== undefined && wanted.includes(input.intentName),
    handle: (input) => handle(input as IntentHandlerInput<Env>),
  };
}

/**
 * A handler for the LaunchRequest ("Alexa, open ...").
 * @example
 * const launch = onLaunch((input) => input.responseBuilder.speak("Welcome!").reprompt("What would you like?"));
 */
function onLaunch<Env>(handle: (input: HandlerInput<Env, RequestOfPattern<"LaunchRequest">>) => Awaitable<HandlerOutput>): RequestHandler<Env> {
  return onRequest<Env, "LaunchRequest">("LaunchRequest", handle);
}

/**
 * An error handler; without `canHandle` it takes every error.
 * @example
 * const apologise = onError((input, error) => {
 *   input.logger.log("error", "skill_error", { error: String(error) });
 *   return input.responseBuilder.speak("Sorry, something went wrong.");
 * });
 */
function onError<Env>(
  handle: (input: HandlerInput<Env>, error: unknown) => Awaitable<HandlerOutput>,
  canHandle: (input: HandlerInput<Env>, error: unknown) => Awaitable<boolean> = () => true,
): ErrorHandler<Env> {
  return { canHandle, handle };
}

/**
 * The handler shorthands with `input.env` typed (`handlersFor<Env>()`).
 */
export interface HandlerShorthands<Env> {
  onRequest<P extends RequestTypePattern>(
    types: P | readonly P[],
    handle: (input: HandlerInput<Env, RequestOfPattern<P>>) => Awaitable<HandlerOutput>,
  ): RequestHandler<Env>;
  onIntent(names: string | readonly string[], handle: (input: IntentHandlerInput<Env>) => Awaitable<HandlerOutput>): RequestHandler<Env>;
  onLaunch(handle: (input: HandlerInput<Env, RequestOfPattern<"LaunchRequest">>) => Awaitable<HandlerOutput>): RequestHandler<Env>;
  onError(
    handle: (input: HandlerInput<Env>, error: unknown) => Awaitable<HandlerOutput>,
    canHandle?: (input: HandlerInput<Env>, error: unknown) => Awaitable<boolean>,
  ): ErrorHandler<Env>;
}

/**
 * The shorthands with `Env` fixed, so `input.env` is typed: `const { onIntent } = handlersFor<Env>()`.
 * @example
 * const { onLaunch, onIntent } = handlersFor<Env>(); // input.env is typed as Env
 * const launch = onLaunch((input) => input.responseBuilder.speak(`Hello from ${input.env.SKILL_IDS}`));
 */
export function handlersFor<Env>(): HandlerShorthands<Env> {
  return { onRequest, onIntent, onLaunch, onError };
}

export { onError, onIntent, onLaunch, onRequest };
