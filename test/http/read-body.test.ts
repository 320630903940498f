/**
 * The capped body reader: bodies within the cap come back byte-exact, a lying
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

  it("turns a body that breaks off into body-unreadable", async () => {
    await expectRejection(readBodyWithCap(post(streamOf([new Uint8Array(1)], true)), 10), "body-unreadable");
  });
});
