/**
 * The one "is this local development" rule. A request addressed to a loopback host
 * (`localhost`, `127.0.0.1`, `[::1]`) comes from `wrangler dev`, `skillflare simulate` or the
 * Workers test pool, never from Alexa, which only calls public https endpoints. For such
 * requests, and only those, the Worker trusts the dev CA from `.dev.vars`, throws on response
 * checks instead of logging, puts the reason of a 500 in its body, and serves the local console
 * (/_skillflare/). `wrangler dev` rewrites every request's URL to its loopback upstream, even
 * one from another machine when it listens on a LAN address (`--ip 0.0.0.0`), but it says who
 * connected in `CF-Connecting-IP`: when that header is present it must be a loopback address
 * too. (On Cloudflare it is always the real client's address, set by the edge.) Everything that
 * behaves differently in development asks this function; nothing else decides it. The verdict
 * is kept per Request object (the verifier choice, the body cap and the skill's checks all ask
 * for the same POST). An incoming request's URL and headers cannot change; for a Request built
 * by hand, the first answer stands even if its headers are edited afterwards.
 */

import { requestUrl } from "./request-url.js";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** 127.0.0.0/8, ::1, and IPv4-mapped 127.x (::ffff:127.0.0.1). */
function isLoopbackAddress(address: string): boolean {
  const ip = address.trim().toLowerCase();
  return ip === "::1" || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(ip);
}

/**
 * True when `request` is addressed to a loopback host and, if it says who connected, came
 * from a loopback address (local development).
 * @example
 * isLocalDevelopmentRequest(new Request("http://localhost:8787/")); // true
 * isLocalDevelopmentRequest(new Request("https://skill.example.com/")); // false
 * isLocalDevelopmentRequest(new Request("http://localhost:8787/", { headers: { "CF-Connecting-IP": "192.168.1.20" } })); // false
 */
export function isLocalDevelopmentRequest(request: Request): boolean {
  let local = verdicts.get(request);
  if (local === undefined) {
    local = isAddressedAndSentLocally(request);
    verdicts.set(request, local);
  }
  return local;
}

const verdicts = new WeakMap<Request, boolean>();

function isAddressedAndSentLocally(request: Request): boolean {
  if (!LOOPBACK_HOSTS.has(requestUrl(request).hostname)) return false;
  const client = request.headers.get("CF-Connecting-IP");
  return client === null || isLoopbackAddress(client);
}
