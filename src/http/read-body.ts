/**
 * Reads a request body into memory with a hard byte cap. The declared
 * Content-Length is checked first (cheap rejection), then the stream itself is
 * counted by the verifier's capped reader, because chunked bodies carry no
 * length and a declared length can lie. Over the cap is a 413; a body that
 * breaks off mid-stream is the verifier's `body-unreadable` (a generic 400).
 */
import { fail } from "../verify/errors.js";
import { readStreamCapped } from "../verify/read-capped.js";
import { HttpError } from "../shared/http-error.js";

export async function readBodyWithCap(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    throw new HttpError(413, "payload-too-large", `content-length ${declared} exceeds ${maxBytes}`);
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readStreamCapped(request.body, maxBytes);
  } catch (error) {
    return fail("body-unreadable", String(error));
  }
  if (bytes === undefined) throw new HttpError(413, "payload-too-large", `streamed body exceeds ${maxBytes} bytes`);
  return bytes;
}
