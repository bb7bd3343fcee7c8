import { HttpError } from './http-error.js';

/**
 * Reads a body as UTF-8 text, refusing more than `limit` bytes. `declaredLength` (the request's
 * `Content-Length`, passed only when no `Transfer-Encoding` is present) allows an early refusal;
 * the streamed bytes are counted either way, so a body that lies about its length is still cut
 * off at the limit. Works on web streams, on Node's request streams, and on bytes a body parser
 * already read. A stream that fails with an `HttpError` (a body that cannot be had: 500) fails
 * the read with it.
 */
export async function readLimitedText(
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStream<Uint8Array>,
  declaredLength: string | null | undefined,
  limit: number,
): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, 'payload_too_large', `The body must be at most ${limit} bytes.`, {
      headers: { connection: 'close' },
    });
  if (declaredLength != null && Number(declaredLength) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const iterable = body instanceof ReadableStream ? iterate(body) : body;
  try {
    for await (const chunk of iterable) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client hung up mid-body: its fault, not ours, and nothing was stored.
    throw new HttpError(400, 'body_incomplete', 'The request body ended before it was complete.');
  }
  const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : concat(chunks, size);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The body is not valid UTF-8.');
  }
}

/** A web stream as an async iterable that cancels the stream when the loop stops early. */
async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
