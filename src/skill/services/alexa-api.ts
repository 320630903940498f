/**
 * The one way src/skill talks to Alexa's service APIs: `fetch` against the request's
 * `context.System.apiEndpoint`, authorised by its `apiAccessToken` (a Bearer token scoped to
 * this request). Non-2xx answers, network failures and missing credentials become an
 * `AlexaServiceError` with a tagged reason; the status and (truncated) body are kept for logs.
 */

export type AlexaServiceFailure = "missing-api-access" | "network" | "http-status";

export class AlexaServiceError extends Error {
  override readonly name = "AlexaServiceError";

  constructor(
    readonly reason: AlexaServiceFailure,
    message: string,
    readonly status?: number,
    readonly responseBody?: string,
    options?: { cause?: unknown },
  ) {
    super(`${reason}: ${message}`, options);
  }
}

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface AlexaApiTarget {
  readonly apiEndpoint: string | undefined;
  readonly apiAccessToken: string | undefined;
  readonly fetch: FetchFunction;
}

export interface AlexaApiCall {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below the endpoint, starting with "/", e.g. "/v1/directives". */
  readonly path: string;
  readonly body?: unknown;
}

const MAX_LOGGED_BODY_CHARS = 1_000;

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

/** The platform fetch, looked up at call time (so test spies and late polyfills apply). */
export const platformFetch: FetchFunction = (input, init) => fetch(input, init);
