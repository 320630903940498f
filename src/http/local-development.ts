/**
 * The one "is this local development" rule. A request addressed to a loopback host
 * (`localhost`, `127.0.0.1`, `[::1]`) comes from `wrangler dev`, `skillflare simulate` or the
 * Workers test pool, never from Alexa, which only calls public https endpoints. For such
 * requests, and only those, the Worker trusts the dev CA from `.dev.vars`, throws on response
 * checks instead of logging, and puts the reason of a 500 in its body. Everything that behaves
 * differently in development asks this function; nothing else decides it.
 */

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * True when `request` is addressed to a loopback host (local development).
 * @example
 * isLocalDevelopmentRequest(new Request("http://localhost:8787/")); // true
 * isLocalDevelopmentRequest(new Request("https://skill.example.com/")); // false
 */
export function isLocalDevelopmentRequest(request: Request): boolean {
  return LOOPBACK_HOSTS.has(new URL(request.url).hostname);
}
