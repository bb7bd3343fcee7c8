import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next submissions. */
export type FaultMode =
  | { readonly mode: 'pass' }
  /** Answer `status` (with an optional Retry-After) `times` times without forwarding, then pass. */
  | {
      readonly mode: 'fail';
      readonly status: number;
      readonly times: number;
      readonly retryAfter?: string;
    }
  /** Forward (the collector stores the batch), then cut the connection before the answer: `times` times. */
  | { readonly mode: 'drop-after-store'; readonly times: number }
  /** Refuse connections outright (network down) `times` times. */
  | { readonly mode: 'reset'; readonly times: number }
  /** A flaky network: every other submission has its connection cut (before it is forwarded). */
  | { readonly mode: 'flaky' }
  /** A captive portal (or an SPA catch-all): `200 text/html` without forwarding, `times` times. */
  | { readonly mode: 'portal'; readonly times: number }
  /** Redirect submissions to the collector itself with `status` (301, 302…), `times` times. */
  | { readonly mode: 'redirect'; readonly status: number; readonly times: number };

export interface ProxiedRequest {
  readonly at: number;
  readonly ids: readonly string[];
  readonly bytes: number;
  readonly outcome: string;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-expose-headers': 'Retry-After',
};

/**
 * A fault injector in front of the real collector, on loopback: tests tell it (POST /__control)
 * to answer 503 or 429, to cut connections after the collector stored a batch, or to pass, and
 * read what reached it (GET /__log). Everything else is forwarded unchanged.
 */
export async function startFaultProxy(
  target: string,
): Promise<{ url: string; close(): Promise<void> }> {
  let mode: FaultMode = { mode: 'pass' };
  let left = 0;
  let log: ProxiedRequest[] = [];
  let flip = false;

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (url.pathname === '/__control') {
      mode = JSON.parse(body.toString('utf8')) as FaultMode;
      left = 'times' in mode ? mode.times : 0;
      log = [];
      res.writeHead(204, CORS).end();
      return;
    }
    if (url.pathname === '/__log') {
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(log));
      return;
    }
    const ids = idsOf(body);
    // Only submissions are logged: tests read results through the proxy too.
    const record = (outcome: string) => {
      if (url.pathname === '/v1/responses')
        log.push({ at: Date.now(), ids, bytes: body.byteLength, outcome });
    };
    if (url.pathname === '/v1/responses' && mode.mode === 'flaky' && req.method === 'POST') {
      flip = !flip;
      if (flip) {
        record('cut');
        req.socket.destroy();
        return;
      }
    }
    if (url.pathname === '/v1/responses' && left > 0) {
      left -= 1;
      if (mode.mode === 'fail') {
        record(String(mode.status));
        const headers: Record<string, string> = { ...CORS, 'content-type': 'application/json' };
        if (mode.retryAfter !== undefined) headers['retry-after'] = mode.retryAfter;
        res
          .writeHead(mode.status, headers)
          .end(JSON.stringify({ error: 'injected', message: 'injected fault' }));
        return;
      }
      if (mode.mode === 'portal') {
        record('portal 200');
        res
          .writeHead(200, { ...CORS, 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><title>Sign in to the Wi-Fi</title><form>…</form>');
        return;
      }
      if (mode.mode === 'redirect') {
        record(String(mode.status));
        res.writeHead(mode.status, { ...CORS, location: new URL(url.pathname, target).href }).end();
        return;
      }
      if (mode.mode === 'reset') {
        record('reset');
        req.socket.destroy();
        return;
      }
      if (mode.mode === 'drop-after-store') {
        const answer = await forward(target, req, url, body);
        record(`stored ${answer.status}, then dropped`);
        req.socket.destroy();
        return;
      }
    }
    const answer = await forward(target, req, url, body);
    record(String(answer.status));
    res
      .writeHead(answer.status, { ...CORS, ...Object.fromEntries(answer.headers) })
      .end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function idsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { responses?: Array<{ id?: string }> };
    return (parsed.responses ?? []).map((r) => String(r.id));
  } catch {
    return [];
  }
}

async function forward(
  target: string,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
): Promise<Response> {
  const response = await fetch(new URL(url.pathname + url.search, target), {
    method: req.method ?? 'GET',
    headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
    ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
  });
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('access-control-allow-origin');
  headers.delete('vary');
  return new Response(await response.arrayBuffer(), { status: response.status, headers });
}
