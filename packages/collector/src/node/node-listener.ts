import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CollectorHandler, HANDLE, type RequestContext } from '../http/create-collector.js';
import { errorOutgoing, type Incoming, type Outgoing } from '../http/exchange.js';
import { HttpError } from '../http/http-error.js';
import { readLimitedText } from '../http/read-body.js';
import { requestTargetUrl } from '../http/request-target.js';
import { bodyWasRead, parsedBodyBytes } from './parsed-body.js';

export interface NodeListenerOptions {
  /**
   * The client's address, for rate limits and credential throttling. Default: the socket's peer
   * address. Behind a proxy every request comes from the proxy: pass the address it forwarded,
   * e.g. Express's `(req) => req.ip` with `app.set('trust proxy', …)`.
   */
  readonly clientAddress?: (req: IncomingMessage) => string | undefined;
}

/**
 * Adapts a fetch-style handler to Node's `http.createServer` listener, or to a framework that
 * passes Node's request on (Express, Connect, Fastify's `raw`).
 * The request body is streamed into the `Request` (never buffered here), so the handler's body
 * limit applies before anything large is held in memory; a body a framework's parser already
 * read is taken from `req.body` instead and checked the same way.
 */
export function toNodeListener(
  handler: CollectorHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const clientAddress = options.clientAddress ?? ((req) => req.socket.remoteAddress);
  return (req, res) => {
    handle(handler, req, res, clientAddress(req)).catch((error: unknown) => {
      // Only a failure to write the response lands here (the client went away): nothing to answer.
      res.destroy(error instanceof Error ? error : undefined);
    });
  };
}

