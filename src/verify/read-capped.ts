/**
 * Reads a byte stream into memory with a hard cap, counting while it streams
 * (a declared Content-Length may lie or be absent). Returns `undefined`, after
 * cancelling the stream (or what `settleRest` does with the rest instead), as
 * soon as the cap is exceeded; stream errors propagate to the caller, who
 * names them.
 */
export async function readStreamCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  settleRest: (reader: ReadableStreamDefaultReader<Uint8Array>) => Promise<void> = (reader) => reader.cancel(),
): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await settleRest(reader);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
