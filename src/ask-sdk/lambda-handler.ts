/**
 * Runs an AWS Lambda handler (`exports.handler = SkillBuilders.custom()...lambda()`, or any
 * `async (event, context)` / `(event, context, callback)` function) behind the same
 * `SkillRuntime` interface as `createSkill`. The handler gets the verified request envelope
 * as its event and a Lambda-like context (lambda-context.ts); whichever comes first of the
 * callback, the returned promise, or the legacy `context.succeed/fail` settles the
 * invocation, and the invocation is bounded by `timeoutMs` (Alexa itself waits 8 s). Its
 * response goes through the same response checks as every skill. Pending work the handler
 * leaves behind is kept alive by the request scope (request-scope.ts), not by waiting here.
 */
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import type { RuntimeContext, SkillRuntime } from "../skill/create-skill.js";
import { jsonConsoleLogger, type SkillLogger } from "../skill/logger.js";
import { checkResponse, enforceResponseChecks, type ResponseCheckMode } from "../skill/response-checks.js";
import { LambdaContext, type LambdaCallback } from "./lambda-context.js";

/** A Lambda handler as ask-sdk's `.lambda()` exports it, or written by hand (async or callback). */
export type LambdaHandler = (event: RequestEnvelope, context: LambdaContext, callback: LambdaCallback) => unknown;

/** Options of fromLambdaHandler (createAlexaWorker uses the defaults). */
export interface LambdaAdapterOptions {
  /** `context.functionName`; default "skillflare". */
  readonly functionName?: string;
  /** How long an invocation may take before it fails as timed out; default 8000 ms. */
  readonly timeoutMs?: number;
  /** `context.memoryLimitInMB`; default 128 (a Worker's memory limit). */
  readonly memoryLimitInMB?: number;
  /** "log" by default; the Worker uses "throw" for loopback requests. */
  readonly checks?: ResponseCheckMode;
  readonly logger?: SkillLogger;
  readonly now?: () => number;
}

/** How long an invocation may run by default: 8 s, as long as Alexa waits for an answer. */
export const DEFAULT_LAMBDA_TIMEOUT_MS = 8000;

/**
 * The invocation failed in a way Lambda would report (timeout, no response, a bad result).
 *
 * @example
 * ```ts
 * try { await runtime.handle(envelope, context); }
 * catch (error) { if (error instanceof LambdaInvocationError && error.reason === "timed-out") retryLater(); }
 * ```
 */
export class LambdaInvocationError extends Error {
  override readonly name = "LambdaInvocationError";

  constructor(
    readonly reason: "timed-out" | "no-response" | "not-a-response",
    message: string,
  ) {
    super(`${reason}: ${message}`);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function isResponseEnvelope(value: unknown): value is ResponseEnvelope {
  return typeof value === "object" && value !== null && typeof (value as { version?: unknown }).version === "string";
}

function invoke(handler: LambdaHandler, event: RequestEnvelope, makeContext: (callback: LambdaCallback) => LambdaContext, timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settled = new Promise<unknown>((resolve, reject) => {
    let done = false;
    const callback: LambdaCallback = (error, result) => {
      if (done) return;
      done = true;
      if (error !== undefined && error !== null) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    };
    timer = setTimeout(() => callback(new LambdaInvocationError("timed-out", `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)), timeoutMs);
    try {
      const returned = handler(event, makeContext(callback), callback);
      // An async handler's promise is its answer (undefined too, as on Lambda); a plain
      // function's return value is ignored and the callback answers.
      if (isThenable(returned)) returned.then((result) => callback(null, result), (error: unknown) => callback(error ?? new Error("handler rejected")));
    } catch (error) {
      callback(error ?? new Error("handler threw"));
    }
  });
  return settled.finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}

/**
 * Wraps a Lambda handler as a skill runtime (createAlexaWorker does this for you when its
 * `skill` is a function).
 *
 * @example
 * ```ts
 * import lambda from "./lambda/index.js"; // exports.handler = SkillBuilders.custom()...lambda()
 * const runtime = fromLambdaHandler(lambda.handler, { functionName: "hello-world" });
 * ```
 */
export function fromLambdaHandler<Env = unknown>(handler: LambdaHandler, options: LambdaAdapterOptions = {}): SkillRuntime<Env> {
  const functionName = options.functionName ?? "skillflare";
  const timeoutMs = options.timeoutMs ?? DEFAULT_LAMBDA_TIMEOUT_MS;
  const memoryLimitInMB = options.memoryLimitInMB ?? 128;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? jsonConsoleLogger;
  return {
    async handle(envelope, context: RuntimeContext<Env>) {
      const deadlineMs = now() + timeoutMs;
      const awsRequestId = crypto.randomUUID();
      const makeContext = (callback: LambdaCallback) => new LambdaContext({ functionName, awsRequestId, deadlineMs, memoryLimitInMB, now, callback });
      const result = await invoke(handler, envelope, makeContext, timeoutMs);
      if (result === undefined) throw new LambdaInvocationError("no-response", "the Lambda handler finished without a response");
      if (!isResponseEnvelope(result)) throw new LambdaInvocationError("not-a-response", "the Lambda handler's result is not a response envelope (no version)");
      const failures = checkResponse(envelope.request, result);
      enforceResponseChecks(failures, context.checks ?? options.checks ?? "log", logger, envelope.request.type);
      return result;
    },
  };
}
