/**
 * Outbound calls a Lambda skill starts and does not await (a progressive response, a
 * reminder, ask-sdk's DefaultApiClient, axios): in Lambda they finish while the event loop
 * drains; in a Worker, whatever is still in flight when the response goes out is cancelled.
 * Under `nodejs_compat`, Node's `http`/`https` clients are built on the global `fetch`, so one
 * wrapper around it sees them all. Inside a request scope (request-scope.ts) every call is
 * kept alive with `waitUntil` and logged if it fails; outside one, fetch is untouched. The
 * wrapper is installed once per isolate, by createAlexaWorker, only for ask-sdk and Lambda
 * skills (never on import).
 */
import { runningRequestScope, trackPendingWork } from "./request-scope.js";

const WRAPPED = Symbol.for("skillflare.trackedFetch");

type TrackedFetch = typeof fetch & { [WRAPPED]?: true };

function describeTarget(input: RequestInfo | URL): string {
  if (typeof input === "string") return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** Wraps `globalThis.fetch` (once) so calls made inside a request scope outlive the response. */
export function installFetchTracking(): void {
  const current = globalThis.fetch as TrackedFetch;
  if (current[WRAPPED] === true) return;
  const original = current;
  const tracked: TrackedFetch = function trackedFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const response = original.call(globalThis, input, init);
    const scope = runningRequestScope();
    if (scope !== undefined) {
      const target = describeTarget(input).split("?")[0] ?? "";
      trackPendingWork(response, `fetch ${init?.method ?? "GET"} ${target}`, scope);
    }
    return response;
  } as TrackedFetch;
  tracked[WRAPPED] = true;
  globalThis.fetch = tracked;
}
