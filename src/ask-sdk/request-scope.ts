/**
 * The request scope of an ask-sdk skill or Lambda handler: which bindings, which
 * `waitUntil`, which origin belong to the request now running. Skills built for Lambda create
 * their adapters and AWS clients once, at module load, with no `env` in sight; they find the
 * running request here, through an AsyncLocalStorage that follows every promise and timer the
 * request starts. Work the skill starts and may not await (a save, an API call) is handed to
 * `trackPendingWork`, which keeps the Worker alive for it with `waitUntil` (Lambda waits for
 * the event loop; a Worker does not) and logs it if it fails. Without `nodejs_compat` there is
 * no AsyncLocalStorage and so no scope: adapters then need their binding passed in. (No
 * `cloudflare:workers` import: `skillflare/worker` must also load in Node, for tests and tools.)
 */
import type { SkillLogger } from "../skill/logger.js";
import { nodeProcess } from "./node-process.js";

export interface RequestScope {
  /** The Worker's bindings for this request. */
  readonly env: object;
  /** The URL Alexa posted to; its origin is where this Worker serves audio. */
  readonly requestUrl?: string;
  waitUntil(promise: Promise<unknown>): void;
  readonly logger: SkillLogger;
}

interface AsyncLocalStorageLike<T> {
  run<R>(store: T, callback: () => R): R;
  getStore(): T | undefined;
}

type AsyncHooks = { AsyncLocalStorage: new <T>() => AsyncLocalStorageLike<T> };

function createStorage(): AsyncLocalStorageLike<RequestScope> | null {
  try {
    const hooks = nodeProcess()?.getBuiltinModule?.("node:async_hooks") as AsyncHooks | undefined;
    return hooks === undefined ? null : new hooks.AsyncLocalStorage<RequestScope>();
  } catch {
    return null;
  }
}

let storage: AsyncLocalStorageLike<RequestScope> | null | undefined;

function scopeStorage(): AsyncLocalStorageLike<RequestScope> | null {
  if (storage === undefined) storage = createStorage();
  return storage;
}

/** Runs `callback` with `scope` as the current request scope (for every async step it starts). */
export function runInRequestScope<R>(scope: RequestScope, callback: () => R): R {
  const als = scopeStorage();
  return als === null ? callback() : als.run(scope, callback);
}

/** The scope set by `runInRequestScope` for the running request, if any. */
export function runningRequestScope(): RequestScope | undefined {
  return scopeStorage()?.getStore();
}

/** The running request's scope; outside any request this is an error naming `what` needed it. */
export function currentRequestScope(what: string): RequestScope {
  const scope = scopeStorage()?.getStore();
  if (scope !== undefined) return scope;
  const why = scopeStorage() === null ? " (it needs the nodejs_compat compatibility flag)" : "";
  throw new Error(`${what} can only run while createAlexaWorker handles a request${why}; outside one, pass the binding explicitly`);
}

/**
 * Keeps the Worker alive until `promise` settles and logs it if it rejects. Returns `promise`
 * itself, so a caller that awaits it still sees the rejection.
 */
export function trackPendingWork<T>(promise: Promise<T>, what: string, scope: RequestScope = currentRequestScope(what)): Promise<T> {
  scope.waitUntil(
    promise.then(
      () => undefined,
      (error: unknown) => scope.logger.log("error", "ask_sdk.pending_work_failed", { what, error: describeError(error) }),
    ),
  );
  return promise;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** `trackPendingWork` inside a request; outside one (a test, a script) the promise is returned untouched. */
export function trackIfInRequest<T>(promise: Promise<T>, what: string): Promise<T> {
  let scope: RequestScope;
  try {
    scope = currentRequestScope(what);
  } catch {
    return promise;
  }
  return trackPendingWork(promise, what, scope);
}
