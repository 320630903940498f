/**
 * A request's parsed URL, parsed once per Request object. Routing, the local-development rule
 * and the handlers' origin all read it for the same POST; each `new URL(request.url)` was a
 * native parse of its own. The URL handed back is shared: read it, never change it.
 */
const parsed = new WeakMap<Request, URL>();

/**
 * The request's URL, parsed on the first call for this Request and shared after.
 * @example
 * if (requestUrl(request).pathname === "/") return handleAlexaPost(request, context, settings);
 */
export function requestUrl(request: Request): URL {
  let url = parsed.get(request);
  if (url === undefined) {
    url = new URL(request.url);
    parsed.set(request, url);
  }
  return url;
}
