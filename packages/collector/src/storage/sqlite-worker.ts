// The SQLite store's thread: owns the connection, so commits and their fsyncs never block the
// server's event loop. Requests from concurrent HTTP requests arrive as messages and still share
// one group commit (the store batches what arrives in one turn of this thread's loop).
import { parentPort, workerData } from 'node:worker_threads';
import type { ResponseStore } from './response-store.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

/** What the main thread asks. */
export interface WorkerRequest {
  readonly id: number;
  readonly op:
    | 'insert'
    | 'countScores'
    | 'get'
    | 'count'
    | 'erase'
    | 'exportPage'
    | 'purgeBefore'
    | 'dueAlerts'
    | 'settleAlert'
    | 'close';
  readonly args: readonly unknown[];
}

/** What this thread answers. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string }
  | { readonly ready: true }
  | { readonly failed: string };

const port = parentPort;
if (port === null) throw new Error('sqlite-worker.js runs as a worker thread');

let store: ResponseStore;
try {
  store = openSqliteStore(workerData as SqliteStoreOptions);
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (error) {
  port.postMessage({
    failed: error instanceof Error ? error.message : String(error),
  } satisfies WorkerReply);
  process.exit(0);
}

port.on('message', async ({ id, op, args }: WorkerRequest) => {
  try {
    const call = store[op] as (...a: readonly unknown[]) => Promise<unknown>;
    const value = await call.apply(store, [...args]);
    port.postMessage({ id, ok: true, value } satisfies WorkerReply);
    if (op === 'close') port.close();
  } catch (error) {
    const { name, message } =
      error instanceof Error ? error : { name: 'Error', message: String(error) };
    port.postMessage({ id, ok: false, name, message } satisfies WorkerReply);
  }
});
