import { Worker } from 'node:worker_threads';
import type { HarkResponse } from '../protocol/schema.js';
import type {
  AlertDelivery,
  AlertOutcome,
  ErasureTarget,
  ExportCursor,
  InsertOutcome,
  ResponseStore,
  ScoreCount,
  ScoreGrouping,
  ScoreQuery,
  StoredResponse,
} from './response-store.js';
import { StorageError } from './response-store.js';
import type { SqliteStoreOptions } from './sqlite-store.js';
import type { WorkerReply, WorkerRequest } from './sqlite-worker.js';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The embedded SQLite store on a worker thread: the same store (WAL, synchronous=FULL, group
 * commit), with its fsyncs off the server's event loop. Rejects like the store: StorageError.
 * Runs from the built package (`dist/storage/sqlite-worker.js`).
 */
export async function openSqliteStoreInWorker(options: SqliteStoreOptions): Promise<ResponseStore> {
  const worker = new Worker(new URL('./sqlite-worker.js', import.meta.url), {
    workerData: { path: options.path, alerts: options.alerts ?? [] },
  });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  let dead: StorageError | undefined;

  const failAll = (error: StorageError) => {
    dead = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      if ('ready' in reply) resolve();
      else if ('failed' in reply) reject(new StorageError(reply.failed));
      worker.off('message', onMessage);
    };
    worker.on('message', onMessage);
    worker.once('error', (error) =>
      reject(
        new StorageError(`the SQLite thread failed to start: ${error.message}`, { cause: error }),
      ),
    );
  });

  worker.on('message', (reply: WorkerReply) => {
    if (!('id' in reply)) return;
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new StorageError(reply.message));
  });
  worker.on('error', (error) =>
    failAll(new StorageError(`the SQLite thread failed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => {
    if (!closed) failAll(new StorageError(`the SQLite thread exited (code ${code})`));
  });

  const call = <T>(op: WorkerRequest['op'], ...args: unknown[]): Promise<T> => {
    if (closed) return Promise.reject(new StorageError('the SQLite store is closed'));
    if (dead !== undefined) return Promise.reject(dead);
    return new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  };

  return {
    insert: (responses: readonly HarkResponse[], receivedAt: Date) =>
      call<InsertOutcome>('insert', responses, receivedAt),
    countScores: (query: ScoreQuery, groupBy?: ScoreGrouping) =>
      call<ScoreCount[]>('countScores', query, groupBy),
    get: (id: string) => call<StoredResponse | undefined>('get', id),
    count: (surveyId?: string) => call<number>('count', surveyId),
    erase: (target: ErasureTarget, at: Date) => call<number>('erase', target, at),
    purgeBefore: (cutoff: Date) => call<number>('purgeBefore', cutoff),
    exportPage: (
      query: ScoreQuery,
      cursor: ExportCursor | undefined,
      limit: number,
      newestFirst?: boolean,
    ) => call<StoredResponse[]>('exportPage', query, cursor, limit, newestFirst),
    dueAlerts: (now: Date, limit: number, ruleIds?: readonly string[]) =>
      call<AlertDelivery[]>('dueAlerts', now, limit, ruleIds),
    settleAlert: (id: string, outcome: AlertOutcome) => call<void>('settleAlert', id, outcome),
    async close() {
      if (closed) return;
      try {
        await call('close');
      } finally {
        closed = true;
        await worker.terminate();
      }
    },
  };
}
