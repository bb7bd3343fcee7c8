import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CollectorHandler, HANDLE, type RequestContext } from '../http/create-collector.js';
import type { Incoming } from '../http/exchange.js';
import { readLimitedText } from '../http/read-body.js';

/**
 * Adapts a fetch-style handler to Node's `http.createServer` listener.
 * The request body is streamed into the `Request` (never buffered here), so the handler's body
 * limit applies before anything large is held in memory.
 */
export function toNodeListener(
  handler: CollectorHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(handler, req, res).catch((error: unknown) => {
      // Only a failure to write the response lands here (the client went away): nothing to answer.
      res.destroy(error instanceof Error ? error : undefined);
    });
  };
}

async function handle(
  handler: CollectorHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = requestUrl(req);
  if (url === undefined) {
    res
      .writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      .end('Bad Host header\n');
    return;
  }
  const context =
    req.socket.remoteAddress === undefined ? {} : { clientAddress: req.socket.remoteAddress };
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
  const outgoing = await direct(incoming, context);
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
  return {
    method: req.method ?? 'GET',
    url,
    header(name) {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    text(limit) {
      // Content-Length is trusted for an early refusal only without Transfer-Encoding.
      const declared =
        req.headers['transfer-encoding'] === undefined ? req.headers['content-length'] : undefined;
      return readLimitedText(req, declared, limit);
    },
  };
}

/**
 * The request's URL, or undefined for a Host header that is not a host. The target is a path,
 * taken literally: resolving it as a URL would let `//evil.example/v1/responses` change the host,
 * and with it the same-origin check.
 */
function requestUrl(req: IncomingMessage): URL | undefined {
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  let url: URL;
  try {
    url = new URL(`${protocol}://${req.headers.host ?? 'localhost'}`);
  } catch {
    return undefined;
  }
  const target = req.url ?? '/';
  const query = target.indexOf('?');
  url.pathname = query === -1 ? target : target.slice(0, query);
  url.search = query === -1 ? '' : target.slice(query);
  return url;
}

function toRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
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
