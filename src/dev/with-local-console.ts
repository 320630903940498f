/**
 * `withLocalConsole(worker)`: the local console at /_skillflare/ around a createAlexaWorker
 * Worker. It answers console paths (the page, its assets, the turn API; a 404 unless the
 * request is loopback and SKILLFLARE_DEV_KIT is set, exactly as src/console/route.ts decides)
 * and hands every other request to the Worker unchanged; the console's turns are dev-signed
 * requests into that same Worker's fetch. `skillflare dev` wraps the project's default export
 * in it through a generated entry (cli/dev/dev-entry.ts), so the console and the virtual Alexa
 * it runs are bundled for `wrangler dev` only, never for `wrangler deploy` (docs/dev-entry.md).
 */
import { type ConsoleHook, consoleHookOf } from "../http/console-hook.js";
import { handleConsoleRequest, isConsolePath } from "../console/route.js";
import { readD1Attributes } from "../console/persistent-view.js";
import type { ConsoleEnv } from "../console/dev-config.js";
import { HttpError } from "../shared/http-error.js";

type Fetch<E> = (request: Request, env: E, executionContext: ExecutionContext) => Promise<Response> | Response;

function consoleFetch<E extends ConsoleEnv>(inner: Fetch<E>, hook: ConsoleHook<E>): Fetch<E> {
  return async (request, env, executionContext) => {
    if (!isConsolePath(new URL(request.url).pathname)) return inner(request, env, executionContext);
    try {
      return await handleConsoleRequest(request, env, {
        selfFetch: async (turn) => inner(turn, env, executionContext),
        skillPath: hook.skillPath,
        readPersistent: hook.readPersistent ?? readD1Attributes,
      });
    } catch (error) {
      const httpError = HttpError.from(error);
      if (httpError.status >= 500) hook.logger.log("error", "request_failed", { code: httpError.code, status: httpError.status, detail: httpError.logDetail });
      return httpError.toResponse();
    }
  };
}

/**
 * The Worker with the local console in front of it, or the Worker itself (and one log line
 * saying so) when it has no console to serve: not made by `createAlexaWorker`, or made with
 * `console: false`. Every other handler of the Worker (scheduled, queue, ...) is kept.
 * @example
 * // what `skillflare dev` generates in .skillflare/dev-entry.js
 * import * as project from "../src/index.ts";
 * import { withLocalConsole } from "skillflare/dev";
 * export * from "../src/index.ts";
 * export default withLocalConsole(project.default);
 */
export function withLocalConsole<H>(worker: H): H {
  const hook = consoleHookOf<ConsoleEnv>(worker);
  if (hook === undefined) {
    console.log("[skillflare] no local console at /_skillflare/: the default export is not a createAlexaWorker Worker, or it sets console: false");
    return worker;
  }
  const inner = (worker as { fetch: Fetch<ConsoleEnv> }).fetch.bind(worker);
  const wrapped = { ...(worker as object), fetch: consoleFetch(inner, hook) };
  return Object.setPrototypeOf(wrapped, Object.getPrototypeOf(worker) as object | null) as H;
}
