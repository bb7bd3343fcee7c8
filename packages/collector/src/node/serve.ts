import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectorHandler } from '../http/create-collector.js';
import { capConnectionsPerAddress } from './connection-guard.js';
import { openFileLimit } from './descriptor-limit.js';
import { toNodeListener } from './node-listener.js';

export interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
  /** Milliseconds a client has to send a request's headers (default 10 s). */
  readonly headersTimeout?: number;
  /** Milliseconds a client has to send a whole request, headers and body (default 30 s). */
  readonly requestTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open between requests (default 5 s). */
  readonly keepAliveTimeout?: number;
  /**
   * How often, in milliseconds, open connections are checked against the headers and request
   * timeouts (default 1 s; Node's own 30 s lets a stalled connection live up to 40 s).
   */
  readonly connectionsCheckingInterval?: number;
  /**
   * Most connections open at once; further ones are closed as they arrive, so the process never
   * runs out of file descriptors (which it also needs for its database). 0: no cap. Default:
   * three quarters of the process's descriptor limit, at most 10,000 (1,024 where the limit
   * cannot be read).
   */
  readonly maxConnections?: number;
  /**
   * Most connections open at once from one client address (IPv6: one /64); further ones are reset
   * as they arrive, so one client cannot take the connections everyone else needs. 0: no cap.
   * Default 128. Behind a reverse proxy every client shares the proxy's address: raise it to the
   * proxy's connection pool or set 0 and cap at the proxy.
   */
  readonly maxConnectionsPerAddress?: number;
  /** Where failures to accept a connection are reported (at most once a minute); default stderr. */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly server: Server;
  /** The base URL the server answers on, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  close(): Promise<void>;
}

const DEFAULTS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
  maxConnectionsPerAddress: 128,
};
const MAX_CONNECTIONS_CEILING = 10_000;
const MAX_CONNECTIONS_UNKNOWN_LIMIT = 1_024;
const ACCEPT_ERROR_LOG_INTERVAL = 60_000;

/** Starts Node's HTTP server on the handler; resolves once it listens. */
export async function serve(
  handler: CollectorHandler,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const headersTimeout = milliseconds(options, 'headersTimeout');
  const requestTimeout = milliseconds(options, 'requestTimeout');
  if (headersTimeout > requestTimeout) {
    throw new RangeError(
      `ServeOptions.headersTimeout (${headersTimeout}) must not exceed requestTimeout (${requestTimeout})`,
    );
  }
  const perAddress = cap(options, 'maxConnectionsPerAddress') ?? DEFAULTS.maxConnectionsPerAddress;
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: milliseconds(options, 'keepAliveTimeout'),
      connectionsCheckingInterval: milliseconds(options, 'connectionsCheckingInterval'),
    },
    toNodeListener(handler),
  );
  const total = cap(options, 'maxConnections') ?? defaultMaxConnections();
  if (total > 0) server.maxConnections = total;
  if (perAddress > 0) capConnectionsPerAddress(server, perAddress);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      reportAcceptErrors(server, options.log ?? ((line) => console.error(line)));
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Three quarters of the descriptor limit: the rest stays for the database, workers and alerts. */
function defaultMaxConnections(): number {
  const limit = openFileLimit();
  if (limit === undefined) return MAX_CONNECTIONS_UNKNOWN_LIMIT;
  return Math.max(1, Math.min(MAX_CONNECTIONS_CEILING, Math.floor((limit * 3) / 4)));
}

type Timeout =
  | 'headersTimeout'
  | 'requestTimeout'
  | 'keepAliveTimeout'
  | 'connectionsCheckingInterval';

function milliseconds(options: ServeOptions, name: Timeout): number {
  const value = options[name];
  if (value === undefined) return DEFAULTS[name];
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(
      `ServeOptions.${name} must be a whole number of milliseconds above 0, not ${value}`,
    );
  }
  return value;
}

function cap(
  options: ServeOptions,
  name: 'maxConnections' | 'maxConnectionsPerAddress',
): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`ServeOptions.${name} must be a whole number, 0 or more, not ${value}`);
  }
  return value;
}

/**
 * Once listening, a failed accept (out of descriptors: EMFILE, ENFILE) is emitted as the server's
 * 'error', which without a listener ends the process. libuv has already shed the waiting
 * connections by then and keeps accepting, so it is reported, not fatal.
 */
function reportAcceptErrors(server: Server, log: (line: string) => void): void {
  let lastLogged = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  server.on('error', (error: NodeJS.ErrnoException) => {
    unreported++;
    const now = Date.now();
    if (now - lastLogged < ACCEPT_ERROR_LOG_INTERVAL) return;
    lastLogged = now;
    log(
      `hark-collector: could not accept ${unreported} connection(s): ${error.code ?? error.message}` +
        (error.code === 'EMFILE' || error.code === 'ENFILE'
          ? ' (out of file descriptors: raise `ulimit -n` or lower maxConnections)'
          : ''),
    );
    unreported = 0;
  });
}
