/**
 * The capped body reader: bodies within the cap come back byte-exact, whether
 * read whole (declared length, no encoding) or counted while streaming; a lying
 * or absent Content-Length cannot get more than the cap in (413), and a stream
 * that breaks off is the verifier's `body-unreadable` (a generic 400), not a 500.
 */
import { describe, expect, it } from "vitest";
import { HttpError } from "../../src/shared/http-error.js";
import { readBodyWithCap } from "../../src/http/read-body.js";
import { expectRejection } from "../verify/helpers/requests.js";

function streamOf(chunks: readonly Uint8Array[], failAtEnd = false): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (failAtEnd) controller.error(new Error("client went away"));
      else controller.close();
    },
  });
}

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyWithCap", () => {
  it("returns the exact bytes of a body within the cap, across chunks", async () => {
    const bytes = await readBodyWithCap(post(streamOf([new Uint8Array([1, 2]), new Uint8Array([3])])), 3);
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it("rejects a declared length over the cap with 413", async () => {
    const error = await readBodyWithCap(post("abcd", { "content-length": "4" }), 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(413);
  });

  it("rejects a streamed body over the cap with 413 even without Content-Length", async () => {
    const error = await readBodyWithCap(post(streamOf([new Uint8Array(2), new Uint8Array(2)])), 3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(413);
  });

  it("reads a body of its declared length byte-exact, across chunks", async () => {
    expect(new TextDecoder().decode(await readBodyWithCap(post("abc", { "content-length": "3" }), 3))).toBe("abc");
    const chunked = await readBodyWithCap(post(streamOf([new Uint8Array([1, 2]), new Uint8Array([3])]), { "content-length": "3" }), 10);
    expect([...chunked]).toEqual([1, 2, 3]);
  });

  /** A body that never ends (50 chunks of 2 bytes), counting how much was pulled and whether it was cancelled. */
  function endless(type?: "bytes") {
    const seen = { pulled: 0, cancelled: false };
    const source = {
      pull(controller: ReadableStreamDefaultController<Uint8Array> | ReadableByteStreamController) {
        seen.pulled++;
        controller.enqueue(new Uint8Array(2));
        if (seen.pulled === 50) controller.close();
      },
      cancel() {
        seen.cancelled = true;
      },
    };
    const stream = type === "bytes" ? new ReadableStream({ ...source, type }) : new ReadableStream<Uint8Array>(source as UnderlyingSource<Uint8Array>);
    return { stream: stream as ReadableStream<Uint8Array>, seen };
  }

  it("refuses a body longer than it declares, even within the cap, reading no further (a byte stream, as the network's)", async () => {
    // What a Content-Length next to a chunked body (Transfer-Encoding) looks like to the Worker.
    const { stream, seen } = endless("bytes");
    const error = await readBodyWithCap(post(stream, { "content-length": "2" }), 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(413);
    expect(seen.cancelled, "cancelled past the declared length").toBe(true);
    expect(seen.pulled, "read no further than the declared length").toBeLessThan(5);
  });

  it("counts a declared body to the cap when its stream has no BYOB reader (a Request built in-process)", async () => {
    const { stream, seen } = endless();
    const error = await readBodyWithCap(post(stream, { "content-length": "2" }), 20).catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(413);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(15);
  });

  describe("with an overflow drain (local development: wrangler dev exits when an upload is answered early)", () => {
    const drain = { maxBytes: 40, readTimeoutMs: 200 };

    it("reads the rest of a body over the cap to its end before the 413", async () => {
      for (const type of [undefined, "bytes"] as const) {
        const { stream, seen } = endless(type);
        const headers: Record<string, string> = type === "bytes" ? { "content-length": "2" } : {};
        const error = await readBodyWithCap(post(stream, headers), 3, { ...drain, maxBytes: 1000 }).catch((e: unknown) => e);
        expect((error as HttpError).status, String(type)).toBe(413);
        expect(seen.pulled, "read to its end").toBe(50);
        expect(seen.cancelled).toBe(false);
      }
    });

    it("cancels past the drain's byte bound", async () => {
      const { stream, seen } = endless();
      const error = await readBodyWithCap(post(stream), 3, drain).catch((e: unknown) => e);
      expect((error as HttpError).status).toBe(413);
      expect(seen.cancelled).toBe(true);
      expect(seen.pulled).toBeLessThan(40);
    });

    it("cancels a rest that stops arriving, after one read's timeout", async () => {
      let cancelled = false;
      const stalls = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(4));
        },
        cancel() {
          cancelled = true;
        },
      });
      const started = Date.now();
      const error = await readBodyWithCap(post(stalls), 3, drain).catch((e: unknown) => e);
      expect((error as HttpError).status).toBe(413);
      expect(cancelled).toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  it("counts a body whose Content-Length is empty or not digits while it streams", async () => {
    for (const declared of ["", "3.0", "+3", " 3"]) {
      expect(new TextDecoder().decode(await readBodyWithCap(post(streamOf([new TextEncoder().encode("abc")]), { "content-length": declared }), 10)), declared).toBe("abc");
    }
  });

  it("counts an encoded body while it streams, whatever length it declares", async () => {
    // A runtime may expand an encoded body: it is counted while it streams and cancelled at the cap, never read whole first.
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(2));
        if (pulled === 50) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const error = await readBodyWithCap(post(endless, { "content-length": "2", "content-encoding": "gzip" }), 3).catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(413);
    expect(cancelled, "cancelled at the cap").toBe(true);
    expect(pulled, "not read to the end").toBeLessThan(50);
    const within = await readBodyWithCap(post(streamOf([new Uint8Array([7]), new Uint8Array([8])]), { "content-length": "2", "content-encoding": "gzip" }), 3);
    expect([...within]).toEqual([7, 8]);
  });

  it("turns a body that breaks off into body-unreadable, with or without a declared length", async () => {
    await expectRejection(readBodyWithCap(post(streamOf([new Uint8Array(1)], true), { "content-length": "5" }), 10), "body-unreadable");
  });

  it("turns a body that breaks off into body-unreadable", async () => {
    await expectRejection(readBodyWithCap(post(streamOf([new Uint8Array(1)], true)), 10), "body-unreadable");
  });
});
