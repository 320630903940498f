/**
 * The chain download on its own: only the validated URL, no redirects, a
 * timeout that also covers a body that stalls, a size cap enforced while
 * streaming (a lying Content-Length cannot get past it), non-2xx is failure.
 * Seed 002, "Check the request signature" step 2 ("Download the PEM-encoded
 * X.509 certificate chain using the URL"), and DESIGN step 3.
 */
import { describe, expect, it } from "vitest";
import { downloadChain, type FetchLike } from "../../src/verify/download-chain.js";
import { expectRejection } from "./helpers/requests.js";

const URL_OK = "https://s3.amazonaws.com/echo.api/echo-api-cert-7.pem";
const LIMITS = { timeoutMs: 200, maxBytes: 1024 };

function streamOf(chunks: Uint8Array[], onCancel?: () => void, stallAfter = false): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next !== undefined) controller.enqueue(next);
      else if (!stallAfter) controller.close();
      else return new Promise(() => {});
      return undefined;
    },
    cancel() {
      onCancel?.();
    },
  });
}

describe("downloadChain", () => {
  it("fetches exactly the given URL with GET, redirect manual and an abort signal", async () => {
    const seen: [string, RequestInit][] = [];
    const fetchChain: FetchLike = async (url, init) => {
      seen.push([url, init]);
      return new Response("pem text");
    };
    expect(await downloadChain(URL_OK, fetchChain, LIMITS)).toBe("pem text");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toBe(URL_OK);
    expect(seen[0]?.[1].redirect).toBe("manual");
    expect(seen[0]?.[1].method).toBe("GET");
    expect(seen[0]?.[1].signal).toBeInstanceOf(AbortSignal);
  });

  it.each([301, 302, 307, 308, 304, 400, 403, 404, 500, 503])("HTTP %i is chain-download-failed", async (status) => {
    const body = status === 304 ? null : "x";
    await expectRejection(downloadChain(URL_OK, async () => new Response(body, { status }), LIMITS), "chain-download-failed");
  });

  it("an opaque redirect (status 0, as browsers report redirect: manual) is chain-download-failed", async () => {
    const opaque = { status: 0, headers: new Headers(), body: null } as unknown as Response;
    await expectRejection(downloadChain(URL_OK, async () => opaque, LIMITS), "chain-download-failed");
  });

  it("a thrown fetch is chain-download-failed", async () => {
    await expectRejection(downloadChain(URL_OK, async () => { throw new TypeError("DNS"); }, LIMITS), "chain-download-failed");
  });

  it("headers that never come are chain-download-timeout, and the fetch is aborted", async () => {
    let aborted = false;
    const hang: FetchLike = (_url, init) =>
      new Promise(() => init.signal?.addEventListener("abort", () => (aborted = true)));
    await expectRejection(downloadChain(URL_OK, hang, { ...LIMITS, timeoutMs: 30 }), "chain-download-timeout");
    expect(aborted).toBe(true);
  });

  it("a body that stalls after the headers is chain-download-timeout", async () => {
    const stalling: FetchLike = async () => new Response(streamOf([new Uint8Array([0x41])], undefined, true));
    await expectRejection(downloadChain(URL_OK, stalling, { ...LIMITS, timeoutMs: 30 }), "chain-download-timeout");
  });

  it("a declared Content-Length over the cap is chain-too-large", async () => {
    const big: FetchLike = async () => new Response("x", { headers: { "content-length": "999999" } });
    await expectRejection(downloadChain(URL_OK, big, LIMITS), "chain-too-large");
  });

  it("a streamed body over the cap is chain-too-large even when Content-Length lies", async () => {
    let cancelled = false;
    const chunks = Array.from({ length: 10 }, () => new Uint8Array(200).fill(0x41));
    const liar: FetchLike = async () => new Response(streamOf(chunks, () => (cancelled = true)), { headers: { "content-length": "10" } });
    await expectRejection(downloadChain(URL_OK, liar, LIMITS), "chain-too-large");
    expect(cancelled).toBe(true);
  });

  it("a body of exactly the cap is accepted", async () => {
    const exact: FetchLike = async () => new Response("A".repeat(LIMITS.maxBytes));
    expect(await downloadChain(URL_OK, exact, LIMITS)).toHaveLength(LIMITS.maxBytes);
  });

  it("a body that is not UTF-8 is invalid-pem", async () => {
    const binary: FetchLike = async () => new Response(new Uint8Array([0x30, 0x82, 0xff, 0xfe]));
    await expectRejection(downloadChain(URL_OK, binary, LIMITS), "invalid-pem");
  });

  it("a body stream that errors is chain-download-failed", async () => {
    const broken: FetchLike = async () =>
      new Response(new ReadableStream({ pull: (controller) => controller.error(new Error("reset")) }));
    await expectRejection(downloadChain(URL_OK, broken, LIMITS), "chain-download-failed");
  });
});
