import { HttpError } from './http-error.js';

/**
 * Reads a request body as UTF-8 text, refusing more than `limit` bytes. `Content-Length` is
 * trusted for an early refusal only when no `Transfer-Encoding` is present; the streamed bytes
 * are counted either way, so a body that lies about its length is still cut off at the limit.
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, 'payload_too_large', `The body must be at most ${limit} bytes.`, {
      headers: { connection: 'close' },
    });
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding') && Number(declared) > limit) {
    throw tooLarge();
  }
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch {
      // The client hung up mid-body: its fault, not ours, and nothing was stored.
      throw new HttpError(400, 'body_incomplete', 'The request body ended before it was complete.');
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : concat(chunks, size);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The body is not valid UTF-8.');
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
