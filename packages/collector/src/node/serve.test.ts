import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectorHandler } from '../http/create-collector.js';
import { addressGroup } from './connection-guard.js';
import { type RunningServer, type ServeOptions, serve } from './serve.js';

// Reads the body, so a request whose body never arrives stays open until the request timeout.
const echo: CollectorHandler = async (request) =>
  new Response(`${request.method} ${(await request.text()).length}\n`);

const running: RunningServer[] = [];
const clients: Socket[] = [];
afterEach(async () => {
  for (const socket of clients.splice(0)) socket.destroy();
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(options: ServeOptions): Promise<RunningServer> {
  const server = await serve(echo, { port: 0, log: () => {}, ...options });
  running.push(server);
  return server;
}

interface Client {
  readonly socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  readonly closed: Promise<string>;
  /** Resolves with the server's next answer on this (kept-alive) connection. */
  request(path?: string): Promise<string>;
}

function client(server: RunningServer, localAddress = '127.0.0.1'): Client {
  const socket = connect({
    host: '127.0.0.1',
    port: Number(new URL(server.url).port),
    localAddress,
  });
  clients.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => {});
  // Not events.once: a reset (how a connection over the cap ends) is an 'error', then a 'close'.
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return {
    socket,
    closed,
    request: async (path = '/') => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      const [chunk] = (await once(socket, 'data')) as [Buffer];
      return chunk.toString('latin1');
    },
  };
}

/** The server's end of a client's connection, to wait until the server has let it go. */
function serverSide(server: RunningServer): (client: Client) => Socket {
  const accepted: Socket[] = [];
  server.server.on('connection', (socket: Socket) => accepted.push(socket));
  return (client) => {
    const socket = accepted.find((s) => s.remotePort === client.socket.localPort);
    if (socket === undefined) throw new Error('the server never accepted this connection');
    return socket;
  };
}

describe('serve: connection caps', () => {
  it('resets a connection over the per-address cap at once; other addresses are still served', async () => {
    const server = await start({ maxConnectionsPerAddress: 2, keepAliveTimeout: 60_000 });
    const sideOf = serverSide(server);
    const first = client(server, '127.0.0.2');
    const second = client(server, '127.0.0.2');
    expect(await first.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(await second.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

    const third = client(server, '127.0.0.2');
    expect(await third.closed).toBe('');
    const other = client(server, '127.0.0.1');
    expect(await other.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    // The two held connections were not touched.
    expect(await first.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

    // A connection that ends frees its place.
    const released = once(sideOf(first), 'close');
    first.socket.destroy();
    await released;
    const fourth = client(server, '127.0.0.2');
    expect(await fourth.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('drops connections over the global cap, whatever their address, until one ends', async () => {
    const server = await start({
      maxConnections: 2,
      maxConnectionsPerAddress: 0,
      keepAliveTimeout: 60_000,
    });
    const sideOf = serverSide(server);
    const first = client(server, '127.0.0.2');
    const second = client(server, '127.0.0.3');
    expect(await first.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(await second.request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);

    const dropped = once(server.server, 'drop');
    const third = client(server, '127.0.0.4');
    await dropped;
    expect(await third.closed).toBe('');

    const released = once(sideOf(second), 'close');
    second.socket.destroy();
    await released;
    expect(await client(server, '127.0.0.4').request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('sets the default timeouts and a cap on the total', async () => {
    const server = await start({});
    expect(server.server.maxConnections).toBeGreaterThan(128);
    expect(server.server.maxConnections).toBeLessThanOrEqual(10_000);
    expect(server.server.headersTimeout).toBe(10_000);
    expect(server.server.requestTimeout).toBe(30_000);
    expect(server.server.keepAliveTimeout).toBe(5_000);
  });
});

describe('serve: timeouts', () => {
  const quick = {
    headersTimeout: 300,
    requestTimeout: 600,
    connectionsCheckingInterval: 50,
  } as const;

  it('answers 408 and closes a connection whose headers never end', async () => {
    const server = await start(quick);
    const slow = client(server);
    slow.socket.write('POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty');
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('answers 408 and closes a connection that never sends a byte', async () => {
    const server = await start(quick);
    expect(await client(server).closed).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('answers 408 and closes a connection whose body never ends', async () => {
    const server = await start(quick);
    const slow = client(server);
    slow.socket.write(
      'POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"prot',
    );
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });
});

describe('serve: options', () => {
  it.each([
    [
      { headersTimeout: 0 },
      'ServeOptions.headersTimeout must be a whole number of milliseconds above 0, not 0',
    ],
    [
      { connectionsCheckingInterval: 1.5 },
      'ServeOptions.connectionsCheckingInterval must be a whole number of milliseconds above 0, not 1.5',
    ],
    [
      { keepAliveTimeout: Number.NaN },
      'ServeOptions.keepAliveTimeout must be a whole number of milliseconds above 0, not NaN',
    ],
    [
      { maxConnectionsPerAddress: -1 },
      'ServeOptions.maxConnectionsPerAddress must be a whole number, 0 or more, not -1',
    ],
    [
      { maxConnections: Number.POSITIVE_INFINITY },
      'ServeOptions.maxConnections must be a whole number, 0 or more, not Infinity',
    ],
    [
      { headersTimeout: 20_000, requestTimeout: 10_000 },
      'ServeOptions.headersTimeout (20000) must not exceed requestTimeout (10000)',
    ],
  ])('refuses %o before listening', async (options, message) => {
    await expect(serve(echo, { port: 0, ...options })).rejects.toThrow(new RangeError(message));
  });

  it('reports a failed accept once a minute instead of ending the process', async () => {
    const lines: string[] = [];
    const server = await start({ log: (line) => lines.push(line) });
    // An accept error as Node emits it (EMFILE cannot be provoked here without starving the
    // test runner of descriptors; test/collector/slow-clients.test.ts runs a server near its limit).
    const emfile = () =>
      Object.assign(new Error('accept EMFILE'), { code: 'EMFILE', syscall: 'accept' });
    server.server.emit('error', emfile());
    server.server.emit('error', emfile());
    expect(lines).toEqual([
      'hark-collector: could not accept 1 connection(s): EMFILE (out of file descriptors: raise `ulimit -n` or lower maxConnections)',
    ]);
    expect(await client(server).request()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });
});

describe('addressGroup', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['2001:db8:0:1:aaaa:bbbb:cccc:dddd', '2001:db8:0:1::/64'],
    ['2001:db8:0:1::1', '2001:db8:0:1::/64'],
    ['2001:DB8::1:2:3', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0001::', '2001:db8:0:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, group) => {
    expect(addressGroup(address)).toBe(group);
  });

  it('counts two addresses of one /64 together and of two /64s apart', () => {
    expect(addressGroup('2001:db8:1:2::a')).toBe(addressGroup('2001:db8:1:2:ffff::b'));
    expect(addressGroup('2001:db8:1:2::a')).not.toBe(addressGroup('2001:db8:1:3::a'));
  });

  it('has no group for a socket whose peer is already gone', () => {
    expect(addressGroup(undefined)).toBeUndefined();
  });
});
