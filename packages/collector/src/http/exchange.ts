import { HttpError } from './http-error.js';
import { readLimitedText } from './read-body.js';

/**
 * One request as the collector's logic needs it, whatever server it came from: the fetch-style
 * handler adapts a `Request` to it, and the Node adapter adapts an `IncomingMessage` directly,
 * without building a `Request` (which costs more than the rest of a small request).
 */
export interface Incoming {
  readonly method: string;
  /**
   * The URL the client asked for: its target as sent (never with `.`/`..` segments resolved) and
   * its authority (the Host header, or an absolute-form target's). The fetch path takes the
   * `Request`'s URL, which whoever built it has already parsed and normalised.
   */
  readonly url: URL;
  /**
   * The prefix of `url.pathname` that a framework routed on before the collector (Express's mount
   * path under `app.use('/b', …)`), or undefined: routes are matched with or without it.
   */
  readonly mountPath?: string;
  /** A request header, or null. Names are case-insensitive. */
  header(name: string): string | null;
  /**
   * The body as UTF-8 text; 413 past `limit` bytes, 400 if the client hangs up mid-body, 500 if a
   * body parser before the collector consumed it and left nothing usable.
   */
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

/**
 * A fetch `Request` as an `Incoming`. Its URL was parsed by whoever built the `Request` (the
 * runtime, or a framework such as Hono or its Node adapter), and the WHATWG URL parser has
 * already resolved `.`/`..` segments, percent-encoded ones included: `/v1/responses/%2e%2e/results`
 * arrives as `/results`. Only the Node adapter (`toNodeListener`) sees the raw target and refuses
 * such paths; behind a fetch runtime, rely on it or on the proxy in front to do so.
 */
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
