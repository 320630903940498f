/**
 * The local console's routes under `/_skillflare/`: the page, its script and style sheet
 * (same origin, no CDN, nothing for the user to build) and the JSON API. Loopback only, and
 * only where the dev signing kit is configured (`.dev.vars`): any other request gets exactly
 * the Worker's ordinary 404, so the console's existence is not even visible from outside. Only
 * `withLocalConsole` (src/dev/, what `skillflare dev` runs) calls this; a deployed Worker does
 * not contain it. The loopback rule is local-development.ts's, the one place that decides what
 * local development means.
 */
import { DEV_USER_ID } from "../devkit/index.js";
import { isLocalDevelopmentRequest } from "../http/local-development.js";
import { HttpError } from "../shared/http-error.js";
import { ConsoleInputError, handleTurnCall, type TurnCall } from "./api.js";
import { ConsoleConfigError, consoleConfigFor, hasDevKit, type ConsoleEnv } from "./dev-config.js";
import { consolePage } from "./page-html.js";
import { PAGE_RENDER_SCRIPT } from "./page-render-script.js";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_STYLE } from "./page-style.js";

/** Where the console lives on the Worker's host. */
export const CONSOLE_PATH = "/_skillflare/";

export type ConsoleRouteSettings<E> = Omit<TurnCall<E>, "config" | "env">;

/** True for `/_skillflare` and everything under it. */
export function isConsolePath(pathname: string): boolean {
  return pathname === "/_skillflare" || pathname.startsWith(CONSOLE_PATH);
}

const SECURITY_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const PAGE_HEADERS = {
  ...SECURITY_HEADERS,
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'self'; img-src 'self' https: data:; media-src 'self' https:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
};

function asset(body: string, contentType: string): Response {
  return new Response(body, { headers: { ...SECURITY_HEADERS, "content-type": contentType } });
}

function onlyMethod(request: Request, method: string): void {
  if (request.method !== method && !(method === "GET" && request.method === "HEAD")) {
    throw new HttpError(405, "method-not-allowed", `${request.method} ${new URL(request.url).pathname}`, { headers: { Allow: method } });
  }
}

async function pageResponse(env: ConsoleEnv): Promise<Response> {
  try {
    const config = await consoleConfigFor(env);
    return new Response(consolePage({ locales: Object.keys(config.models), userId: DEV_USER_ID }), { headers: PAGE_HEADERS });
  } catch (error) {
    if (!(error instanceof ConsoleConfigError)) throw error;
    return new Response(consolePage({ locales: [], userId: DEV_USER_ID, problem: error.message }), { status: 503, headers: PAGE_HEADERS });
  }
}

async function apiResponse<E extends ConsoleEnv>(request: Request, env: E, settings: ConsoleRouteSettings<E>): Promise<Response> {
  try {
    const config = await consoleConfigFor(env);
    return await handleTurnCall(request, { ...settings, config, env });
  } catch (error) {
    // The caller is the developer on loopback: the reason goes in the body (`detail`).
    if (error instanceof ConsoleInputError) return new HttpError(400, "bad-request", error.message).toResponse({ exposeDetail: true });
    if (error instanceof ConsoleConfigError) return new HttpError(503, "service-unavailable", error.message).toResponse({ exposeDetail: true });
    throw error;
  }
}

/** Answers a request for a console path (see `isConsolePath`); a 404 unless loopback with a dev kit. */
export async function handleConsoleRequest<E extends ConsoleEnv>(request: Request, env: E, settings: ConsoleRouteSettings<E>): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!isLocalDevelopmentRequest(request) || !hasDevKit(env)) throw new HttpError(404, "not-found", `${request.method} ${pathname}`);
  switch (pathname) {
    case "/_skillflare":
      return new Response(null, { status: 308, headers: { location: CONSOLE_PATH } });
    case CONSOLE_PATH:
      onlyMethod(request, "GET");
      return pageResponse(env);
    case `${CONSOLE_PATH}console.js`:
      onlyMethod(request, "GET");
      return asset(PAGE_SCRIPT, "text/javascript; charset=utf-8");
    case `${CONSOLE_PATH}render.js`:
      onlyMethod(request, "GET");
      return asset(PAGE_RENDER_SCRIPT, "text/javascript; charset=utf-8");
    case `${CONSOLE_PATH}console.css`:
      onlyMethod(request, "GET");
      return asset(PAGE_STYLE, "text/css; charset=utf-8");
    case `${CONSOLE_PATH}api/turn`:
      onlyMethod(request, "POST");
      return apiResponse(request, env, settings);
    default:
      throw new HttpError(404, "not-found", `${request.method} ${pathname}`);
  }
}
