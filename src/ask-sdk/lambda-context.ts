/**
 * The Lambda-like `context` a Lambda handler receives at the edge: the fields and methods of
 * AWS Lambda's Node.js context object (`awsRequestId`, `functionName`,
 * `getRemainingTimeInMillis()`, `callbackWaitsForEmptyEventLoop`, the legacy
 * `succeed`/`fail`/`done`), and nothing else. ask-sdk hands it on as `handlerInput.context`,
 * which skills log with `JSON.stringify(handlerInput)`: so it holds no bindings and no secrets
 * (those stay on `process.env`, as Lambda env vars would, and in the request scope), and its
 * methods live on the prototype, where JSON never looks.
 */

/** Node-style callback of a Lambda handler: `callback(error)` or `callback(null, result)`. */
export type LambdaCallback<R = unknown> = (error?: unknown, result?: R) => void;

export interface LambdaContextOptions {
  readonly functionName: string;
  readonly awsRequestId: string;
  /** Milliseconds since epoch when the invocation times out. */
  readonly deadlineMs: number;
  readonly memoryLimitInMB: number;
  readonly now: () => number;
  /** Where `succeed`/`fail`/`done` deliver, as on Lambda. */
  readonly callback: LambdaCallback;
}

const internals = new WeakMap<LambdaContext, LambdaContextOptions>();

function optionsOf(context: LambdaContext): LambdaContextOptions {
  const options = internals.get(context);
  if (options === undefined) throw new TypeError("not a LambdaContext created by skillflare");
  return options;
}

/**
 * The `context` argument of a Lambda handler at the edge (created per invocation by
 * fromLambdaHandler).
 *
 * @example
 * ```js
 * exports.handler = async (event, context) => {
 *   console.log(context.awsRequestId, context.getRemainingTimeInMillis());
 *   return skill.invoke(event, context);
 * };
 * ```
 */
export class LambdaContext {
  /** Lambda: wait for the event loop before answering. At the edge the answer goes out at once and pending work continues under `waitUntil`; the flag is kept for skills that set it. */
  callbackWaitsForEmptyEventLoop = true;
  readonly functionName: string;
  readonly functionVersion = "$LATEST";
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName = "skillflare";

  constructor(options: LambdaContextOptions) {
    internals.set(this, options);
    this.functionName = options.functionName;
    this.invokedFunctionArn = `arn:skillflare:workers:edge:function:${options.functionName}`;
    this.memoryLimitInMB = String(options.memoryLimitInMB);
    this.awsRequestId = options.awsRequestId;
    this.logGroupName = `/skillflare/${options.functionName}`;
  }

  /** Milliseconds left before this invocation times out (never negative). */
  getRemainingTimeInMillis(): number {
    const { deadlineMs, now } = optionsOf(this);
    return Math.max(0, deadlineMs - now());
  }

  /** Legacy Lambda API: `context.succeed(result)`. */
  succeed(result?: unknown): void {
    optionsOf(this).callback(null, result);
  }

  /** Legacy Lambda API: `context.fail(error)`. */
  fail(error?: unknown): void {
    optionsOf(this).callback(error ?? new Error("context.fail() called"));
  }

  /** Legacy Lambda API: `context.done(error, result)`. */
  done(error?: unknown, result?: unknown): void {
    optionsOf(this).callback(error, result);
  }
}
