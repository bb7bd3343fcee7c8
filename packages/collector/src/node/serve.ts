import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectorHandler } from '../http/create-collector.js';
import { toNodeListener } from './node-listener.js';

export interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
}

export interface RunningServer {
  readonly server: Server;
  /** The base URL the server answers on, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts Node's HTTP server on the handler; resolves once it listens. */
export function serve(
  handler: CollectorHandler,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const server = createServer(toNodeListener(handler));
  // Slow-loris guard: a client gets 30 s to send its headers and body.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
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
