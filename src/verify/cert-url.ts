/**
 * Validates the `SignatureCertChainUrl` header the way Amazon's web-service page
 * prescribes: normalise (drop the fragment, collapse duplicate slashes, remove
 * dot segments), then require scheme https, host s3.amazonaws.com (both
 * case-insensitive), port 443 if one is given, and a path that starts with
 * `/echo.api/` (case-sensitive). We parse the string ourselves rather than
 * trusting WHATWG URL's silent repairs, and are stricter than the page where it
 * costs Alexa nothing: no userinfo, no query string, no whitespace or
 * non-ASCII, no backslashes, and no percent-encoded `.`, `/` or `\` (which
 * servers may decode into dot segments after we have checked the path). The
 * result is the one URL we download and the key we cache under. Alexa sends
 * the same few header values over and over, so accepted values are memoised
 * (bounded, by the exact raw string; the check is a pure function of it).
 * Rejected values are not memoised: they are checked afresh every time.
 */
import { BoundedMemo } from "./bounded-memo.js";
import { fail } from "./errors.js";

const CERT_URL_HOST = "s3.amazonaws.com";
const CERT_URL_PATH_PREFIX = "/echo.api/";
const MAX_CERT_URL_LENGTH = 1024;

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?]*)([^?]*)(\?.*)?$/;
const AUTHORITY_SHAPE = /^([^:]*)(?::(.*))?$/;
const PATH_CHARACTERS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const ENCODED_DOT_OR_SLASH = /%(?:2e|2f|5c)/i;

const MEMOISED_CERT_URLS = 64;
const acceptedUrls = new BoundedMemo<string, string>(MEMOISED_CERT_URLS);

/**
 * Returns the normalised chain URL, or throws `invalid-cert-url`.
 *
 * @example
 * ```ts
 * normaliseCertChainUrl("HTTPS://s3.amazonaws.com:443/echo.api/../echo.api/cert.pem");
 * // "https://s3.amazonaws.com/echo.api/cert.pem"
 * ```
 */
export function normaliseCertChainUrl(raw: string): string {
  return acceptedUrls.get(raw) ?? acceptedUrls.set(raw, checkCertChainUrl(raw));
}

function checkCertChainUrl(raw: string): string {
  const invalid = (why: string): never => fail("invalid-cert-url", `${why}: ${JSON.stringify(raw.slice(0, 200))}`);

  if (raw.length === 0) invalid("empty");
  if (raw.length > MAX_CERT_URL_LENGTH) invalid(`longer than ${MAX_CERT_URL_LENGTH} characters`);
  if (!/^[\x21-\x7e]+$/.test(raw)) invalid("whitespace, control or non-ASCII characters");
  if (raw.includes("\\")) invalid("backslash");

  const withoutFragment = raw.split("#", 1)[0] ?? "";
  const parts = URL_SHAPE.exec(withoutFragment) ?? invalid("not an absolute URL with a host");
  const [, scheme = "", authority = "", path = "", query] = parts;
  if (scheme.toLowerCase() !== "https") invalid("scheme is not https");
  if (query !== undefined) invalid("query string");
  if (authority.includes("@")) invalid("userinfo");

  const [, host = "", port] = AUTHORITY_SHAPE.exec(authority) ?? invalid("bad authority");
  if (host.toLowerCase() !== CERT_URL_HOST) invalid(`host is not ${CERT_URL_HOST}`);
  if (port !== undefined && port !== "443") invalid("port is not 443");

  if (!PATH_CHARACTERS.test(path)) invalid("characters not allowed in a path");
  if (ENCODED_DOT_OR_SLASH.test(path)) invalid("percent-encoded dot, slash or backslash");
  const normalisedPath = removeDotSegments(path.replace(/\/{2,}/g, "/"));
  if (!normalisedPath.startsWith(CERT_URL_PATH_PREFIX)) invalid(`path does not start with ${CERT_URL_PATH_PREFIX}`);

  const normalised = `https://${CERT_URL_HOST}${normalisedPath}`;
  // The URL we fetch must be exactly the one we checked, as WHATWG URL reads it.
  if (new URL(normalised).href !== normalised) invalid("URL parser disagrees with the normalised form");
  return normalised;
}

/** RFC 3986 section 5.2.4 over a path that starts with "/" (or is empty). */
export function removeDotSegments(path: string): string {
  if (path === "") return "";
  const segments = path.split("/").slice(1);
  const output: string[] = [];
  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") output.pop();
      if (isLast) output.push("");
      return;
    }
    output.push(segment);
  });
  return `/${output.join("/")}`;
}