async function handle(
  handler: CollectorHandler,
  req: IncomingMessage,
  res: ServerResponse,
  clientAddress: string | undefined,
): Promise<void> {
  let url: URL;
  try {
    url = requestUrl(req);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // The request line or its Host is not to be trusted: answer, and let no other request follow.
    const outgoing = errorOutgoing(error, { connection: 'close' });
    return writeOutgoing(outgoing, req, res);
  }
  const context = clientAddress === undefined ? {} : { clientAddress };
  const direct = handler[HANDLE];
  if (direct !== undefined) return handleDirect(direct, toIncoming(req, url), context, req, res);
  const request = toRequest(req, url);
  const response = await handler(request, context);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (mustClose(req, response.status)) headers.connection = 'close';
  if (response.body === null || req.method === 'HEAD') {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const first = await reader.read();
  const second = first.done ? first : await reader.read();
  if (second.done) {
    // A body in one piece (every JSON answer): one write with its length. Headers, a chunk and
    // the chunked terminator as separate small writes cost a delayed-ACK round trip each.
    const body = first.done ? undefined : first.value;
    headers['content-length'] = String(body?.byteLength ?? 0);
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  res.write(first.value);
  let next: Awaited<ReturnType<typeof reader.read>> = second;
  while (!next.done) {
    if (!res.write(next.value)) {
      // Wait for the socket to drain, or to go away: a vanished client must not hang us.
      await new Promise((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
      if (res.destroyed) return;
    }
    next = await reader.read();
  }
  res.end();
}

/**
 * The collector itself (not wrapped in another handler): it gets the request as data, and no
 * `Request` or `Response` is built — on Node 20 they cost more than the rest of a small request.
 */
async function handleDirect(
  direct: NonNullable<CollectorHandler[typeof HANDLE]>,
  incoming: Incoming,
  context: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  return writeOutgoing(await direct(incoming, context), req, res);
}

async function writeOutgoing(
  outgoing: Outgoing,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers: Record<string, string> = { ...outgoing.headers };
  if (mustClose(req, outgoing.status)) headers.connection = 'close';
  if (outgoing.body === null) {
    res.writeHead(outgoing.status, headers).end();
    return;
  }
  if (typeof outgoing.body !== 'string') {
    await writeStreamed(outgoing.body, outgoing.status, headers, req, res);
    return;
  }
  const body = Buffer.from(outgoing.body, 'utf8');
  headers['content-length'] = String(body.byteLength);
  res.writeHead(outgoing.status, headers).end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Writes chunks as the client takes them (waiting for `drain`), and stops producing them when
 * the client goes away; a failure mid-body can only cut the connection (the status is sent).
 */
async function writeStreamed(
  chunks: AsyncIterable<string>,
  status: number,
  headers: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let gone = false;
  res.once('close', () => {
    gone = true;
    res.emit('drain'); // wake a writer waiting for a drain that will not come
  });
  try {
    for await (const chunk of chunks) {
      if (gone) break;
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (gone) break;
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/** A refused body (413, or any error before it was read) may still be arriving: close instead of draining it. */
function mustClose(req: IncomingMessage, status: number): boolean {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return status === 413 || (hasBody && !req.complete && status >= 400);
}

function toIncoming(req: IncomingMessage, url: URL): Incoming {
  const mountPath = mountPathOf(req);
  return {
    method: req.method ?? 'GET',
    url,
    ...(mountPath === undefined ? {} : { mountPath }),
    header(name) {
      const key = name.toLowerCase();
      // The authority an absolute-form target names, not the Host it overrides (RFC 9112 §3.2.2).
      if (key === 'host') return url.host;
      const value = req.headers[key];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    async text(limit) {
      // A framework's body parser got there first: validate what it read, the same way.
      if (bodyWasRead(req)) return readLimitedText([parsedBodyBytes(req)], undefined, limit);
      // Content-Length is trusted for an early refusal only without Transfer-Encoding.
      const declared =
        req.headers['transfer-encoding'] === undefined ? req.headers['content-length'] : undefined;
      return readLimitedText(req, declared, limit);
    },
  };
}

/** A request as Express (or Connect) passes it on to what is mounted under a path. */
type MountedRequest = IncomingMessage & { originalUrl?: unknown; baseUrl?: unknown };

/**
 * The request's URL, from the target exactly as the client sent it: Express strips its mount
 * path from `req.url` and keeps the whole target in `req.originalUrl`. Nothing in it is
 * resolved (see `requestTargetUrl`); throws an `HttpError` for a target or Host to refuse.
 */
function requestUrl(req: IncomingMessage): URL {
  const { originalUrl } = req as MountedRequest;
  const hosts: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] as string).toLowerCase() === 'host')
      hosts.push(req.rawHeaders[i + 1] as string);
  }
  const { localAddress = '127.0.0.1', localPort = 0 } = req.socket;
  return requestTargetUrl({
    protocol: (req.socket as { encrypted?: boolean }).encrypted ? 'https:' : 'http:',
    target: typeof originalUrl === 'string' ? originalUrl : (req.url ?? '/'),
    hosts,
    httpVersion: req.httpVersion,
    localAuthority: `${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`,
  });
}

/** The path prefix Express routed on before handing the request over, if it did. */
function mountPathOf(req: IncomingMessage): string | undefined {
  const { originalUrl, baseUrl } = req as MountedRequest;
  return typeof originalUrl === 'string' && typeof baseUrl === 'string' && baseUrl !== ''
    ? baseUrl
    : undefined;
}

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  // The authority an absolute-form target names, not the Host it overrides (RFC 9112 §3.2.2).
  headers.set('host', url.host);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  let body: ReadableStream<Uint8Array> | Uint8Array | undefined;
  if (hasBody && bodyWasRead(req)) {
    body = parsedBody(req);
    headers.delete('transfer-encoding');
    if (body instanceof Uint8Array) headers.set('content-length', String(body.byteLength));
  } else if (hasBody) body = bodyStream(req);
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  } as RequestInit);
}

/**
 * What a body parser left in `req.body`, for a handler that reads a `Request`; if nothing usable
 * is left, a stream that fails with the 500 to answer (the collector reads bodies through
 * `readLimitedText`, which passes such an error on).
 */
function parsedBody(req: IncomingMessage): Uint8Array | ReadableStream<Uint8Array> {
  try {
    return parsedBodyBytes(req);
  } catch (error) {
    return new ReadableStream({
      start(controller) {
        controller.error(error);
      },
    });
  }
}

/**
 * The request body as a web stream, pulling from Node only as fast as the handler reads (a
 * lighter bridge than `Readable.toWeb`, which costs a fifth of a small request's time). A client
 * that hangs up mid-body errors the stream, so the handler stops and stores nothing.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (!done) controller.close();
        done = true;
      });
      req.once('close', () => {
        if (!done && !req.complete)
          controller.error(new Error('the client closed the connection mid-body'));
        done = true;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      // The handler refused the body (413): stop reading; the response closes the connection.
      done = true;
      req.pause();
    },
  });
}
