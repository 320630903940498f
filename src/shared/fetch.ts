/**
 * The one fetch signature the library takes wherever it makes an outbound request (the
 * verifier's certificate-chain download, the Alexa service APIs, ask-sdk's ApiClient): a URL
 * string and a `RequestInit`, answering a `Response`. Narrower than the global `fetch`, so a
 * test stand-in or a service binding's `fetch` fits without casts. Layer-neutral.
 */

/**
 * An outbound fetch: the global `fetch`, a service binding's, or a test stand-in.
 * @example
 * const fetchChain: FetchLike = async (url) => new Response(pemFor(url));
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The runtime's global `fetch`, looked up on each call (so a later spy or polyfill is used).
 * @example
 * const response = await globalFetch("https://api.amazonalexa.com/v1/directives", { method: "POST" });
 */
export const globalFetch: FetchLike = (input, init) => fetch(input, init);
