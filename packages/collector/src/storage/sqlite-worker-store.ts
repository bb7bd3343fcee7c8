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
import { DEFAULT_MAX_WAIT_MS, type SqliteStoreOptions } from './sqlite-store.js';
import type { WorkerReply, WorkerRequest } from './sqlite-worker.js';

export interface SqliteWorkerStoreOptions extends SqliteStoreOptions {
  /**
   * Told once when the SQLite thread dies (a crash, not `close()`): every call fails with
   * StorageError from then on (HTTP 503), until the collector is restarted.
   */
  readonly onFailure?: (error: StorageError) => void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * How much longer than `maxWaitMs` the main thread waits for the thread's answer. The thread
 * bounds its own waits for locks and answers first; this catches a thread stuck in one long call
 * (a disk that stopped answering an fsync), which nothing inside the thread can interrupt.
 */
const THREAD_GRACE_MS = 2_000;

/** Calls that are not a request waiting for its answer: they may take as long as they take. */
const UNBOUNDED: ReadonlySet<WorkerRequest['op']> = new Set(['close', 'purgeBefore']);

/**
 * The embedded SQLite store on a worker thread: the same store (WAL, synchronous=FULL, group
 * commit, bounded waits), with its fsyncs off the server's event loop. Rejects like the store:
 * StorageError. Runs from the built package (`dist/storage/sqlite-worker.js`).
 *
 * A call unanswered after `maxWaitMs` (and a little grace) rejects with StorageError; should the
 * thread finish it later, an insert is then stored but was never acknowledged, so its client
 * sends it again and is told it is a duplicate: still exactly one row.
 */
export async function openSqliteStoreInWorker(
  options: SqliteWorkerStoreOptions,
): Promise<ResponseStore> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const worker = new Worker(new URL('./sqlite-worker.js', import.meta.url), {
    workerData: {
      path: options.path,
      alerts: options.alerts ?? [],
      maxWaitMs,
    } satisfies SqliteStoreOptions,
  });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;
  let dead: StorageError | undefined;

  const settle = (id: number): Pending | undefined => {
    const waiting = pending.get(id);
    if (waiting === undefined) return undefined;
    pending.delete(id);
    clearTimeout(waiting.timer);
    return waiting;
  };

  const failAll = (error: StorageError) => {
    if (dead === undefined) options.onFailure?.(error);
    dead = error;
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
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
    const waiting = settle(reply.id);
    if (waiting === undefined) return;
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new StorageError(reply.message));
  });
  worker.on('error', (error) =>
    failAll(new StorageError(`the SQLite thread failed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => {
    if (!closed) {
      failAll(
        new StorageError(
          `the SQLite thread exited (code ${code}); answers are refused until the collector is restarted`,
        ),
      );
    }
  });

  const call = <T>(op: WorkerRequest['op'], ...args: unknown[]): Promise<T> => {
    if (closed) return Promise.reject(new StorageError('the SQLite store is closed'));
    if (dead !== undefined) return Promise.reject(dead);
    return new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      const timer = UNBOUNDED.has(op)
        ? undefined
        : setTimeout(() => {
            settle(id)?.reject(
              new StorageError(
                `the SQLite thread did not answer (${op}) within ${maxWaitMs + THREAD_GRACE_MS} ms`,
              ),
            );
          }, maxWaitMs + THREAD_GRACE_MS);
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
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
