/**
 * A `fetch`-based ApiClient for ask-sdk-core skills (`SkillBuilders.custom().withApiClient(
 * createFetchApiClient())`). ask-sdk-core's own DefaultApiClient uses Node's http/https
 * modules; this one uses the Worker's fetch, so the SDK's service clients (directive,
 * reminders, ...) work in workerd. It implements ask-sdk-model's `services.ApiClient`: like the
 * SDK's client it resolves for every HTTP status and leaves status handling to the caller.
 */
import type { services } from "ask-sdk-model";
import { globalFetch, type FetchLike } from "../shared/fetch.js";

/**
 * ask-sdk's `ApiClient` over `fetch` (ask-sdk's default client needs Node's `http`).
 * @example
 * SkillBuilders.custom().withApiClient(createFetchApiClient()).addRequestHandlers(handler).create();
 */
export function createFetchApiClient(fetchFunction: FetchLike = globalFetch): services.ApiClient {
  return {
    async invoke(request) {
      const headers = new Headers();
      for (const { key, value } of request.headers) headers.append(key, value);
      const init: RequestInit = { method: request.method, headers };
      if (request.body !== undefined) init.body = request.body;
      const response = await fetchFunction(request.url, init);
      const responseHeaders: { key: string; value: string }[] = [];
      response.headers.forEach((value, key) => responseHeaders.push({ key, value }));
      return { statusCode: response.status, headers: responseHeaders, body: await response.text() };
    },
  };
}
