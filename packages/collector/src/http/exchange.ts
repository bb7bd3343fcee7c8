import { HttpError } from './http-error.js';
import { readLimitedText } from './read-body.js';

/**
 * One request as the collector's logic needs it, whatever server it came from: the fetch-style
 * handler adapts a `Request` to it, and the Node adapter adapts an `IncomingMessage` directly,
 * without building a `Request` (which costs more than the rest of a small request).
 */
export interface Incoming {
  readonly method: string;
  readonly url: URL;
  /** A request header, or null. Names are case-insensitive. */
  header(name: string): string | null;
  /** The body as UTF-8 text; 413 past `limit` bytes, 400 if the client hangs up mid-body. */
  text(limit: number): Promise<string>;
}

/** One answer, as plain data: the adapters turn it into a `Response` or a Node write. */
export interface Outgoing {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Text, nothing, or text produced as the client reads it (an export), never held whole. */
  readonly body: string | null | AsyncIterable<string>;
}

export function jsonOutgoing(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Outgoing {
  return {
    status,
    headers: {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: JSON.stringify(body),
  };
}

export function errorOutgoing(error: HttpError, headers: Record<string, string> = {}): Outgoing {
  const body = {
    error: error.code,
    message: error.message,
    ...(error.issues ? { issues: error.issues } : {}),
  };
  return jsonOutgoing(error.status, body, { ...headers, ...error.headers });
}

export function fromRequest(request: Request): Incoming {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name),
    async text(limit) {
      const declared = request.headers.get('content-length');
      const trusted = request.headers.has('transfer-encoding') ? null : declared;
      if (request.body === null) return '';
      return readLimitedText(request.body, trusted, limit);
    },
  };
}

export function toResponse(outgoing: Outgoing): Response {
  const { body } = outgoing;
  return new Response(typeof body === 'string' || body === null ? body : streamOf(body), {
    status: outgoing.status,
    headers: outgoing.headers,
  });
}

/** A web stream that pulls the next chunk only when the reader wants it. */
function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export { HttpError };
