/**
 * A `fetch` stand-in for S3: serves PEM chains for exact URLs (compared after
 * WHATWG URL parsing, as a real server would see them) with status 200 and
 * content-type application/x-pem-file, and 404 for everything else. Used in
 * tests (pass it to the verifier or spy `globalThis.fetch` with it) and by the
 * dev server in place of the real echo.api bucket.
 */
import type { SigningMaterial } from "./sign.js";

/**
 * A fetch that serves `pemByUrl[url]` and 404s otherwise.
 * @example
 * const fetchChain = createChainFetch({ [kit.chainUrl]: kit.chainPem });
 * await verifyAlexaRequest(request, { trustAnchors: kit.anchorsPem, fetch: fetchChain });
 */
export function createChainFetch(pemByUrl: Readonly<Record<string, string>>): typeof fetch {
  const served = new Map<string, string>();
  for (const [url, pem] of Object.entries(pemByUrl)) {
    const key = canonicalUrl(url);
    if (key !== undefined) served.set(key, pem);
  }
  return async (input: RequestInfo | URL): Promise<Response> => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : String(input);
    const key = canonicalUrl(url);
    const pem = key === undefined ? undefined : served.get(key);
    if (pem === undefined) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
    return new Response(pem, { status: 200, headers: { "content-type": "application/x-pem-file" } });
  };
}

/**
 * A chain fetch serving each kit's chain at its chain URL (later kits win on a shared URL).
 * @example
 * await verifyAlexaRequest(request, { trustAnchors: kit.anchorsPem, fetch: createKitChainFetch(kit) });
 */
export function createKitChainFetch(...kits: readonly (SigningMaterial & { readonly chainPem: string })[]): typeof fetch {
  return createChainFetch(Object.fromEntries(kits.map((kit) => [kit.chainUrl, kit.chainPem])));
}

function canonicalUrl(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
