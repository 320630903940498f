/**
 * The one way src/skill talks to Alexa's service APIs: `fetch` against the request's
 * `context.System.apiEndpoint`, authorised by its `apiAccessToken` (a Bearer token scoped to
 * this request). Non-2xx answers, network failures and missing credentials become an
 * `AlexaServiceError` with a tagged `code`; the status and (truncated) body are kept for logs.
 */
import type { FetchLike } from "../../shared/fetch.js";

/**
 * How an Alexa service call failed (`AlexaServiceError.code`).
 */
export type AlexaServiceFailure = "missing-api-access" | "network" | "http-status";

/**
 * A failed call to an Alexa service API; `code` says how it failed, `status` and
 * `responseBody` what Alexa answered (for `http-status`), `cause` the network error.
 * @example
 * try {
 *   await input.services.directives.speak("One moment...");
 * } catch (error) {
 *   if (error instanceof AlexaServiceError && error.code === "http-status") input.logger.log("warn", "speak_failed", { status: error.status });
 * }
 */
export class AlexaServiceError extends Error {
  override readonly name = "AlexaServiceError";

  constructor(
    readonly code: AlexaServiceFailure,
    message: string,
    readonly status?: number,
    readonly responseBody?: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }

  /** @deprecated Renamed `code` (one field name on every skillflare error). */
  get reason(): AlexaServiceFailure {
    return this.code;
  }
}

/** @deprecated The one fetch type is now `FetchLike` (src/shared/fetch.ts); this alias goes in 1.0. */
export type FetchFunction = FetchLike;

/**
 * The request's API endpoint and access token, and the fetch to use.
 */
export interface AlexaApiTarget {
  readonly apiEndpoint: string | undefined;
  readonly apiAccessToken: string | undefined;
  readonly fetch: FetchLike;
}

/**
 * One call to an Alexa service API: method, path, body.
 */
export interface AlexaApiCall {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below the endpoint, starting with "/", e.g. "/v1/directives". */
  readonly path: string;
  readonly body?: unknown;
}

const MAX_LOGGED_BODY_CHARS = 1_000;

/**
 * Calls an Alexa service API at the request's `apiEndpoint` with its `apiAccessToken`; non-2xx,
 * network failures and missing credentials throw an `AlexaServiceError`.
 * @example
 * const response = await callAlexaApi(
 *   { apiEndpoint, apiAccessToken, fetch: globalThis.fetch },
 *   { method: "GET", path: "/v2/accounts/~current/settings/Profile.givenName" },
 * );
 */
export async function callAlexaApi(target: AlexaApiTarget, call: AlexaApiCall): Promise<Response> {
  const { apiEndpoint, apiAccessToken } = target;
  if (!apiEndpoint || !apiAccessToken) {
    throw new AlexaServiceError("missing-api-access", "the request has no context.System.apiEndpoint/apiAccessToken");
  }
  const url = apiEndpoint.replace(/\/+$/, "") + call.path;
  const init: RequestInit = {
    method: call.method,
    headers: { Authorization: `Bearer ${apiAccessToken}`, "Content-Type": "application/json" },
  };
  if (call.body !== undefined) init.body = JSON.stringify(call.body);
  let response: Response;
  try {
    response = await target.fetch(url, init);
  } catch (cause) {
    throw new AlexaServiceError("network", `${call.method} ${call.path} failed: ${String(cause)}`, undefined, undefined, { cause });
  }
  if (!response.ok) {
    const body = (await response.text().catch(() => "")).slice(0, MAX_LOGGED_BODY_CHARS);
    throw new AlexaServiceError("http-status", `${call.method} ${call.path} answered ${response.status}`, response.status, body);
  }
  return response;
}
