/**
 * Reads a request body into memory with a hard byte cap. The declared
 * Content-Length is checked first (cheap rejection), then the stream itself is
 * counted, because chunked bodies carry no length and a declared length can lie.
 * Over the cap is a 413; the bytes read so far are discarded.
 */
import { HttpError } from "./http-error.js";

export async function readBodyWithCap(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    throw tooLarge(`content-length ${declared} exceeds ${maxBytes}`);
  }
  if (request.body === null) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`streamed body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function tooLarge(detail: string): HttpError {
  return new HttpError(413, "payload_too_large", detail);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
